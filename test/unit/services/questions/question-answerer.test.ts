/** One way for every face: parser or model, thread context with a TTL, the asker's scope, and the log of which path answered. */
import type { AskAnswerView, AskRefusalAnswer } from '../../../../src/answers/ask';
import type { QuestionResult } from '../../../../src/services/questions/question-answerer';
import { askHarness, B } from '../../../support/ask-harness';

const answered = (r: QuestionResult): AskAnswerView => {
  if (r.kind !== 'ask') throw new Error(`refused: ${r.reason}`);
  return r;
};
const thread = { channel: 'C1', thread: '1700000000.000100' };

describe('QuestionAnswerer', () => {
  it('answers with the exact total, what was queried, and how fresh the data is', async () => {
    const { questions } = await askHarness();
    const a = answered(await questions.answer({ question: 'what did EC2 cost us in September?' }));
    expect(a.total).toBe(24n * B);
    expect(a.query).toMatchObject({ kind: 'totals', metric: 'billed', period: { start: '2024-09-01', end: '2024-10-01' }, filters: { services: ['Amazon Elastic Compute Cloud'] }, filterLabels: ['service Amazon Elastic Compute Cloud'] });
    expect(a.freshness).toEqual({ today: '2024-10-16', lastDay: '2024-09-20', settlingDays: 2 });
    expect(a.answeredBy).toBe('parser');
    expect(a.chart).toBeUndefined();
  });

  it('draws a chart when a breakdown or a trend is asked for', async () => {
    const { questions } = await askHarness();
    const byService = answered(await questions.answer({ question: 'costs by service in September' }));
    expect(byService.chart).toMatchObject({ kind: 'horizontal-bar', labels: ['Amazon Elastic Compute Cloud', 'Amazon Simple Storage Service'] });
    expect(answered(await questions.answer({ question: 'daily costs in September' })).chart).toMatchObject({ kind: 'bar' });
  });

  it('reads relative periods as of the day given', async () => {
    const { questions } = await askHarness();
    const a = answered(await questions.answer({ question: 'what did we spend last month?', asOf: '2024-09-10' }));
    expect(a.query.period).toMatchObject({ start: '2024-08-01', end: '2024-09-01' });
    expect(a.total).toBe(15n * B);
    expect(a.freshness).toMatchObject({ today: '2024-09-10', lastDay: '2024-09-09' });
  });

  it('refines a forecast or a named budget in a thread, and keeps what it was about', async () => {
    const { questions, watchdog } = await askHarness({ watch: true });
    const forecast = answered(await questions.answer({ question: 'what will we spend this month?', thread }));
    expect(forecast.query).toMatchObject({ kind: 'forecast', period: { start: '2024-10-01', end: '2024-11-01' } });
    expect(forecast.followUps).toEqual(['by service', 'by provider']);
    const split = answered(await questions.answer({ question: 'by service', thread }));
    expect(split.query).toMatchObject({ kind: 'forecast', groupBy: 'service', period: { start: '2024-10-01', end: '2024-11-01' } });
    expect(split.groups?.map((g) => g.key)).toEqual(expect.arrayContaining(['Amazon Elastic Compute Cloud']));

    await watchdog!.budgets.set({ name: 'storage', scope: { kind: 'service', value: 'Amazon Simple Storage Service' }, period: 'quarter', amount: 1000n * B }, 'U1');
    const other = { ...thread, thread: '1700000000.000200' };
    answered(await questions.answer({ question: 'how is the storage budget doing?', thread: other }));
    // The quarter so far (October 1–15) has no S3 costs; the budget is still the one asked about.
    const again = answered(await questions.answer({ question: 'and this month?', thread: other }));
    expect(again.text).toContain('• storage (service Amazon Simple Storage Service, quarterly, 2024-10-01 to 2024-12-31): $0.00 of $1,000.00 spent (0%)');
  });

  it('refines the previous question of a thread, and forgets it when it expires', async () => {
    const { questions, clock } = await askHarness();
    answered(await questions.answer({ question: 'what did EC2 cost in September?', thread }));
    expect(await questions.hasThread(thread)).toBe(true);
    const before = answered(await questions.answer({ question: 'and the month before?', thread }));
    expect([before.query.period.start, before.total]).toEqual(['2024-08-01', 10n * B]);
    const byAccount = answered(await questions.answer({ question: 'break that down by account', thread }));
    expect(byAccount.query).toMatchObject({ groupBy: 'account', period: { start: '2024-08-01' }, filters: { services: ['Amazon Elastic Compute Cloud'] } });
    clock.ms += 25 * 3_600_000;
    expect(await questions.hasThread(thread)).toBe(false);
    const fresh = answered(await questions.answer({ question: 'by account', thread }));
    expect(fresh.query.filters.services).toEqual([]);
  });

  it('keeps a thread reply to what the asker may see', async () => {
    const { questions } = await askHarness();
    const scope = { accounts: ['A1'], name: 'in this channel' };
    const all = answered(await questions.answer({ question: 'costs by account in September', scope }));
    expect(all.groups?.map((g) => g.key)).toEqual(['A1']);
    const staging = (await questions.answer({ question: 'what did staging cost in September?', scope })) as AskRefusalAnswer;
    expect(staging).toMatchObject({ kind: 'ask-refusal', reason: expect.stringContaining('outside') });
  });

  it('falls back to the parser when the model fails, and logs which path answered', async () => {
    const { questions, logger } = await askHarness({ llmPath: { answer: async () => ({ ok: false, reason: 'rate-limited' }) } });
    const a = answered(await questions.answer({ question: 'what did S3 cost in September?' }));
    expect([a.total, a.answeredBy]).toEqual([9n * B, 'parser']);
    expect(logger.entries.at(-1)).toMatchObject({ level: 'info', obj: { path: 'parser', llmFallback: 'rate-limited', kind: 'totals' }, msg: 'ask: question answered' });
  });
});
