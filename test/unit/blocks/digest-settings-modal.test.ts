import { isValidTimeZone } from '../../../src/domain/days';
import { digestSettingsModal, TIME_ZONE_GROUPS, validateDigestSettings, type DigestStateValues } from '../../../src/slack/blocks';
import { blocksProblems, SLACK_LIMITS } from '../../fakes/fake-slack-api';

type Json = Record<string, unknown>;
const current = { channel: 'C0123ABC', time: '09:00', timeZone: 'Europe/Berlin', providers: ['aws', 'gcp'] };
const inputs = (view: { blocks: unknown[] }) => (view.blocks as Json[]).filter((b) => b.type === 'input');

function values(over: { time?: string | null; tz?: string; scope?: string[]; channel?: string } = {}): DigestStateValues {
  const v: DigestStateValues = {
    time: { time_input: { selected_time: over.time === undefined ? '09:00' : over.time } },
    tz: { tz_input: { selected_option: over.tz === undefined ? { value: 'Europe/Berlin' } : { value: over.tz } } },
    scope: { scope_input: { selected_options: (over.scope ?? []).map((value) => ({ value })) } },
  };
  if (over.channel) v.channel = { channel_input: { selected_conversation: over.channel } };
  return v;
}

describe('digestSettingsModal', () => {
  it('is a valid modal with the agreed ids and the current settings selected', () => {
    const view = digestSettingsModal(current);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'penny_digest_settings', private_metadata: 'C0123ABC' });
    expect(blocksProblems('invalid_arguments', view.blocks, SLACK_LIMITS.viewBlocks, '/view/blocks')).toEqual([]);
    for (const key of ['title', 'submit', 'close'] as const) expect(view[key]!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.viewTitle);
    const byId = Object.fromEntries(inputs(view).map((b) => [b.block_id, b.element as Json]));
    expect(Object.keys(byId)).toEqual(['time', 'tz', 'scope']);
    expect(byId.time).toMatchObject({ type: 'timepicker', action_id: 'time_input', initial_time: '09:00' });
    expect(byId.tz).toMatchObject({ type: 'static_select', action_id: 'tz_input', initial_option: { value: 'Europe/Berlin' } });
    expect(byId.scope).toMatchObject({ type: 'multi_static_select', action_id: 'scope_input' });
    expect((byId.scope!.initial_options as Json[]).map((o) => o.value)).toEqual(['aws', 'gcp']);
    expect(view).toMatchSnapshot();
  });

  it('asks for a channel when opened without one (from the Home tab)', () => {
    const view = digestSettingsModal({ ...current, channel: '', providers: [] });
    expect(inputs(view)[0]).toMatchObject({ block_id: 'channel', element: { type: 'conversations_select', action_id: 'channel_input' } });
    expect((inputs(view)[3]!.element as Json).initial_options).toEqual([expect.objectContaining({ value: 'all' })]);
  });

  it('keeps a saved zone that is not in the list selectable', () => {
    const view = digestSettingsModal({ ...current, timeZone: 'Asia/Kathmandu' });
    const tz = inputs(view)[1]!.element as Json;
    expect((tz.option_groups as Json[])[0]).toMatchObject({ label: { text: 'Current' } });
    expect(tz.initial_option).toMatchObject({ value: 'Asia/Kathmandu' });
  });

  it('offers real IANA zones within Slack option limits', () => {
    const zones = TIME_ZONE_GROUPS.flatMap((g) => g.zones);
    expect(zones.length).toBeGreaterThanOrEqual(40);
    expect(zones.every(isValidTimeZone)).toBe(true);
    for (const g of TIME_ZONE_GROUPS) expect(g.zones.length).toBeLessThanOrEqual(100);
  });

  it('shows errors next to the fields they belong to', () => {
    const view = digestSettingsModal(current, { time: 'Use 24-hour HH:MM.' });
    const ids = (view.blocks as unknown as Json[]).map((b) => (b.type === 'context' ? 'error' : b.block_id));
    expect(ids.indexOf('error')).toBe(ids.indexOf('time') + 1);
  });
});

describe('validateDigestSettings', () => {
  it('accepts a full form; "All providers" or nothing means every provider', () => {
    expect(validateDigestSettings(values({ scope: ['aws', 'azure'] }))).toEqual({ ok: true, time: '09:00', timeZone: 'Europe/Berlin', providers: ['aws', 'azure'] });
    expect(validateDigestSettings(values({ scope: ['all', 'aws'] }))).toMatchObject({ ok: true, providers: [] });
    expect(validateDigestSettings(values())).toMatchObject({ ok: true, providers: [] });
    expect(validateDigestSettings(values({ channel: 'C9' }))).toMatchObject({ ok: true, channel: 'C9' });
  });

  it('rejects a bad time, keyed by block id', () => {
    expect(validateDigestSettings(values({ time: '25:00' }))).toEqual({ ok: false, errors: { time: '"25:00" is not a time of day. Use 24-hour HH:MM, like 09:00.' } });
    expect(validateDigestSettings(values({ time: null }))).toEqual({ ok: false, errors: { time: 'Choose a time of day.' } });
  });

  it('rejects an unknown time zone and unknown providers', () => {
    const result = validateDigestSettings(values({ tz: 'Mars/Olympus_Mons', scope: ['ibm'], channel: 'C9' }));
    expect(result).toEqual({
      ok: false,
      channel: 'C9',
      errors: { tz: '"Mars/Olympus_Mons" is not a time zone I know. Choose one from the list.', scope: 'Unknown provider: ibm. Choose from the list.' },
    });
    expect(validateDigestSettings({})).toMatchObject({ ok: false, errors: { time: expect.any(String), tz: 'Choose a time zone.' } });
  });
});
