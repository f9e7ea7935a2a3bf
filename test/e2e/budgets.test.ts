/**
 * Budgets in Slack through the real Bolt app and the fake Slack Web API: `/cost budget` lists
 * them with a button; only workspace admins (users.info) and PENNY_ADMINS may open the modal
 * or save it; a saved budget shows its burn from the store.
 */
import { demoTotal, usd } from '../support/oracles';
import { sendBlockAction, sendViewSubmission, TEST_USER } from '../support/slack-requests';
import { blockText, NOW, SECRET, useE2E } from './harness';

const TODAY = NOW.slice(0, 10);
const LISTED_ADMIN = 'ULISTED';
const app = useE2E({ env: { PENNY_ADMINS: LISTED_ADMIN }, slack: { admins: ['UWSADMIN'] } });

const press = (user: string, value = '') =>
  sendBlockAction(app().base, SECRET, {
    user: { id: user, username: user, name: user, team_id: 'T1' },
    channel: { id: 'C1', name: 'costs' },
    container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true },
    actions: [{ type: 'button', action_id: 'penny_budget_edit', block_id: 'penny_budget_actions', value, action_ts: '1' }],
  });

const form = (amount: string) => ({
  name: { name_input: { type: 'plain_text_input', value: 'October total' } },
  amount: { amount_input: { type: 'plain_text_input', value: amount } },
  period: { period_input: { type: 'static_select', selected_option: { value: 'month', text: { type: 'plain_text', text: 'Month' } } } },
  scope: { scope_input: { type: 'plain_text_input', value: 'total' } },
  thresholds: { thresholds_input: { type: 'plain_text_input', value: '50,80,100' } },
  forecast: { forecast_input: { type: 'plain_text_input', value: '100' } },
});

const submit = (user: string, amount: string) =>
  sendViewSubmission(app().base, SECRET, {
    user: { id: user, username: user, name: user, team_id: 'T1' },
    view: { id: 'V9', callback_id: 'penny_budget_modal', private_metadata: JSON.stringify({ name: '', channel: 'C1' }), state: { values: form(amount) } },
  });

it('/cost budget lists none yet and offers the button', async () => {
  const { answer } = await app().cost('budget');
  expect(blockText(answer)).toContain('No budgets yet');
  expect(blockText(answer)).toContain('penny_budget_edit');
});

it('someone who is not an admin is told so, and no modal opens', async () => {
  app().api.reset();
  expect((await press(TEST_USER.id)).status).toBe(200);
  const note = await app().api.waitFor('chat.postEphemeral', (c) => c.body.user === TEST_USER.id, 20_000);
  expect(String(note.body.text)).toContain('managing budgets is for finance users (PENNY_FINANCE) and Penny admins');
  expect(app().api.callsTo('views.open')).toEqual([]);
  const refused = await submit(TEST_USER.id, '1000');
  expect(refused.json).toMatchObject({ response_action: 'errors' });
  expect(await app().penny.core.watchdog.budgets.list()).toEqual([]);
});

it('a workspace admin (users.info) and a PENNY_ADMINS user open the modal', async () => {
  app().api.reset();
  await press('UWSADMIN');
  const opened = await app().api.waitFor('views.open', undefined, 20_000);
  expect(opened.body.view).toMatchObject({ callback_id: 'penny_budget_modal', type: 'modal' });
  await press(LISTED_ADMIN);
  await app().api.waitFor('views.open', (c) => c !== opened, 20_000);
  expect(app().api.callsTo('users.info').map((c) => c.body.user)).toEqual(['UWSADMIN']);
});

it('the modal shows errors in place, then saves, and the list shows the burn from the store', async () => {
  const bad = await submit('UWSADMIN', '-5');
  expect(bad.json).toMatchObject({ response_action: 'errors', errors: { amount: expect.any(String) } });
  const good = await submit('UWSADMIN', '1000');
  expect(good.status).toBe(200);
  await app().api.waitFor('chat.postEphemeral', (c) => blockText(c.body).includes('Budget October total saved'), 30_000);
  const [saved] = await app().penny.core.watchdog.budgets.list();
  expect(saved).toMatchObject({ name: 'October total', amount: 1000_000_000_000n, period: 'month', scope: { kind: 'total' }, updatedBy: 'UWSADMIN' });
  const { answer } = await app().cost('budget');
  // October so far is the demo clouds' October 1 (the FOCUS sample is September).
  const spent = await demoTotal(TODAY, { start: '2024-10-01', end: TODAY });
  expect(blockText(answer)).toContain(`${usd(spent)} of ${usd(1000_000_000_000n)}`);
  expect(app().api.violations).toEqual([]);
}, 60_000);
