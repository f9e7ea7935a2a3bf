/**
 * "What will we spend this month?", "forecast for AWS this quarter": the watchdog's forecast of the
 * asked scope and period, from the days before today: spent so far (exact), the projected total
 * and its range. "This month" means the whole month; a period that is over has nothing to forecast.
 */
import { budgetPeriodContaining } from '../../../domain/budget/budget-status';
import { addDays, lastDay, rangeLength } from '../../../domain/days';
import { formatMoney, type Nanos } from '../../../domain/money';
import { periodFromBounds, type Period } from '../../../domain/period';
import type { CostService } from '../../cost-service';
import type { ForecastService } from '../../watchdog';
import { costRequest, type AnswerGroup } from '../answer';
import { periodText, scopeWords } from '../compose';
import type { LaterIntent } from '../intent';
import { refusal } from '../refusals';
import { billedOnly, categoryFilterProblem, laterAnswer, plural, type LaterAnswerer } from './later-common';

export interface ForecastAnswerDeps {
  forecast: Pick<ForecastService, 'scoped'>;
  costs: Pick<CostService, 'resolve'>;
}

const EXAMPLE = 'What will we spend this month?';
const SHOWN = 10;

export function forecastAnswerer(deps: ForecastAnswerDeps): LaterAnswerer {
  return async (intent, { today }) => {
    const problem = billedOnly(intent, 'Forecasts', EXAMPLE) ?? categoryFilterProblem(intent.query.filters, 'Forecasts', EXAMPLE);
    if (problem) return problem;
    const by = intent.query.groupBy;
    if (by && by !== 'provider' && by !== 'service') {
      return refusal('unsupported', `I can split a forecast by provider or by service, not by ${by.replace(/^tag:/, 'tag ')}.`, [], ['Forecast for this month by service']);
    }
    const period = forecastPeriod(intent.query.period);
    if (period.range.end <= today) {
      return refusal('unsupported', `${period.label} is over, so there is nothing left to forecast. Ask what was spent then instead.`, [], [`What did we spend in ${period.label}?`]);
    }
    const { filters, applied } = await deps.costs.resolve(costRequest(intent.query));
    const f = await deps.forecast.scoped({ filters, period: period.range, asOf: today, ...(by ? { by } : {}) });
    const asked: LaterIntent = { ...intent, query: { ...intent.query, period } };
    const money = (n: Nanos) => formatMoney(n, f.currency);
    const e = f.estimate;
    const coveragePercent = Math.round(f.coverage * 100);
    const scope = scopeWords(asked);
    const range = e.low === e.high ? '' : ` (${coveragePercent}% range ${money(e.low)} – ${money(e.high)})`;
    const firstLeft = today > period.range.start ? today : period.range.start;
    const daysLeft = rangeLength({ start: firstLeft, end: period.range.end });
    const lastKnownDay = addDays(today, -1);
    const lines = [`Forecast of ${scope.noun}${scope.filters} ${periodText(period)}: ${money(e.forecast)}${range}.`];
    lines.push(today > period.range.start
      ? `Spent so far: ${money(e.actualToDate)} (${period.range.start} to ${lastKnownDay}); the other ${plural(daysLeft, 'day')} ${daysLeft === 1 ? 'is' : 'are'} projected from the daily trend.`
      : `None of it is spent yet: ${daysLeft === 1 ? 'the 1 day is' : `all ${daysLeft} days are`} projected from the daily trend.`);
    if (!f.calibrated) lines.push('There is little history yet, so the range is a rough one, not calibrated on past forecasts.');
    let groups: AnswerGroup[] | null = null;
    if (f.groups) {
      const top = intent.query.top;
      groups = (top ? f.groups.slice(0, top) : f.groups).map((g) => ({ key: g.key, label: g.name, cost: g.forecast }));
      lines.push(`By ${by}:`, ...(f.groups.slice(0, Math.min(top ?? SHOWN, SHOWN))).map((g) => `• ${g.name}: ${money(g.forecast)} (${money(g.actualToDate)} so far)`));
      if (groups.length > SHOWN) lines.push('• … and the rest');
    }
    return laterAnswer(asked, {
      text: lines.join('\n'), currency: f.currency, total: e.forecast, groups, applied,
      details: { kind: 'forecast', forecast: f }, ...(f.chart ? { chart: f.chart } : {}),
      figures: { coveragePercent, daysLeft, lastKnownDay, lastDay: lastDay(period.range) },
    });
  };
}

/** The whole period a forecast is about: "this month" (so far) is the whole month, "this week" the whole week. */
export function forecastPeriod(p: Period): Period {
  if (p.kind !== 'to-date' || !p.unit) return p;
  const start = p.range.start;
  if (p.unit === 'week') {
    const last = addDays(start, 6);
    return { range: { start, end: addDays(start, 7) }, label: `${start} to ${last}`, kind: 'week' };
  }
  return periodFromBounds(start, lastDay(budgetPeriodContaining(p.unit, start)));
}
