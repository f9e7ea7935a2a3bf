/**
 * The budget modal: opened by `/cost budget edit`, the buttons on `/cost budget`, or the Home
 * tab; only finance users and admins may open or submit it. Validated on submit (errors shown in the modal).
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { budgetModal, BUDGET_MODAL_CALLBACK_ID, budgetStatusMessage, validateBudgetForm, type BudgetFormValues } from '../../blocks';
import { refusalText } from '../../../answers/refusal';
import type { ListenerDeps } from '../deps';

const ADMINS_ONLY = refusalText('budgets');

/** Opens the modal for an admin; tells anyone else why not. Returns whether it opened. */
export async function openBudgetModal(client: WebClient, deps: ListenerDeps, opts: { triggerId: string; userId: string; channelId?: string; name?: string }): Promise<boolean> {
  const watchdog = deps.watchdog;
  if (!watchdog) return false;
  if (!(await deps.mayManageBudgets(opts.userId))) {
    if (opts.channelId) await client.chat.postEphemeral({ channel: opts.channelId, user: opts.userId, text: ADMINS_ONLY }).catch(() => undefined);
    return false;
  }
  const current = opts.name ? await watchdog.budgets.get(opts.name) : undefined;
  const view = budgetModal(current);
  view.private_metadata = JSON.stringify({ name: current?.name ?? '', channel: opts.channelId ?? '' });
  await client.views.open({ trigger_id: opts.triggerId, view });
  return true;
}

export function registerBudgetModal(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(/^penny_budget_edit/, async ({ ack, action, body, client }) => {
    await ack();
    try {
      await openBudgetModal(client, deps, { triggerId: body.trigger_id, userId: body.user.id, channelId: body.channel?.id, name: action.value || undefined });
    } catch (error) {
      deps.logger.error({ err: error }, 'could not open the budget modal');
    }
  });

  app.view(BUDGET_MODAL_CALLBACK_ID, async ({ ack, view, body, client }) => {
    const watchdog = deps.watchdog;
    if (!watchdog || !(await deps.mayManageBudgets(body.user.id))) {
      await ack({ response_action: 'errors', errors: { name: ADMINS_ONLY } });
      return;
    }
    const result = validateBudgetForm(view.state.values as BudgetFormValues);
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    await ack();
    const meta = parseMeta(view.private_metadata);
    try {
      const saved = await watchdog.budgets.set(result.budget, body.user.id);
      const status = await watchdog.budgets.status();
      status.note = `Budget ${saved.name} saved by <@${body.user.id}>.`;
      const message = budgetStatusMessage(status);
      if (meta.channel) await client.chat.postEphemeral({ channel: meta.channel, user: body.user.id, text: message.text, blocks: message.blocks });
    } catch (error) {
      deps.logger.error({ err: error }, 'could not save a budget');
    }
  });
}

function parseMeta(text: string): { name: string; channel: string } {
  try {
    const parsed = JSON.parse(text) as { name?: unknown; channel?: unknown };
    return { name: typeof parsed.name === 'string' ? parsed.name : '', channel: typeof parsed.channel === 'string' ? parsed.channel : '' };
  } catch {
    return { name: '', channel: '' };
  }
}
