/**
 * The shipped Grafana dashboard (docs/grafana/penny.json) asks the running API what Grafana's
 * Infinity data source would: each panel's URL, with the time range filled in, answers 200, and its
 * root selector and column selectors find the rows and values the panel draws. Budget burn is
 * asked after two budgets were set through the API, one of them already past its amount.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decimalToNanos } from '../../src/domain/money';
import { API_ENV, apiCall, apiGet, tokenFor } from '../support/api-client';
import { useE2E } from './harness';

const app = useE2E({ env: API_ENV });
beforeAll(async () => {
  const token = await tokenFor(app().penny, 'finance');
  for (const body of [{ name: 'October', amount: '100000' }, { name: 'AWS tiny', amount: '0.01', scope: 'provider:aws' }]) {
    expect((await apiCall(app().base, 'POST', '/api/v1/budgets', { token, body })).status).toBe(201);
  }
});

interface Target { url: string; root_selector: string; columns: { selector: string; type: string }[]; datasource: { type: string } }
const dashboard = JSON.parse(readFileSync(resolve(__dirname, '../../docs/grafana/penny.json'), 'utf8')) as { panels: { title: string; targets: Target[] }[] };
const targets = dashboard.panels.flatMap((p) => p.targets.map((t) => ({ title: p.title, t })));

/** Grafana's variables for the sample's month: ${penny_url}, ${__from:date:YYYY-MM-DD}, ${__to:date:YYYY-MM-DD}. */
const fill = (url: string) => url.replace('${penny_url}', '').replace('${__from:date:YYYY-MM-DD}', '2024-09-01').replace('${__to:date:YYYY-MM-DD}', '2024-09-30');
const at = (json: unknown, path: string): unknown => (path ? path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], json) : json);

it('has the panels the README promises, all on the Infinity data source', () => {
  expect(dashboard.panels.map((p) => p.title)).toEqual(expect.arrayContaining(['Daily cost by provider', 'Top services', 'Budget burn']));
  for (const { t } of targets) expect(t.datasource.type).toBe('yesoreyeram-infinity-datasource');
});

it.each(targets)('$title: the API gives rows with every column', async ({ t }) => {
  const res = await apiGet(app().base, app().penny, fill(t.url));
  expect(res.status).toBe(200);
  const found = at(res.json, t.root_selector);
  const rows = (Array.isArray(found) ? found : [found]) as Record<string, unknown>[];
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    for (const c of t.columns) {
      const value = row[c.selector];
      if (c.type === 'number') expect([c.selector, Number.isFinite(Number(value))]).toEqual([c.selector, true]);
      else if (c.type === 'timestamp') expect([c.selector, Number.isNaN(Date.parse(String(value)))]).toEqual([c.selector, false]);
      else expect([c.selector, typeof value]).toEqual([c.selector, 'string']);
    }
  }
});

it('Budget burn draws each budget\'s share spent, which is its actual over its amount', async () => {
  const budget = targets.find(({ title }) => title === 'Budget burn')!.t;
  const res = await apiGet(app().base, app().penny, fill(budget.url));
  const rows = at(res.json, budget.root_selector) as Record<string, unknown>[];
  const [name, burn] = budget.columns.map((c) => c.selector) as [string, string];
  expect(rows.map((r) => r[name])).toEqual(['AWS tiny', 'October']);
  for (const r of rows) {
    // The panel's number, against the exact decimals beside it (display precision only).
    const share = (Number(decimalToNanos(String(r.actual))!) / Number(decimalToNanos(String(r.amount))!)) * 100;
    expect(r[burn]).toBeCloseTo(share, 6);
  }
  expect(rows[0]![burn] as number).toBeGreaterThan(100); // Oct 1's AWS spend is past one cent
});
