/** Alert emails: the same facts as the Slack alert, exact to the cent, as text and as escaped HTML. */
import { alertEmail } from '../../../src/email/alert-email';
import { anomalyAlert, budgetLine, D } from '../blocks/watchdog-fixtures';

it('an anomaly says what happened, the amounts and what moved', () => {
  // $950.00 against $150.00: +$800.00, 533% (800 / 150), rounded for display only.
  const mail = alertEmail(anomalyAlert({ actual: 950_123_456_789n, impact: 800_123_456_789n, drivers: [{ dimension: 'account', key: 'A1', label: 'prod <east> & co', actual: 900n * D, expected: 100n * D, impact: 800n * D }] }));
  expect(mail.subject).toBe('Penny: Spike in AWS · Amazon EC2 on Mar 14: +$800.12 (+533%)');
  expect(mail.text).toContain('Penny · anomaly alert · Spike in AWS · Amazon EC2 on Mar 14');
  expect(mail.text).toContain('$950.12 against $150.00 expected: +$800.12 (+533%)');
  expect(mail.text).toContain('Day: Sat, Mar 14\nActual: $950.12\nExpected: $150.00\nDifference: +$800.12 (+533%)\nSeverity: high');
  expect(mail.text).toContain('What moved:\n- prod <east> & co (account) +$800.00');
  expect(mail.html).toContain('<li>prod &lt;east&gt; &amp; co (account) +$800.00</li>');
  expect(mail.html).toContain('<h2 style="margin:0 0 8px">Spike in AWS · Amazon EC2 on Mar 14</h2>');
  expect(mail.html).not.toContain('<east>');
});

it('an anomaly over several days says since when; without drivers there is no list', () => {
  const mail = alertEmail(anomalyAlert({ startDay: '2026-03-12', drivers: [] }));
  expect(mail.text).toContain('Since: Thu, Mar 12');
  expect(mail.text).not.toContain('What moved');
  expect(mail.html).not.toContain('<ul>');
});

it('a budget alert names the threshold, the period and the burn', () => {
  const mail = alertEmail({ kind: 'alert', subject: 'budget', alertKey: 'budget:x', budget: budgetLine({ actual: 1_300_000_000_001n, percent: 130, breached: true, breachDay: '2026-03-14' }), crossing: { kind: 'actual', threshold: 100 }, currency: 'USD' });
  expect(mail.subject).toBe('Penny: Budget aws has used 100% of its budget');
  expect(mail.text).toContain('Scope: provider aws\nPeriod: monthly, Mar 1 – Mar 31\nBudget: $1,000.00\nSpent so far: $1,300.00 of $1,000.00 (130%)\nOutlook: forecast $1,240.00 · exceeded on Mar 14\nAlerts: alerted at 100% (forecast)');
  expect(mail.html).toContain('<td style="padding:2px 0;font-weight:600">$1,300.00 of $1,000.00 (130%)</td>');
});
