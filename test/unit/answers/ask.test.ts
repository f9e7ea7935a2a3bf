/** The ask answer every face shows: the context line, and the `penny ask --json` contract with exact decimal strings. */
import { askContextLines, askJson, type AskRefusalAnswer } from '../../../src/answers/ask';
import { SAMPLE_ASK } from './ask-sample';


describe('ask answers', () => {
  it('say what was queried, how fresh the data is, and the cost basis', () => {
    expect(askContextLines(SAMPLE_ASK)).toEqual([
      'Queried: September 2024 (Sep 1 – Sep 30, 2024) vs August 2024 (Aug 1 – Aug 31, 2024) · service Amazon Elastic Compute Cloud · by region',
      'Costs up to Oct 15 (UTC days); the last 2 days may still change. Cost basis: billed cost (as invoiced).',
    ]);
  });

  it('print the JSON contract: answer, query, total and groups, amounts as exact decimal strings', () => {
    const json = askJson(SAMPLE_ASK);
    expect(Object.keys(json)).toEqual(['answer', 'query', 'total', 'groups']);
    expect(json).toEqual({
      answer: SAMPLE_ASK.text,
      query: {
        kind: 'compare', metric: 'billed', currency: 'USD',
        period: { label: 'September 2024', from: '2024-09-01', to: '2024-09-30' },
        against: { label: 'August 2024', from: '2024-08-01', to: '2024-08-31', total: '15' },
        filters: { services: ['Amazon Elastic Compute Cloud'] },
        groupBy: 'region',
      },
      total: '20.000000001',
      groups: [{ key: 'us-east-1', label: 'us-east-1', cost: '20.000000001', previous: '15', change: '5.000000001' }],
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('give a refusal a null query, total and groups', () => {
    const refusal: AskRefusalAnswer = { kind: 'ask-refusal', question: 'ec3?', reason: 'I don\'t know "ec3".', suggestions: ['EC2'], examples: [] };
    expect(askJson(refusal)).toEqual({ answer: 'I don\'t know "ec3". Did you mean “EC2”?', query: null, total: null, groups: null });
  });
});
