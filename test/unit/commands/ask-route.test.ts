/** The router: the `/cost` grammar first, words in people's language to the answerer, help and "did you mean" when it declines. */
import { askHarness, B } from '../../support/ask-harness';

const ctx = { channelId: 'C1', userId: 'U1' };

describe('CommandRouter with the answerer', () => {
  it('keeps the /cost grammar working', async () => {
    const { router } = await askHarness();
    expect((await router.run('top service 2024-09', ctx)).answer.kind).toBe('top');
    expect((await router.run('2024-09', ctx)).answer.kind).toBe('summary');
    expect((await router.run('help', ctx)).answer.kind).toBe('help');
  });

  it('answers free text with the answerer, keeping "public"', async () => {
    const { router } = await askHarness();
    const r = await router.run('what did S3 cost us in September? public', ctx);
    expect(r).toMatchObject({ visibility: 'in_channel', answer: { kind: 'ask', total: 9n * B } });
  });

  it('asks a command whose words do not read, and keeps the grammar error when the answerer declines too', async () => {
    const { router } = await askHarness();
    expect((await router.run('top 2 services in September', ctx)).answer).toMatchObject({ kind: 'ask', groups: [{ cost: 24n * B }, { cost: 9n * B }] });
    expect((await router.run('compare EC2 in September vs August', ctx)).answer).toMatchObject({ kind: 'ask', total: 24n * B, previousTotal: 10n * B });
    expect((await router.run('daily blorp', ctx)).answer).toMatchObject({ kind: 'error', message: expect.stringContaining('blorp') });
  });

  it('declines with the reason, close names and the closest command', async () => {
    const { router } = await askHarness();
    expect((await router.run('what did EC3 cost in September?', ctx)).answer).toMatchObject({ kind: 'ask-refusal', suggestions: expect.arrayContaining(['Amazon Elastic Compute Cloud']) });
    expect((await router.run('reprot weekly', ctx)).answer).toMatchObject({ kind: 'ask-refusal', closestCommand: '/cost report weekly' });
    // A typo the answerer can read is simply answered.
    expect((await router.run('sumary 2024-09', ctx)).answer).toMatchObject({ kind: 'ask', total: 33n * B });
  });

  it('answers a thread reply only where a question was answered, and reads "last month" there as a refinement', async () => {
    const { router } = await askHarness();
    const thread = { channel: 'C1', thread: '1.2' };
    expect(await router.followUp('and the month before?', { ...ctx, thread })).toBeUndefined();
    await router.run('what did S3 cost in September?', { ...ctx, thread });
    expect((await router.followUp('and the month before?', { ...ctx, thread }))?.answer).toMatchObject({ kind: 'ask', total: 5n * B, query: { filters: { services: ['Amazon Simple Storage Service'] } } });
    expect((await router.run('2024-09', { ...ctx, thread })).answer).toMatchObject({ kind: 'ask', total: 9n * B });
  });
});
