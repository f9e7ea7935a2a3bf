/** Ask answers in Block Kit: the sentence, the context line under it, and refusals that help. Pure and inside Slack's limits. */
import { askMessage, askRefusalMessage } from '../../../src/slack/blocks';
import { SAMPLE_ASK } from '../answers/ask-sample';

const text = (m: unknown) => JSON.stringify(m);

describe('ask messages', () => {
  it('show the answer, then what was queried, freshness and the cost basis', () => {
    const m = askMessage(SAMPLE_ASK);
    expect(m.text).toBe(SAMPLE_ASK.text);
    expect(m.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: SAMPLE_ASK.text } });
    expect(text(m)).toContain('Queried: September 2024');
    expect(text(m)).toContain('Cost basis: billed cost (as invoiced)');
    expect(text(m)).toContain('Reply to refine it');
    expect(text(m)).not.toContain('AI model');
  });

  it('say when a model worded the answer, and show a chart URL as an image', () => {
    const m = askMessage({ ...SAMPLE_ASK, answeredBy: 'llm' }, { type: 'url', url: 'https://quickchart.io/chart?c=1', altText: 'Costs by region' });
    expect(text(m)).toContain('Worded by an AI model');
    expect(m.blocks.some((b) => b.type === 'image')).toBe(true);
  });

  it('escape what people typed and stay inside the limits with a very long answer', () => {
    const long = askMessage({ ...SAMPLE_ASK, text: `<!channel> ${'• a line of an answer\n'.repeat(400)}` });
    expect(text(long)).not.toContain('<!channel>');
    expect(long.text.length).toBeLessThanOrEqual(3000);
    expect(long.blocks.length).toBeLessThanOrEqual(50);
  });

  it('turn a refusal into the reason, "did you mean" and questions to try', () => {
    const m = askRefusalMessage({ kind: 'ask-refusal', question: 'ec3 last month', reason: 'I don\'t know "ec3".', suggestions: ['Amazon Elastic Compute Cloud'], examples: ['What did EC2 cost last month?'], closestCommand: '/cost summary' });
    expect(text(m)).toContain('Did you mean `/cost summary` or “Amazon Elastic Compute Cloud”?');
    expect(text(m)).toContain('What did EC2 cost last month?');
    expect(m.text).toBe('I don\'t know "ec3". Did you mean /cost summary or Amazon Elastic Compute Cloud?');
  });
});
