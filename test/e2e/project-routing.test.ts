/**
 * Project routing and alert email end to end: the real Bolt app (two instances, each running the
 * watchdog job on Agenda every second), the real store on the test server, the fake Slack Web
 * API and a local SMTP sink. Two projects own account 222222222222: "data" (owner a user, UDATA,
 * channel CDATA) and "platform" (owner a user group, SPLAT, channel CPLAT); CALL subscribed to all
 * alerts. CPLAT refuses the first post (Penny not in the channel) and the SMTP server refuses the
 * first email to oncall@: both are sent on a later run, and nothing is sent twice.
 *
 * Data, by hand: account 111111111111 ("core") costs $100.00 a day and 222222222222 ("data-acct")
 * $50.00 a day from January 1; on March 14 data-acct costs $650.37. As of March 15:
 *  - the total is $750.37 against $150.00 expected: +$600.37, +400% (600.37 / 150 = 4.0025); all of
 *    the rise is data-acct's, so the alert (raised on the total) is both projects';
 *  - budget "data" ($1,000.00 a month on account data-acct) has $50.00 × 13 + $650.37 = $1,300.37,
 *    130%: 100% fired (50 and 80% too, announced as one), exceeded on March 14 ($650.00 on the 13th).
 */
import { daysIn } from '../../src/domain/days';
import type { Penny } from '../../src/main';
import { fixedClock } from '../../src/ports/clock';
import { rec } from '../fixtures/records';
import type { RecordedCall } from '../fakes/fake-slack-api';
import { mimePart, startSmtpSink, type SmtpSink, type SunkMail } from '../support/smtp-sink';
import { TEST_USER } from '../support/slack-requests';
import { blockText, startE2E, type E2E } from './harness';

const D = 1_000_000_000n;
const CORE = { subAccountId: '111111111111', subAccountName: 'core', resourceId: 'i-core' };
const DATA = { subAccountId: '222222222222', subAccountName: 'data-acct', resourceId: 'i-data' };
const ANOMALY = 'anomaly:total|2026-03-14';
const BUDGET = 'budget:data|2026-03-01|actual|100';
const ANOMALY_TEXT = '$750.37 against $150.00 expected: +$600.37 (+400%)';
const BUDGET_TEXT = '$1,300.37 of $1,000.00 (130%)';
const ADDRESSES = ['oncall@example.com', 'finance@example.com'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let sink: SmtpSink;
let e2e: E2E;
let other: Penny;
beforeAll(async () => {
  sink = await startSmtpSink();
  // Alert email only (no PENNY_EMAIL_TO: no digest email to tell apart from the alerts).
  e2e = await startE2E({
    clock: fixedClock('2026-03-15T12:00:00Z'), seed: false, start: { watchdogInterval: '1 second' },
    env: { PENNY_ADMINS: TEST_USER.id, SMTP_URL: sink.url, PENNY_ALERT_EMAIL_TO: ADDRESSES.join(', '), PENNY_EMAIL_FROM: 'Penny <penny@example.com>' },
  });
  other = await e2e.startAnother();
}, 120_000);
afterAll(async () => {
  await e2e?.stop();
  await sink?.close();
});

const posted = (channel: string) => e2e.api.callsTo('chat.postMessage').filter((c) => c.body.channel === channel && c.response.ok === true);
const keyOf = (call: RecordedCall) => (blockText(call.body).includes('Budget data') ? BUDGET : blockText(call.body).includes('Spike in Total spend') ? ANOMALY : 'other');
const mailsTo = (address: string) => sink.messages.filter((m) => m.to.includes(address));
// SMTP sends lines ending in CRLF.
const part = (m: SunkMail, type: 'text/plain' | 'text/html') => (mimePart(m.raw, type) ?? '').replace(/\r\n/g, '\n');

async function until(done: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

it('sets up two projects on one account, a subscribed channel and a budget on the account', async () => {
  const data = await e2e.cost('project add data <@UDATA|dana> <#CDATA|data> account:222222222222');
  expect(blockText(data.answer)).toContain('Project added');
  const platform = await e2e.cost('project add platform <!subteam^SPLAT|@platform> <#CPLAT|platform> account:222222222222');
  expect(blockText(platform.answer)).toContain('owner <!subteam^SPLAT>');
  expect(blockText((await e2e.cost('alerts on', { channel: 'CALL' })).answer)).toContain('Alerts are on');
  await e2e.penny.core.watchdog.budgets.set({ name: 'data', scope: { kind: 'account', value: 'data-acct' }, period: 'month', amount: 1000n * D }, TEST_USER.id);
});

it('posts each alert once to each project channel with its owner, and once to the subscribed channel without', async () => {
  e2e.api.failNext('chat.postMessage', 'not_in_channel', { channel: 'CPLAT' });
  sink.refuseNext('oncall@example.com');
  const days = [...daysIn({ start: '2026-01-01', end: '2026-03-15' })];
  await e2e.penny.core.store.writeRecords([
    ...days.map((d) => rec(d, 100n * D, CORE)),
    ...days.map((d) => rec(d, d === '2026-03-14' ? 650_370_000_000n : 50n * D, DATA)),
  ], { importId: 'e2e-routing' });

  await until(() => ['CALL', 'CDATA', 'CPLAT'].every((c) => posted(c).length >= 2), 'two alerts in each channel');
  // Both instances keep running the job every second: give them chances to post again.
  await sleep(5000);
  for (const channel of ['CALL', 'CDATA', 'CPLAT']) expect(posted(channel).map(keyOf).sort()).toEqual([ANOMALY, BUDGET].sort());

  const mention = { CDATA: '<@UDATA>', CPLAT: '<!subteam^SPLAT>' } as const;
  for (const [channel, who] of Object.entries(mention)) {
    for (const call of posted(channel)) {
      expect(String(call.body.text).startsWith(`${who} `)).toBe(true);
      const project = channel === 'CDATA' ? 'data' : 'platform';
      expect(blockText(call.body.blocks)).toContain(`For project *${project}*: ${who}`);
    }
  }
  for (const call of posted('CALL')) {
    expect(blockText(call.body)).not.toMatch(/<@UDATA>|subteam|For project/);
  }
  for (const channel of ['CALL', 'CDATA', 'CPLAT']) {
    const [anomaly] = posted(channel).filter((c) => keyOf(c) === ANOMALY);
    const [budget] = posted(channel).filter((c) => keyOf(c) === BUDGET);
    expect(blockText(anomaly!.body)).toContain(ANOMALY_TEXT);
    expect(blockText(anomaly!.body)).toContain('data-acct (account) +$600.37');
    expect(blockText(budget!.body)).toContain(`${BUDGET_TEXT} · `);
    expect(blockText(budget!.body)).toContain('exceeded on Mar 14');
  }
  expect(e2e.api.violations).toEqual([]);
}, 150_000);

it('retried the post the project channel refused, on a later run', async () => {
  const refused = e2e.api.callsTo('chat.postMessage').filter((c) => c.body.channel === 'CPLAT' && c.response.ok !== true);
  expect(refused.map((c) => c.response.error)).toEqual(['not_in_channel']);
  // The budget alert goes out first; its CPLAT message took a second attempt.
  const sent = await e2e.penny.core.watchdog.alerts.deliveries.sent(BUDGET);
  expect(sent.map((d) => [d.channel, d.attempts])).toEqual([['CALL', 1], ['CDATA', 1], ['CPLAT', 2]]);
  expect((await other.core.watchdog.alerts.deliveries.sent(ANOMALY)).map((d) => d.channel)).toEqual(['CALL', 'CDATA', 'CPLAT']);
});

it('emails each alert once to each address, as HTML with a plain-text part, the refused one on a later run', async () => {
  await until(() => ADDRESSES.every((a) => mailsTo(a).length >= 2), 'two emails to each address');
  await sleep(3000);
  expect(sink.refused).toEqual(['oncall@example.com']);
  for (const address of ADDRESSES) {
    const mails = mailsTo(address);
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.to.length === 1 && m.from === 'penny@example.com')).toBe(true);
    const anomaly = only(mails, 'Spike in Total spend');
    const budget = only(mails, 'Budget data has used 100% of its budget');
    for (const m of [anomaly, budget]) expect(m.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(part(anomaly, 'text/plain')).toContain(ANOMALY_TEXT);
    expect(part(anomaly, 'text/plain')).toContain('Actual: $750.37\nExpected: $150.00\nDifference: +$600.37 (+400%)');
    expect(part(anomaly, 'text/html')).toContain('<li>data-acct (account) +$600.37</li>');
    expect(part(budget, 'text/plain')).toContain(`Spent so far: ${BUDGET_TEXT}`);
    expect(part(budget, 'text/html')).toContain(`${BUDGET_TEXT}</td>`);
  }
  expect(sink.messages).toHaveLength(4);
});

function only(mails: readonly SunkMail[], subject: string): SunkMail {
  const found = mails.filter((m) => headerSubject(m.raw).includes(subject));
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The Subject header, unfolded and decoded when nodemailer encoded it (non-ASCII words). */
function headerSubject(raw: string): string {
  const folded = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
  return folded.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_h, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}
