/**
 * "Are we over budget?", "how is the data-platform budget doing": every budget's current period
 * (BudgetService.status), or the budgets the question names or whose scope it names. The first
 * line names the budgets over, projected to go over, and past an alert threshold; then one line
 * per budget. No budgets: how to set one.
 */
import type { BudgetLine, BudgetStatusAnswer } from '../../../answers/watchdog';
import type { BudgetScope } from '../../../domain/budget/budget';
import { canonicalProvider } from '../../../domain/cost-record';
import type { CostFilters } from '../../../domain/cost-query';
import { lastDay } from '../../../domain/days';
import { isAppError } from '../../../domain/errors';
import { formatMoney, type Nanos } from '../../../domain/money';
import type { CostService } from '../../cost-service';
import type { BudgetService } from '../../watchdog';
import type { AskFilters, LaterIntent } from '../intent';
import { clipToToday } from '../question-periods';
import { refusal } from '../refusals';
import { filterLabels } from '../view';
import { billedOnly, laterAnswer, plural, type LaterAnswerer } from './later-common';

export interface BudgetAnswerDeps {
  budgets: Pick<BudgetService, 'status'>;
  costs: Pick<CostService, 'resolve'>;
}

export const SET_A_BUDGET = 'Set one with `/cost budget` in Slack or `penny budget set NAME --amount N --scope provider:aws` (scopes: total, provider, account, service, tag).';
const PERIOD_WORD = { month: 'monthly', quarter: 'quarterly', year: 'yearly' } as const;

export function budgetAnswerer(deps: BudgetAnswerDeps): LaterAnswerer {
  return async (intent, { today }) => {
    const problem = billedOnly(intent, 'Budgets', 'Are we over budget?');
    if (problem) return problem;
    const p = intent.query.period;
    // The current period: one that contains today, or runs up to it ("this month so far").
    const current = p.range.start <= today && (p.range.end > today || (p.kind === 'to-date' && p.range.end === today));
    if (!current) {
      return refusal('unsupported', `Budget status is for each budget's current period, as of ${today}; I can't say how budgets stand in ${p.label}.`, [], ['Are we over budget this month?']);
    }
    // Spend is counted on the days before today, as the context line then says ("this month so far").
    const clipped = clipToToday(p, today);
    const asked: LaterIntent = clipped.ok ? { ...intent, query: { ...intent.query, period: clipped.period } } : intent;
    const status = await deps.budgets.status(today);
    const details = { kind: 'budget' as const, status };
    const base = { currency: status.currency, details };
    if (status.budgets.length === 0) {
      return laterAnswer(asked, { ...base, text: `No budgets are set yet, so none can be over. ${SET_A_BUDGET}` });
    }
    const lines = await selected(asked, status, deps.costs);
    if (lines.length === 0) {
      const named = asked.kind === 'budget' ? asked.budgets ?? [] : [];
      const missing = named.length ? `There is no budget called ${named.map((n) => `"${n}"`).join(' or ')}.` : `No budget is set for ${filterLabels(asked).join(', ') || 'that'}.`;
      const known = status.budgets.map((b) => `${b.name} (${b.scopeText})`).join(', ');
      return laterAnswer(asked, { ...base, text: `${missing} The budgets are: ${known}. ${SET_A_BUDGET}` });
    }
    const shown: BudgetStatusAnswer = { ...status, budgets: lines };
    return laterAnswer(asked, {
      ...base, details: { kind: 'budget', status: shown },
      text: [headline(lines), ...lines.map((b) => lineText(b, status.currency))].join('\n'),
      figures: figuresOf(lines),
    });
  };
}

/** The budgets named in the question, else those whose scope the question's filters name, else all. */
async function selected(intent: LaterIntent, status: BudgetStatusAnswer, costs: BudgetAnswerDeps['costs']): Promise<BudgetLine[]> {
  const names = intent.kind === 'budget' ? (intent.budgets ?? []).map((n) => n.toLowerCase()) : [];
  if (names.length) return status.budgets.filter((b) => names.includes(b.name.toLowerCase()));
  const f = intent.query.filters;
  const filtered = f.providers.length + f.accounts.length + f.services.length + f.regions.length + f.tags.length + f.chargeCategories.length + f.excludeChargeCategories.length > 0;
  if (!filtered) return status.budgets;
  const out: BudgetLine[] = [];
  for (const b of status.budgets) if (covers(await stored(b.scope, costs), f)) out.push(b);
  return out;
}

/** A budget's scope as stored values (a budget set as "account prod-core" covers account 111…). */
async function stored(scope: BudgetScope, costs: BudgetAnswerDeps['costs']): Promise<CostFilters | undefined> {
  try {
    switch (scope.kind) {
      case 'total':
        return undefined;
      case 'provider':
        return { providers: [canonicalProvider(scope.value)] };
      case 'account':
        return (await costs.resolve({ accounts: [scope.value] })).filters;
      case 'service':
        return (await costs.resolve({ services: [scope.value] })).filters;
      case 'tag':
        return (await costs.resolve({ tags: [`${scope.key}=${scope.value}`] })).filters;
    }
  } catch (error) {
    // A budget whose scope matches no costs yet covers nothing asked about.
    if (isAppError(error) && error.code === 'UNKNOWN_DIMENSION_VALUE') return undefined;
    throw error;
  }
}

function covers(scope: CostFilters | undefined, f: AskFilters): boolean {
  if (!scope) return false;
  const meets = (mine: string[] | undefined, asked: string[]) => (mine ?? []).some((v) => asked.includes(v));
  return meets(scope.providers, f.providers) || meets(scope.subAccountIds, f.accounts) || meets(scope.services, f.services)
    || (scope.tags ?? []).some((t) => f.tags.some((a) => a.key === t.key && a.value === t.value));
}

/** The highest alert threshold actual spend has reached, short of the whole budget. */
function alertReached(b: BudgetLine): number | undefined {
  return b.breached ? undefined : b.actualThresholds.filter((t) => t < 100 && b.percent >= t).at(-1);
}

function headline(lines: BudgetLine[]): string {
  const over = lines.filter((b) => b.breached);
  const projected = lines.filter((b) => !b.breached && b.breachDay !== undefined);
  const alerted = lines.filter((b) => alertReached(b) !== undefined);
  const parts: string[] = [];
  if (over.length) parts.push(`Over budget: ${over.map((b) => b.name).join(', ')}.`);
  if (projected.length) parts.push(`Projected to go over before the period ends: ${projected.map((b) => `${b.name} (on ${b.breachDay})`).join(', ')}.`);
  if (alerted.length) parts.push(`Past an alert threshold: ${alerted.map((b) => `${b.name} (${alertReached(b)}%)`).join(', ')}.`);
  if (parts.length) return parts.join(' ');
  return lines.length === 1 ? `The ${lines[0]!.name} budget is on track.` : `All ${plural(lines.length, 'budget')} are on track: none is over or projected to go over.`;
}

function lineText(b: BudgetLine, currency: string): string {
  const money = (n: Nanos) => formatMoney(n, currency);
  const head = `• ${b.name} (${b.scopeText}, ${PERIOD_WORD[b.period]}, ${b.range.start} to ${lastDay(b.range)})`;
  if (b.unmatched) return `${head}: no costs match its scope yet.`;
  const used = `${money(b.actual)} of ${money(b.amount)} spent${Number.isFinite(b.percent) ? ` (${b.percent.toFixed(0)}%)` : ''}`;
  const forecast = b.forecast !== undefined ? `forecast ${money(b.forecast)}` : '';
  const outlook = b.breached
    ? `over since ${b.breachDay ?? 'this period began'}${forecast ? `; ${forecast} by the end of the period` : ''}`
    : b.breachDay ? `${forecast}, projected to go over on ${b.breachDay}` : forecast ? `${forecast}, within budget` : 'within budget';
  return `${head}: ${used}; ${outlook}.`;
}

function figuresOf(lines: BudgetLine[]): Record<string, string> {
  return Object.fromEntries(lines.map((b, i) => [`lastDay${i}`, lastDay(b.range)]));
}
