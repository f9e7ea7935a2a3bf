/** The report file formats: RFC 4180 CSV with a currency column and exact decimals, and JSON. */
import type { CostReport } from '../../../src/answers/cost-report';
import { costReportCsv, costReportJson, reportFilename, reportRows } from '../../../src/answers/report-formats';
import { parseCsvText } from '../../support/focus-oracle';

const report: CostReport = {
  cadence: 'monthly',
  periodLabel: 'September 2024',
  from: '2024-09-01',
  to: '2024-09-30',
  previous: { label: 'previous month', from: '2024-08-01', to: '2024-08-31' },
  metric: 'billed',
  totals: [{ currency: 'USD', cost: 12_345_678_901n, previous: 10_000_000_000n }, { currency: 'EUR', cost: 1n, previous: 0n }],
  sections: [
    { dim: 'service', lines: [
      { key: 'Amazon "Elastic", Compute', label: 'EC2\nline', currency: 'USD', cost: 12_345_678_900n, previous: 0n },
      { key: '=HYPERLINK("x")', label: '+1', currency: 'USD', cost: 1n, previous: 10_000_000_000n },
    ] },
  ],
  anomalies: { available: false, note: 'Anomaly detection is not set up yet in this Penny.' },
  recommendations: { available: true, items: [{ title: 'Delete idle disks', detail: '3 disks', amount: 2_500_000_000n, currency: 'USD' }] },
};

it('writes RFC 4180 CSV: CRLF, quoted commas, quotes and line breaks, a currency column, exact decimals', () => {
  const csv = costReportCsv(report);
  expect(csv.endsWith('\r\n')).toBe(true);
  expect(csv.split('\r\n')[0]).toBe('section,key,label,currency,cost,previous_cost,change_pct');
  expect(csv).toContain('total,,Total,USD,12.345678901,10,23.46\r\n');
  expect(csv).toContain('total,,Total,EUR,0.000000001,0,\r\n');
  expect(csv).toContain('service,"Amazon ""Elastic"", Compute","EC2\nline",USD,12.3456789,0,\r\n');
  expect(csv).toContain('recommendation,,Delete idle disks,USD,2.5,,\r\n');
  // An independent CSV reader gets the fields back, formulas kept as text.
  const rows = parseCsvText(csv).filter((r) => r.length > 1);
  expect(rows).toHaveLength(1 + reportRows(report).length);
  expect(rows[4]).toEqual(['service', '\'=HYPERLINK("x")', '\'+1', 'USD', '0.000000001', '10', '-100.00']);
});

it('writes JSON with exact decimal strings and says what is not set up', () => {
  const json = costReportJson(report);
  expect(json).toMatchObject({
    from: '2024-09-01', to: '2024-09-30',
    totals: [{ currency: 'USD', total: '12.345678901', previous: '10', changePct: '23.46' }, { currency: 'EUR', total: '0.000000001', previous: '0', changePct: null }],
    anomalies: { available: false, note: expect.stringMatching(/not set up yet/) },
    recommendations: { available: true, items: [{ title: 'Delete idle disks', amount: '2.5', currency: 'USD' }] },
  });
  expect((json.breakdowns as Record<string, unknown[]>).service).toHaveLength(2);
  expect(reportFilename(report, 'csv')).toBe('penny-monthly-report-2024-09-01_to_2024-09-30.csv');
});
