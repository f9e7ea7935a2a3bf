/**
 * Advice in the running app: `/cost recommend` over signed HTTP, the Dismiss and Show evidence
 * buttons, the App Home's top three, and `/cost simulate` with its chart. The seed is the FOCUS
 * sample (September 2024) and one demo day (October 1); "today" is October 2.
 */
import { sendBlockAction, sendEvent, TEST_USER } from '../support/slack-requests';
import { blockText, SECRET, useE2E } from './harness';

const app = useE2E();

type Json = Record<string, unknown>;
const buttonsOf = (message: Json) => (message.blocks as Json[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements as Json[]);

async function press(value: string, actionId: string): Promise<Json> {
  const url = app().responses.newUrl();
  const res = await sendBlockAction(app().base, SECRET, {
    response_url: url,
    channel: { id: 'C1', name: 'costs' },
    container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true },
    actions: [{ type: 'button', action_id: actionId, block_id: 'penny_rec_x', value, action_ts: '1' }],
  });
  expect(res.status).toBe(200);
  return (await app().responses.waitForPost(url, 20_000)).body as Json;
}

it('/cost recommend lists recommendations with Dismiss, Snooze 30 days and Show evidence', async () => {
  const { answer } = await app().cost('recommend provider:aws');
  const text = blockText(answer);
  expect(text).toContain('"text":"Recommendations"');
  // The FOCUS sample's m4.10xlarge hour: 2.00 × 730 / 24 × 4% = $2.43 a month.
  expect(text).toContain('Move i-021f2ebl49063f9l1 from m4.10xlarge to m6i.10xlarge');
  const labels = buttonsOf(answer!).slice(0, 3).map((b) => (b.text as Json).text);
  expect(labels).toEqual(['Dismiss', 'Snooze 30 days', 'Show evidence']);
  expect(app().api.violations).toEqual([]);
});

it('Dismiss replaces the list with the list after the decision; Show evidence answers beside it', async () => {
  const { answer } = await app().cost('recommend');
  const [dismiss, , evidence] = buttonsOf(answer!);
  const id = String(dismiss!.value).split(' ')[2]!;
  const shown = await press(String(evidence!.value), String(evidence!.action_id));
  expect(shown.replace_original).toBeUndefined();
  expect(blockText(shown)).toContain('How the saving is estimated');
  const after = await press(String(dismiss!.value), String(dismiss!.action_id));
  expect(after).toMatchObject({ replace_original: true });
  expect(blockText(after)).toContain(':white_check_mark: Dismissed');
  expect(blockText(after)).not.toContain(`penny_rec_${id}`);
  const marks = await app().penny.core.adviceMarks.marks([id]);
  expect(marks.get(id)).toMatchObject({ state: 'dismissed', by: TEST_USER.id });
});

it('the App Home shows the top three and the total possible saving', async () => {
  app().api.reset();
  await sendEvent(app().base, SECRET, { type: 'app_home_opened', user: TEST_USER.id, channel: 'D2', tab: 'home', event_ts: '2' });
  const publish = await app().api.waitFor('views.publish', undefined, 20_000);
  const text = blockText(publish.body.view);
  expect(text).toMatch(/Top recommendations · \$[\d,.]+ a month possible \(\d+ open\)/);
  expect(text).toContain('penny_run_recommend');
  expect(app().api.violations).toEqual([]);
});

it('/cost simulate answers with the periods beside today\'s forecast and a chart of both lines', async () => {
  const { answer } = await app().cost('simulate EC2 -20% from 2024-10; add 500/month for service:BigQuery');
  const text = blockText(answer);
  expect(text).toContain('"text":"What if"');
  expect(text).toContain('*October 2024*');
  expect(text).toMatch(/"type":"image","image_url":"https:\/\/quickchart\.io\/chart/);
  expect(text).toContain("Today's forecast");
  expect(app().api.violations).toEqual([]);
});
