/** A simulation's numbers as the answer faces render: words for each change, labels, the chart. Pure. */
import type { SimulatedChange, SimulationAnswer } from '../../answers/simulation';
import type { FilterNote } from '../../answers/types';
import { formatBudgetScope } from '../../domain/budget/budget';
import { addDays, type Day } from '../../domain/days';
import { formatMoney, nanosToNumber, type Nanos } from '../../domain/money';
import type { BudgetImpact, DailyPath, PeriodProjection, SimulationPath } from '../../domain/simulation/apply-changes';
import { scopeText, type ResolvedChange } from '../../domain/simulation/changes';

export interface DescribedChange {
  /** The change with its scope as the store resolved it. */
  change: ResolvedChange;
  /** As typed (its scope as written). */
  typed: ResolvedChange;
  /** A recommendation's title, for `apply recommendation`. */
  label?: string;
  applied: FilterNote[];
}

export interface PresentSimulationInput {
  asOf: Day;
  anchor: Day;
  currency: string;
  changes: DescribedChange[];
  periods: PeriodProjection[];
  path: SimulationPath;
  actuals: DailyPath;
  budgets: BudgetImpact[];
  budgetNote?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function periodLabel(period: 'month' | 'quarter' | 'year', start: Day): string {
  const year = start.slice(0, 4);
  const month = Number(start.slice(5, 7));
  if (period === 'year') return year;
  if (period === 'quarter') return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
  return `${MONTHS[month - 1]} ${year}`;
}

function scopeWords(d: DescribedChange): string {
  const typed = d.typed.scope;
  if (typed.kind === 'total') return 'all spend';
  const matched = d.applied.flatMap((a) => a.matched);
  const name = typed.kind === 'tag' ? `tag ${typed.key}=${typed.value}` : typed.value;
  return matched.length > 0 && matched.join(', ').toLowerCase() !== name.toLowerCase() ? `${name} (${matched.join(', ')})` : scopeText(typed).replace(/^(service|account|provider|region) /, (m) => (typed.kind === 'service' ? '' : m));
}

function describe(d: DescribedChange, asOf: Day, currency: string): SimulatedChange {
  const from = d.change.from > asOf ? d.change.from : asOf;
  const when = d.change.from < asOf ? `from ${asOf} (the days before are spent)` : `from ${from}`;
  const c = d.change;
  let description: string;
  if (d.label && c.kind === 'add') description = `“${d.label}”: ${formatMoney(-c.monthly, currency)} a month less ${when}`;
  else if (c.kind === 'percent') description = `${scopeWords(d)} ${c.percent > 0 ? '+' : ''}${c.percent}% ${when}`;
  else if (c.kind === 'stop') description = `${scopeWords(d)} stopped ${when}`;
  else description = `${c.monthly >= 0n ? '+' : '−'}${formatMoney(c.monthly < 0n ? -c.monthly : c.monthly, currency)} a month for ${scopeWords(d)} ${when}`;
  return { text: d.typed.text, description, kind: d.label ? 'recommendation' : c.kind, from };
}

/** Cumulative spend over the year the changes reach, weekly points, both lines. */
function cumulativeChart(input: PresentSimulationInput, yearStart: Day, yearEnd: Day): SimulationAnswer['chart'] {
  const labels: string[] = [];
  const base: number[] = [];
  const simulated: number[] = [];
  let cumBase = 0n;
  let cumSim = 0n;
  const byDay = new Map(input.path.days.map((d) => [d.day, d]));
  for (let day = yearStart, i = 0; day < yearEnd; day = addDays(day, 1), i++) {
    const point = byDay.get(day);
    const actual: Nanos = day < input.asOf ? input.actuals.get(day) ?? 0n : 0n;
    cumBase += point ? point.base : actual;
    cumSim += point ? point.simulated : actual;
    if (i % 7 === 0 || addDays(day, 1) === yearEnd) {
      labels.push(day);
      base.push(nanosToNumber(cumBase));
      simulated.push(nanosToNumber(cumSim));
    }
  }
  return {
    kind: 'line', title: `Spend in ${yearStart.slice(0, 4)}, cumulative · today's forecast and with the changes`, labels, currency: input.currency,
    series: [{ name: "Today's forecast", colorKey: 'other', values: base }, { name: 'With the changes', colorKey: 'current', values: simulated }],
  };
}

export function presentSimulation(input: PresentSimulationInput): SimulationAnswer {
  const { asOf, currency } = input;
  const notes: string[] = [];
  const dims = new Set(input.changes.map((d) => d.change.scope.kind).filter((k) => k !== 'total'));
  if (dims.size > 1) notes.push('Changes to different dimensions (say an account and a service) are each counted in full; where they overlap, the overlap counts twice.');
  notes.push(`Days before ${asOf} are actual spend; later days are today's forecast, changed.`);
  const year = input.periods.find((p) => p.period === 'year')!;
  const answer: SimulationAnswer = {
    kind: 'simulation',
    asOf,
    currency,
    changes: input.changes.map((d) => describe(d, asOf, currency)),
    periods: input.periods.map((p) => ({ period: p.period, label: periodLabel(p.period, p.range.start), from: p.range.start, to: addDays(p.range.end, -1), actualToDate: p.actualToDate, forecast: p.forecast, simulated: p.simulated })),
    budgets: input.budgets.map((b) => ({
      name: b.budget.name, scope: formatBudgetScope(b.budget.scope), periodLabel: periodLabel(b.budget.period, b.range.start), amount: b.budget.amount,
      forecastBefore: b.forecastBefore, forecastAfter: b.forecastAfter, before: b.before, after: b.after,
    })),
    notes,
    chart: cumulativeChart(input, year.range.start, year.range.end),
  };
  if (input.budgetNote) answer.budgetNote = input.budgetNote;
  return answer;
}
