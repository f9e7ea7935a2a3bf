/**
 * Weekly and monthly reports through the API, `penny report` and Slack: their totals and
 * breakdowns equal the independent FOCUS oracle and the API's /costs/summary, to the cent; the CSV
 * reads back with an independent RFC 4180 reader; a scheduled report reaches its channel.
 */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/main';
import { decimalToNanos } from '../../src/domain/money';
import { exact, oracleKeys, parseCsvText, readFocusRows, withinMicro } from '../support/focus-oracle';
import { FOCUS_SAMPLE, focusGroups, focusTotal, usd } from '../support/oracles';
import { API_ENV, apiGet } from '../support/api-client';
import { sendSlashCommand } from '../support/slack-requests';
import { blockText, SECRET, useE2E } from './harness';

const FINANCE = 'U3';
const app = useE2E({ env: { ...API_ENV, PENNY_FINANCE: FINANCE } });
const near = (decimal: string, nanos: bigint) => withinMicro(decimalToNanos(decimal)!, nanos * 1000n);

async function cli(argv: string[]) {
  const out: string[] = [];
  const code = await run(argv, { out: (t) => void out.push(t), err: () => undefined, isTTY: false, env: { MONGODB_URI: app().dbUri }, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false });
  return { code, out: out.join('') };
}

describe('GET /api/v1/reports/monthly (last month: the FOCUS sample\'s September)', () => {
  it('has the oracle total and breakdowns, against August', async () => {
    const res = await apiGet(app().base, app().penny, '/api/v1/reports/monthly');
    expect(res.status).toBe(200);
    const r = res.json;
    expect(r).toMatchObject({ cadence: 'monthly', from: '2024-09-01', to: '2024-09-30', previous: { from: '2024-08-01', to: '2024-08-31' } });
    expect(r.totals).toHaveLength(1);
    expect(near(r.totals[0].total, focusTotal())).toBe(true);
    expect(r.totals[0]).toMatchObject({ currency: 'USD', previous: '0', changePct: null });
    for (const dim of ['provider', 'service', 'account'] as const) {
      const oracle = focusGroups(dim);
      expect(r.breakdowns[dim].map((l: { key: string }) => l.key)).toEqual(oracle.map((g) => g.key));
      r.breakdowns[dim].forEach((l: { key: string; cost: string }, i: number) => expect([dim, l.key, near(l.cost, oracle[i]!.amount)]).toEqual([dim, l.key, true]));
    }
    // No anomaly was raised on one month of data (the watchdog needs history to judge a day).
    expect(r.anomalies).toEqual({ available: true, items: [] });
  });

  it('lists the open recommendations of `penny recommend` as of the report day, best first', async () => {
    const r = (await apiGet(app().base, app().penny, '/api/v1/reports/monthly')).json;
    const out = await cli(['recommend', '--json', '--as-of', '2024-10-02']);
    expect(out.code).toBe(0);
    const recs = JSON.parse(out.out) as { recommendations: { title: string; monthly_saving: string; currency: string }[] };
    const expected = recs.recommendations.slice(0, 5).map((x) => ({ title: x.title, amount: x.monthly_saving, currency: x.currency }));
    expect(expected.length).toBeGreaterThan(0); // the sample has idle and untagged spend to advise on
    expect(r.recommendations.available).toBe(true);
    expect(r.recommendations.items.map((i: { title: string; amount: string; currency: string }) => ({ title: i.title, amount: i.amount, currency: i.currency }))).toEqual(expected);
  });

  it('equals /costs/summary exactly, total and groups', async () => {
    const report = (await apiGet(app().base, app().penny, '/api/v1/reports/monthly')).json;
    const summary = (await apiGet(app().base, app().penny, '/api/v1/costs/summary?period=last%20month&groupBy=service')).json;
    expect(report.totals[0].total).toBe(summary.total);
    expect(report.breakdowns.service.map((l: { key: string; cost: string }) => [l.key, l.cost])).toEqual(summary.groups.map((g: { key: string; cost: string }) => [g.key, g.cost]));
  });

  it('as CSV: RFC 4180 with a currency column, read back by an independent reader, sections adding up to the total', async () => {
    const res = await apiGet(app().base, app().penny, '/api/v1/reports/monthly?format=csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="penny-monthly-report-2024-09-01_to_2024-09-30.csv"');
    expect(res.text.split('\r\n')[0]).toBe('section,key,label,currency,cost,previous_cost,change_pct');
    const [header, ...rows] = parseCsvText(res.text).filter((r) => r.length > 1);
    expect(header).toHaveLength(7);
    const total = rows.find((r) => r[0] === 'total')!;
    expect(total.slice(0, 4)).toEqual(['total', '', 'Total', 'USD']);
    expect(near(total[4]!, focusTotal())).toBe(true);
    for (const dim of ['provider', 'service', 'account']) {
      const sum = rows.filter((r) => r[0] === dim).reduce((s, r) => s + decimalToNanos(r[4]!)!, 0n);
      expect([dim, sum]).toEqual([dim, decimalToNanos(total[4]!)]);
    }
  });

  it('penny report gives the same CSV, byte for byte', async () => {
    const api = await apiGet(app().base, app().penny, '/api/v1/reports/monthly?format=csv');
    const out = await cli(['report', 'monthly', '--format', 'csv', '--as-of', '2024-10-02']);
    expect(out.code).toBe(0);
    expect(out.out).toBe(api.text);
  });

  it('refuses a bad format with a helpful 400', async () => {
    const res = await apiGet(app().base, app().penny, '/api/v1/reports/monthly?format=xlsx');
    expect([res.status, res.json.error.message]).toEqual([400, 'Query parameter "format" must be json or csv; got "xlsx".']);
  });
});

describe('GET /api/v1/reports/weekly', () => {
  it('covers last week (Monday to Sunday) with the oracle total, to the cent', async () => {
    const res = await apiGet(app().base, app().penny, '/api/v1/reports/weekly');
    expect(res.json).toMatchObject({ cadence: 'weekly', from: '2024-09-23', to: '2024-09-29', previous: { from: '2024-09-16', to: '2024-09-22' } });
    const rows = readFocusRows(FOCUS_SAMPLE);
    const sum = (from: string, to: string) => rows.filter((r) => oracleKeys.day(r) >= from && oracleKeys.day(r) <= to).reduce((s, r) => s + exact(r.BilledCost!), 0n);
    const week = sum('2024-09-23', '2024-09-29');
    expect(withinMicro(decimalToNanos(res.json.totals[0].total)!, week)).toBe(true);
    expect(usd(decimalToNanos(res.json.totals[0].total)!)).toBe(usd(week / 1000n));
    expect(withinMicro(decimalToNanos(res.json.totals[0].previous)!, sum('2024-09-16', '2024-09-22'))).toBe(true);
    const asOf = await apiGet(app().base, app().penny, '/api/v1/reports/weekly?asOf=2024-09-23');
    expect(asOf.json).toMatchObject({ from: '2024-09-16', to: '2024-09-22', totals: [{ total: res.json.totals[0].previous }] });
  });
});

describe('reports in Slack', () => {
  it('/cost report monthly json uploads the same report', async () => {
    const api = await apiGet(app().base, app().penny, '/api/v1/reports/monthly?format=json');
    app().api.reset();
    const { answer } = await app().cost('report monthly json');
    expect(blockText(answer!.blocks)).toContain('penny-monthly-report-2024-09-01_to_2024-09-30.json');
    const upload = await app().api.waitFor('files.completeUploadExternal');
    expect(upload.body.files).toEqual([expect.objectContaining({ title: 'Penny monthly report, September 2024' })]);
    const file = app().api.uploads.find((u) => u.filename === 'penny-monthly-report-2024-09-01_to_2024-09-30.json')!;
    expect(file.size).toBe(Buffer.byteLength(`${JSON.stringify(api.json, null, 2)}\n`));
  });

  it('lets finance schedule the weekly report to a channel; the job posts it there', async () => {
    const url = app().responses.newUrl();
    await sendSlashCommand(app().base, SECRET, { command: '/cost', text: 'report weekly schedule csv <#CREPORTS|reports>', response_url: url, user_id: FINANCE });
    const reply = await app().responses.waitForPost(url, 20_000);
    expect(blockText(reply.body)).toContain('The weekly report now goes to <#CREPORTS>');
    const posted = await app().api.waitFor('files.completeUploadExternal', (c) => c.body.channel_id === 'CREPORTS', 30_000);
    expect(posted.body.files).toEqual([expect.objectContaining({ title: 'Penny weekly report, last week (2024-09-23 to 2024-09-29)' })]);
    // Recorded as sent just after the upload returns.
    const delivery = () => app().penny.core.reportDeliveries.get('CREPORTS-weekly', '2024-09-23');
    for (let i = 0; i < 200 && (await delivery())?.state !== 'sent'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await delivery()).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('politely refuses scheduling to a viewer, privately', async () => {
    const url = app().responses.newUrl();
    await sendSlashCommand(app().base, SECRET, { command: '/cost', text: 'report monthly schedule', response_url: url, user_id: 'U999' });
    const reply = await app().responses.waitForPost(url, 20_000);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(blockText(reply.body)).toContain('Sorry, managing reports and their schedules is for finance users (PENNY_FINANCE) and Penny admins');
    expect((await app().penny.core.reportSchedules.list()).map((s) => `${s.channel}:${s.cadence}`)).toEqual(['CREPORTS:weekly']);
  });
});
