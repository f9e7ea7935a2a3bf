/**
 * The daily digest by email (SMTP_URL), end to end: the real app, with a second instance running,
 * sends one email to the configured addresses through a local SMTP sink, as HTML with a
 * plain-text part, with the demo generator's own total for yesterday.
 */
import { startPenny, type Penny } from '../../src/main';
import { fixedClock } from '../../src/ports/clock';
import { demoTotal, usd } from '../support/oracles';
import { mimePart, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { NOW, pennyEnv, startE2E, type E2E } from './harness';

let sink: SmtpSink;
let e2e: E2E;
const mailing: Penny[] = [];
beforeAll(async () => {
  sink = await startSmtpSink();
  e2e = await startE2E(); // seeded, without email
  // Two instances with email. NOW is 12:00 UTC, after the 09:00 digest time: the email is due at once.
  const env = pennyEnv(e2e.dbUri, e2e.api, { SMTP_URL: sink.url, PENNY_EMAIL_TO: 'finance@example.com, ops@example.com', PENNY_EMAIL_FROM: 'Penny <penny@example.com>' });
  const options = { clock: fixedClock(NOW), host: '127.0.0.1', processEvery: '1 second', digestInterval: '2 seconds', lockLifetimeMs: 2000 };
  mailing.push(await startPenny(env, options), await startPenny(env, options));
}, 120_000);
afterAll(async () => {
  for (const p of mailing) await p.stop().catch(() => undefined);
  await e2e?.stop();
  await sink?.close();
});

it('mails the digest once, as HTML with a plain-text part, with the right numbers', async () => {
  const mail = await sink.waitFor(undefined, 30_000);
  expect(mail.from).toBe('penny@example.com');
  expect(mail.to.sort()).toEqual(['finance@example.com', 'ops@example.com']);
  expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
  const text = mimePart(mail.raw, 'text/plain')!;
  const html = mimePart(mail.raw, 'text/html')!;
  const yesterday = usd(await demoTotal(NOW.slice(0, 10), { start: '2024-10-01', end: '2024-10-02' }));
  expect(text).toContain('Penny · daily cost digest · ');
  expect(text).toContain(`: ${yesterday}`);
  expect(html).toContain('<h2');
  expect(html).toContain(yesterday);
  expect(mail.raw).toMatch(new RegExp(`Subject: .*${yesterday.replace(/[$.]/g, '\\$&')}`));
  // Recorded as sent once for the day, whichever instance sent it.
  const delivery = () => mailing[0]!.core.email!.deliveries.get('email', '2024-10-02');
  for (let i = 0; i < 200 && (await delivery())?.state !== 'sent'; i++) await new Promise((r) => setTimeout(r, 50));
  expect(await delivery()).toMatchObject({ state: 'sent', attempts: 1 });
  expect(e2e.penny.core.email).toBeUndefined();
  expect(sink.messages).toHaveLength(1);
});
