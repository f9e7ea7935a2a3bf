/** The digest email: the same facts as the Slack digest, as text and as escaped HTML. */
import type { DigestAnswer } from '../../../src/answers/types';
import { digestEmail } from '../../../src/email/digest-email';

const digest: DigestAnswer = {
  kind: 'digest',
  localDate: '2024-10-02',
  actions: [],
  yesterday: { day: '2024-10-01', total: 1_234_560_000_000n, avg7: 1_000_000_000_000n, change: { previous: 1_000_000_000_000n, pct: 23.456 } },
  mtd: { total: 1_234_560_000_000n, change: { previous: 900_000_000_000n, pct: 37.17 }, previousLabel: 'same days last month' },
  top: [{ key: 'ec2', label: 'Amazon <EC2> & friends', amount: 1_000_000_000_000n, change: { previous: 500_000_000_000n, pct: 100 } }],
  currency: 'USD',
  freshness: { today: '2024-10-02', lastDay: '2024-10-01', settlingDays: 2 },
};

it('says the day, month to date and top services in text and HTML, escaping names', () => {
  const mail = digestEmail(digest);
  expect(mail.subject).toBe('Penny: $1,234.56 on Tue, Oct 1; month to date $1,234.56');
  expect(mail.text).toContain('Month to date: $1,234.56');
  expect(mail.text).toContain('1. Amazon <EC2> & friends — $1,000.00 (▲ 100.0%)');
  expect(mail.html).toContain('<li>Amazon &lt;EC2&gt; &amp; friends — $1,000.00 (▲ 100.0%)</li>');
  expect(mail.html).not.toContain('<EC2>');
});

it('says plainly when yesterday has no costs yet', () => {
  const mail = digestEmail({ ...digest, top: [], yesterday: { day: '2024-10-01', total: 0n, avg7: 0n } });
  expect(mail.text).toContain('No costs recorded for');
  expect(mail.subject).toMatch(/^Penny: no costs for .* yet; month to date \$1,234\.56$/);
});
