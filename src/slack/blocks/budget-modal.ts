/**
 * The budget modal (create or edit) and the validation of what comes back. Block ids are the
 * contract with the view_submission handler: name, amount, period, scope, thresholds, forecast
 * (each with an `_input` action). private_metadata holds the name the modal was opened on.
 */
import { BUDGET_PERIODS, DEFAULT_ACTUAL_THRESHOLDS, DEFAULT_FORECAST_THRESHOLDS, defineBudget, formatBudgetScope, parseBudgetScope, type Budget, type BudgetPeriod } from '../../domain/budget/budget';
import { isAppError } from '../../domain/errors';
import { decimalToNanos, nanosToDecimalString } from '../../domain/money';
import { section } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from './types';

export const BUDGET_MODAL_CALLBACK_ID = 'penny_budget_modal';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const option = (value: string): PlainTextOption => ({ text: plain(value[0]!.toUpperCase() + value.slice(1)), value });

function textInput(blockId: string, label: string, initial: string, hint?: string, placeholder?: string): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    ...(hint ? { hint: plain(hint) } : {}),
    element: { type: 'plain_text_input', action_id: `${blockId}_input`, ...(initial ? { initial_value: initial } : {}), ...(placeholder ? { placeholder: plain(placeholder) } : {}) },
  };
}

export function budgetModal(current: Budget | undefined): ModalView {
  const blocks: KnownBlock[] = [
    section(current ? `Change the budget *${current.name}*. Give it a new name to save a copy under that name.` : 'A budget is an amount per month, quarter or year for all spend or one provider, account, service or tag. Penny tells channels with `/cost alerts on` when spend crosses its thresholds.'),
    textInput('name', 'Name', current?.name ?? '', undefined, 'e.g. prod-aws'),
    textInput('amount', 'Amount per period', current ? nanosToDecimalString(current.amount) : '', 'In the currency of your cost data, e.g. 5000 or 1250.50'),
    {
      type: 'input',
      block_id: 'period',
      label: plain('Period'),
      element: { type: 'static_select', action_id: 'period_input', options: BUDGET_PERIODS.map(option), initial_option: option(current?.period ?? 'month') },
    },
    textInput('scope', 'Scope', current ? formatBudgetScope(current.scope) : 'total', 'total, provider aws, account prod-core, service EC2 or tag team=data'),
    textInput('thresholds', 'Alert at % of spend', (current?.actualThresholds ?? DEFAULT_ACTUAL_THRESHOLDS).join(',')),
    textInput('forecast', 'Alert at % of forecast', (current?.forecastThresholds ?? DEFAULT_FORECAST_THRESHOLDS).join(',')),
  ];
  const view: ModalView = {
    type: 'modal',
    callback_id: BUDGET_MODAL_CALLBACK_ID,
    private_metadata: current?.name ?? '',
    title: plain(current ? 'Edit budget' : 'New budget'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks,
  };
  return enforceLimits(view, { maxBlocks: LIMITS.viewBlocks });
}

/** The parts of `view.state.values` this form reads. */
export type BudgetFormValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

export type BudgetFormResult = { ok: true; budget: Budget } | { ok: false; errors: Record<string, string> };

/** Errors keyed by block id, ready for `ack({ response_action: 'errors', errors })`. */
export function validateBudgetForm(values: BudgetFormValues): BudgetFormResult {
  const text = (block: string) => (values[block]?.[`${block}_input`]?.value ?? '').trim();
  const errors: Record<string, string> = {};
  const name = text('name');
  if (!name) errors.name = 'Give the budget a name.';
  const amount = decimalToNanos(text('amount'));
  if (amount === undefined || amount <= 0n) errors.amount = 'Enter an amount above zero, like 5000 or 1250.50.';
  const period = values.period?.period_input?.selected_option?.value ?? 'month';
  if (!BUDGET_PERIODS.includes(period as BudgetPeriod)) errors.period = 'Choose month, quarter or year.';
  const scope = attempt(() => parseBudgetScope(text('scope') || 'total'), errors, 'scope');
  const actual = percentages(text('thresholds'), errors, 'thresholds');
  const forecast = percentages(text('forecast'), errors, 'forecast');
  if (Object.keys(errors).length > 0 || !scope || amount === undefined) return { ok: false, errors };
  const budget = attempt(() => defineBudget({ name, amount, period: period as BudgetPeriod, scope, actualThresholds: actual, forecastThresholds: forecast }), errors, 'thresholds');
  return budget ? { ok: true, budget } : { ok: false, errors };
}

function percentages(text: string, errors: Record<string, string>, block: string): number[] {
  if (text === '') return [];
  const parts = text.split(',').map((p) => p.trim().replace(/%$/, ''));
  if (parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) {
    errors[block] = 'Use percentages separated by commas, like 50,80,100.';
    return [];
  }
  return parts.map(Number);
}

function attempt<T>(work: () => T, errors: Record<string, string>, block: string): T | undefined {
  try {
    return work();
  } catch (error) {
    errors[block] = isAppError(error) ? error.message : 'That does not work.';
    return undefined;
  }
}
