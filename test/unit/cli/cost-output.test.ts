/** `penny cost --compare` as a table: percentages follow the same rule as every other answer. */
import type { BreakdownAnswer } from '../../../src/answers/breakdown';
import { costTable } from '../../../src/cli/cost-output';

const B = 1_000_000_000n;
const c = (cents: number) => (BigInt(cents) * B) / 100n;

function byProvider(from: string, to: string, prev: { from: string; to: string; label: string }, rows: [string, number, number][]): BreakdownAnswer {
  const total = rows.reduce((sum, [, now]) => sum + c(now), 0n);
  const previousTotal = rows.reduce((sum, [, , before]) => sum + c(before), 0n);
  return {
    kind: 'breakdown',
    periodLabel: 'the period',
    from,
    to,
    metric: 'billed',
    groupBy: 'provider',
    currencies: [{ currency: 'USD', total, previousTotal, groups: rows.map(([label, now, before]) => ({ key: label, label, amount: c(now), previous: c(before) })) }],
    previous: { ...prev, currencies: [{ currency: 'USD', total: previousTotal }] },
    filters: [],
    currency: 'USD',
  };
}

describe('costTable with --compare', () => {
  it('shows differences, not percentages, for one day against one day, and says why', () => {
    const table = costTable(byProvider('2026-12-01', '2026-12-01', { from: '2026-11-01', to: '2026-11-01', label: 'same days last month' }, [['AWS', 167412, 150894], ['Google Cloud', 109164, 55467]]));
    expect(table).toMatch(/AWS +\$1,674\.12 +\$1,508\.94 +\+\$165\.18/); // not +10.9%
    expect(table).toMatch(/Google Cloud +\$1,091\.64 +\$554\.67 +\+\$536\.97/); // not +96.8%
    expect(table).toMatch(/TOTAL +\$2,765\.76 +\$2,063\.61 +\+\$702\.15/);
    expect(table).not.toMatch(/\d% {2}/);
    expect(table).toContain('Covers 1 day in each period. Percentages are left out below 7 days');
  });

  it('keeps percentages for a month against the month before, with no note', () => {
    const table = costTable(byProvider('2026-10-01', '2026-10-31', { from: '2026-09-01', to: '2026-09-30', label: 'previous month' }, [['AWS', 100000, 80000]]));
    expect(table).toMatch(/AWS +\$1,000\.00 +\$800\.00 +\+25\.0%/);
    expect(table).not.toContain('Covers');
    expect(table).not.toContain('Compares');
  });

  it('shows the difference for a rise from under a tenth', () => {
    const table = costTable(byProvider('2026-10-01', '2026-10-31', { from: '2026-09-01', to: '2026-09-30', label: 'previous month' }, [['AWS', 100000, 80000], ['Azure', 90000, 4000]]));
    expect(table).toMatch(/Azure +\$900\.00 +\$40\.00 +\+\$860\.00/);
    // 1900 vs 840: +126.2%
    expect(table).toMatch(/TOTAL +\$1,900\.00 +\$840\.00 +\+126\.2%/);
    expect(table).toContain('Where the earlier amount was under a tenth of the current one, the difference is shown instead of a percentage.');
    expect(table).not.toContain('Compares 31 days');
  });
});
