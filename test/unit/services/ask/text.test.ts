import { normalizeQuestion, stripSlackMarkup, typoDistance } from '../../../../src/services/ask/text';

describe('normalizeQuestion', () => {
  it('drops Slack markup, mentions, links and emoji, keeping the words', () => {
    expect(stripSlackMarkup('*Hey* <@U123|penny> see <https://x.io|this> in <#C1|general> _now_ ~no~')).toBe('Hey   see this in   now no');
    expect(normalizeQuestion('<@U123> What did *EC2* cost us?? :money_with_wings: \ud83d\ude80')).toBe('what did ec2 cost us');
  });

  it('keeps what names need and unifies quotes, dashes and contractions', () => {
    expect(normalizeQuestion('\u201cus-east-1\u201d, team=data, /subscriptions/abc-1 \u2014 what\u2019s N. Virginia\u2019s cost?')).toBe('us-east-1 team=data /subscriptions/abc-1 to what n virginia cost');
    expect(normalizeQuestion("didn't Sep 1\u201315 go up")).toBe('did not sep 1 to 15 go up');
    expect(normalizeQuestion('2024-09 and 2024-09-01')).toBe('2024-09 and 2024-09-01');
    expect(normalizeQuestion('business_unit costs')).toBe('business_unit costs');
  });
});

describe('typoDistance', () => {
  it('counts a swap of neighbouring letters as one typo', () => {
    expect(typoDistance('waht', 'what')).toBe(1);
    expect(typoDistance('spnd', 'spend')).toBe(1);
    expect(typoDistance('abc', 'abc')).toBe(0);
    expect(typoDistance('kitten', 'sitting')).toBe(3);
  });
});
