import { findPeriodPhrases } from '../../../../src/services/ask/period-phrases';
import { normalizeQuestion } from '../../../../src/services/ask/text';

const TODAY = '2024-10-16';
const found = (q: string) => findPeriodPhrases(normalizeQuestion(q), TODAY).map((p) => ({ text: p.text, range: [p.period.range.start, p.period.range.end], ...(p.relative ? { relative: true } : {}), ...(p.parts ? { parts: true } : {}), ...(p.future ? { future: true } : {}) }));

describe('findPeriodPhrases', () => {
  it.each([
    ['what did we spend in October?', 'october', ['2024-10-01', '2024-11-01']],
    ['over the last 90 days', 'the last 90 days', ['2024-07-18', '2024-10-16']],
    ['costs since Monday', 'since monday', ['2024-10-14', '2024-10-17']],
    ['spend in September 2024', 'september 2024', ['2024-09-01', '2024-10-01']],
    ['Q3 please', 'q3', ['2024-07-01', '2024-10-01']],
    ['on sep 5th', 'sep 5th', ['2024-09-05', '2024-09-06']],
    ['on the 5th of September', 'the 5th of september', ['2024-09-05', '2024-09-06']],
    ['two weeks ago', 'two weeks ago', ['2024-09-30', '2024-10-07']],
    ['in May', 'may', ['2024-05-01', '2024-06-01']],
  ])('%s', (q, text, range) => {
    expect(found(q)).toEqual([{ text, range }]);
  });

  it('keeps a range whole, with its ends for comparisons', () => {
    expect(found('Sep 1-15')).toEqual([{ text: 'sep 1 to 15', range: ['2024-09-01', '2024-09-16'], parts: true }]);
    expect(found('from july to september')).toEqual([{ text: 'from july to september', range: ['2024-07-01', '2024-10-01'], parts: true }]);
  });

  it('marks "the month before" as relative and the future as future', () => {
    expect(found('last month vs the month before')).toEqual([
      { text: 'last month', range: ['2024-09-01', '2024-10-01'] },
      { text: 'the month before', range: ['2024-09-01', '2024-10-01'], relative: true },
    ]);
    expect(found('next month')).toEqual([{ text: 'next month', range: ['2024-11-01', '2024-12-01'], future: true }]);
  });

  it('leaves "may" the verb alone', () => {
    expect(found('may I see the costs')).toEqual([]);
  });
});
