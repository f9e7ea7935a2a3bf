/**
 * Signed slash commands into the running Bolt app; numbers checked against the FOCUS oracle
 * (an independent reading of the sample CSV), never against the query engine itself.
 */
import { blockText, NOW, SECRET, useE2E } from './harness';
import { demoTotal, focusGroups, focusTotal, usd } from '../support/oracles';
import { sendSlashCommand } from '../support/slack-requests';

const app = useE2E();

describe('/cost over signed HTTP', () => {
  it('acks at once and answers a summary privately, with the store\'s numbers', async () => {
    const { status, ms, answer } = await app().cost('summary last month');
    expect(status).toBe(200);
    expect(ms).toBeLessThan(3000);
    expect(answer!.response_type).toBe('ephemeral');
    const text = blockText(answer!.blocks);
    const top = focusGroups('service')[0]!;
    expect(text).toContain(usd(focusTotal()));
    expect(top.key).toBe('Amazon Elastic Compute Cloud');
    expect(text).toContain(`1. ${top.key} — *${usd(top.amount)}*`);
    expect(text).toMatch(/"type":"image","image_url":"https:\/\/quickchart\.io\/chart/);
    expect(app().api.violations).toEqual([]);
  });

  it('posts to the channel with "public", and answers top lists from the store', async () => {
    const { answer } = await app().cost('top account last month public');
    expect(answer!.response_type).toBe('in_channel');
    const top = focusGroups('account')[0]!;
    expect(blockText(answer!.blocks)).toContain(`1. ${top.label} \`${top.key}\` — *${usd(top.amount)}*`);
  });

  it.each([
    ['summary fortnight', /can.t read the period/],
    ['top service last month service:ec3', /don.t see any service called/],
    ['top colour', /can.t group by/],
    ['sumary', /Did you mean `\/cost summary`/],
    ['simulate', /What should change\? Try `EC2 -20% from 2027-01`/],
    ['forecast by region', /forecast by provider/],
  ])('%s gets a short, specific ephemeral answer', async (text, message) => {
    const { answer } = await app().cost(text);
    expect(answer!.response_type).toBe('ephemeral');
    expect(blockText(answer)).toMatch(message);
    expect(blockText(answer)).not.toMatch(/at \w+ \(|Error:/);
  });

  it('/cost forecast answers with the month and quarter forecast, spend so far from the store', async () => {
    const { answer } = await app().cost('forecast');
    const text = blockText(answer);
    // October so far is the demo clouds' October 1 (the FOCUS sample is September).
    const today = NOW.slice(0, 10);
    expect(text).toContain(`*Spent so far*\n${usd(await demoTotal(today, { start: '2024-10-01', end: today }))}`);
    expect(text).toContain('October 2024 forecast');
    expect(text).toContain('Q4 2024 forecast');
  });

  it('rejects forged and stale signatures without answering', async () => {
    const url = app().responses.newUrl();
    const forged = await sendSlashCommand(app().base, SECRET, { command: '/cost', text: 'summary', response_url: url }, { forgeSignature: 'v0=' + '0'.repeat(64) });
    const stale = await sendSlashCommand(app().base, SECRET, { command: '/cost', text: 'summary', response_url: url }, { stale: true });
    expect([forged.status, stale.status]).toEqual([401, 401]);
    await new Promise((r) => setTimeout(r, 500));
    expect(app().responses.postsTo(url)).toEqual([]);
  });

  it('uploads a monthly report file to the person\'s DM when private', async () => {
    app().api.reset();
    const { answer } = await app().cost('report monthly csv');
    expect(blockText(answer)).toMatch(/penny-monthly-report-2024-09-01_to_2024-09-30\.csv/);
    const complete = await app().api.waitFor('files.completeUploadExternal');
    expect(complete.body.channel_id).toBe('D2'); // the DM the fake opened for user U2
    expect(app().api.uploads.at(-1)!.size).toBeGreaterThan(100);
  });

  it('answers 1,000 fuzzed /cost texts without crashing, every one of them', async () => {
    const words = ['summary', 'daily', 'top', 'compare', 'report', 'digest', 'help', 'public', 'vs', 'service', 'account', 'tag:team', 'provider:aws',
      'last', 'month', '7d', '2024-09', 'Q3', '2024', '..', '"', "'", '\\', '😀', '<script>', '%s', '${x}', 'weekly', 'csv', 'on', 'off', '25:99', 'Mars/Olympus', '-1d', '9999-99'];
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const texts = Array.from({ length: 1000 }, () => Array.from({ length: Math.floor(rnd() * 5) }, () => words[Math.floor(rnd() * words.length)]!).join(' '));
    const statuses: number[] = [];
    for (let i = 0; i < texts.length; i += 25) {
      const batch = await Promise.all(texts.slice(i, i + 25).map((t) => app().cost(t, { channel: 'CFUZZ' })));
      for (const r of batch) {
        statuses.push(r.status);
        expect(r.answer).toBeDefined();
      }
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(app().responses.posts.filter((p) => p.status >= 400)).toEqual([]);
  }, 600_000);
});
