/**
 * What the model is sent of a forecast, budget, anomaly or recommendation answer: the service's
 * numbers with money already formatted (so quoting them is copying, and the number check finds
 * them in the answer), never billing rows.
 */
import type { AskDetails } from '../../answers/ask';
import type { AnomalyView, BudgetLine } from '../../answers/watchdog';
import { lastDay } from '../../domain/days';
import { formatMoney, type Nanos } from '../../domain/money';

export function detailsJson(d: AskDetails, currency: string): Record<string, unknown> {
  const money = (n: Nanos, c = currency) => formatMoney(n, c);
  switch (d.kind) {
    case 'forecast': {
      const f = d.forecast;
      const e = f.estimate;
      return {
        forecast: {
          period: e.label, from: e.period.start, to: lastDay(e.period), dataThrough: f.asOf, spentSoFar: money(e.actualToDate),
          forecast: money(e.forecast), low: money(e.low), high: money(e.high), rangeCoveragePercent: Math.round(f.coverage * 100), calibrated: f.calibrated,
          ...(f.groups ? { by: f.by, groups: f.groups.map((g) => ({ name: g.name, forecast: money(g.forecast), spentSoFar: money(g.actualToDate) })) } : {}),
        },
      };
    }
    case 'budget':
      return { budgets: d.status.budgets.map((b) => budgetJson(b, money)) };
    case 'anomalies':
      return { anomalies: { from: d.anomalies.range.start, to: lastDay(d.anomalies.range), found: d.anomalies.anomalies.map(anomalyJson) } };
    case 'recommendations': {
      const r = d.recommendations;
      return {
        recommendations: {
          open: r.openCount, totalMonthlySaving: money(r.total, r.currency),
          items: r.items.map((i) => ({ title: i.title, kind: i.kind, monthlySaving: money(i.monthlySaving, i.currency), evidence: i.evidence.summary })),
        },
      };
    }
  }
}

function budgetJson(b: BudgetLine, money: (n: Nanos) => string): Record<string, unknown> {
  const status = b.unmatched ? 'no costs match its scope yet' : b.breached ? 'over budget' : b.breachDay ? 'projected to go over' : 'within budget';
  return {
    name: b.name, scope: b.scopeText, period: b.period, from: b.range.start, to: lastDay(b.range), amount: money(b.amount), spent: money(b.actual),
    ...(Number.isFinite(b.percent) ? { percentUsed: Math.round(b.percent * 10) / 10 } : {}),
    ...(b.forecast !== undefined ? { forecast: money(b.forecast) } : {}), status, ...(b.breachDay ? { [b.breached ? 'overSince' : 'projectedOverOn']: b.breachDay } : {}),
    alertThresholdsPercent: b.actualThresholds,
  };
}

function anomalyJson(x: AnomalyView): Record<string, unknown> {
  const signed = (n: Nanos) => (n < 0n ? `-${formatMoney(-n, x.currency)}` : `+${formatMoney(n, x.currency)}`);
  const top = x.drivers.reduce<AnomalyView['drivers'][number] | undefined>((best, d) => (!best || d.impact > best.impact ? d : best), undefined);
  return {
    day: x.day, ...(x.startDay !== x.day ? { since: x.startDay } : {}), kind: x.kind, scope: x.scopeText, actual: formatMoney(x.actual, x.currency),
    expected: formatMoney(x.expected, x.currency), impact: signed(x.impact), ...(x.deviationPct !== null ? { deviationPercent: Math.sign(x.deviationPct) * Math.round(Math.abs(x.deviationPct)) } : {}),
    ...(top ? { topDriver: { [top.dimension]: top.label, impact: signed(top.impact) } } : {}),
  };
}
