/**
 * The digest settings modal and the validation of what comes back from it. Block ids and action
 * ids are the contract with the view_submission handler: time/time_input, tz/tz_input,
 * scope/scope_input and (when the modal was opened without a channel) channel/channel_input.
 */
import { isValidTimeZone } from '../../domain/days';
import { channelMention } from './digest-message';
import { context, esc, section } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from './types';

export const DIGEST_SETTINGS_CALLBACK_ID = 'penny_digest_settings';

/** Common IANA zones, grouped the way people look for them; any other valid zone is still accepted. */
export const TIME_ZONE_GROUPS: readonly { label: string; zones: readonly string[] }[] = [
  { label: 'UTC', zones: ['UTC'] },
  {
    label: 'Americas',
    zones: ['Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Vancouver', 'America/Denver', 'America/Phoenix', 'America/Chicago', 'America/Mexico_City', 'America/New_York', 'America/Toronto', 'America/Bogota', 'America/Lima', 'America/Halifax', 'America/Santiago', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires'],
  },
  {
    label: 'Europe & Africa',
    zones: ['Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Africa/Lagos', 'Europe/Paris', 'Europe/Berlin', 'Europe/Amsterdam', 'Europe/Madrid', 'Europe/Rome', 'Europe/Stockholm', 'Europe/Warsaw', 'Europe/Athens', 'Europe/Helsinki', 'Africa/Cairo', 'Africa/Johannesburg', 'Europe/Istanbul', 'Africa/Nairobi', 'Europe/Moscow'],
  },
  {
    label: 'Asia & Pacific',
    zones: ['Asia/Dubai', 'Asia/Karachi', 'Asia/Kolkata', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Jakarta', 'Asia/Singapore', 'Asia/Hong_Kong', 'Asia/Shanghai', 'Asia/Taipei', 'Australia/Perth', 'Asia/Seoul', 'Asia/Tokyo', 'Australia/Brisbane', 'Australia/Adelaide', 'Australia/Sydney', 'Pacific/Auckland'],
  },
];

/** 'all' stands for every provider, which validateDigestSettings returns as an empty list. */
export const DIGEST_PROVIDERS: readonly { value: string; label: string }[] = [
  { value: 'all', label: 'All providers' },
  { value: 'aws', label: 'AWS' },
  { value: 'azure', label: 'Azure' },
  { value: 'gcp', label: 'Google Cloud' },
  { value: 'oci', label: 'Oracle Cloud' },
];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function option(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text: text.slice(0, 75) }, value };
}

const zoneOption = (zone: string) => option(zone.replace(/_/g, ' '), zone);
const plain = (text: string) => ({ type: 'plain_text' as const, text });

function timeZoneGroups(current: string) {
  const known = TIME_ZONE_GROUPS.some((g) => g.zones.includes(current));
  const groups = TIME_ZONE_GROUPS.map((g) => ({ label: plain(g.label), options: g.zones.map(zoneOption) }));
  // A saved zone outside the list must still show as selected: Slack needs initial_option among the options.
  return known || !isValidTimeZone(current) ? groups : [{ label: plain('Current'), options: [zoneOption(current)] }, ...groups];
}

function errorNote(errors: Record<string, string> | undefined, blockId: string): KnownBlock[] {
  const message = errors?.[blockId];
  return message ? [context([`:warning: ${esc(message)}`])] : [];
}

export function digestSettingsModal(
  current: { channel: string; time: string; timeZone: string; providers: string[] },
  errors?: Record<string, string>,
): ModalView {
  const where = current.channel ? channelMention(current.channel) : 'the channel you choose';
  const blocks: KnownBlock[] = [section(`Every day at the time you choose, Penny posts yesterday's costs, the month so far and the top services to ${where}.`)];
  if (!current.channel) {
    blocks.push({
      type: 'input',
      block_id: 'channel',
      label: plain('Channel'),
      element: { type: 'conversations_select', action_id: 'channel_input', default_to_current_conversation: true, filter: { include: ['public', 'private'], exclude_bot_users: true } },
    } as InputBlock);
    blocks.push(...errorNote(errors, 'channel'));
  }
  const time: InputBlock = { type: 'input', block_id: 'time', label: plain('Time of day'), element: { type: 'timepicker', action_id: 'time_input', placeholder: plain('Choose a time') } };
  if (TIME.test(current.time) && time.element.type === 'timepicker') time.element.initial_time = current.time;
  blocks.push(time, ...errorNote(errors, 'time'));
  const groups = timeZoneGroups(current.timeZone);
  const initialZone = groups.flatMap((g) => g.options).find((o) => o.value === current.timeZone);
  blocks.push({
    type: 'input',
    block_id: 'tz',
    label: plain('Time zone'),
    element: { type: 'static_select', action_id: 'tz_input', placeholder: plain('Choose a time zone'), option_groups: groups, ...(initialZone ? { initial_option: initialZone } : {}) },
  });
  blocks.push(...errorNote(errors, 'tz'));
  const picked = current.providers.length === 0 || current.providers.includes('all') ? ['all'] : current.providers;
  const initial = DIGEST_PROVIDERS.filter((p) => picked.includes(p.value)).map((p) => option(p.label, p.value));
  blocks.push({
    type: 'input',
    block_id: 'scope',
    optional: true,
    label: plain('Providers'),
    hint: plain('Leave empty or choose "All providers" to include every provider.'),
    element: { type: 'multi_static_select', action_id: 'scope_input', placeholder: plain('All providers'), options: DIGEST_PROVIDERS.map((p) => option(p.label, p.value)), ...(initial.length > 0 ? { initial_options: initial } : {}) },
  });
  blocks.push(...errorNote(errors, 'scope'));
  const view: ModalView = {
    type: 'modal',
    callback_id: DIGEST_SETTINGS_CALLBACK_ID,
    private_metadata: current.channel,
    title: plain('Daily cost digest'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks,
  };
  return enforceLimits(view, { maxBlocks: LIMITS.viewBlocks });
}

/** The parts of Bolt's `view.state.values` this form reads (structurally compatible with it). */
export type DigestStateValues = Record<string, Record<string, {
  selected_time?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_conversation?: string | null;
}>>;

export type DigestSettingsResult =
  | { ok: true; time: string; timeZone: string; providers: string[]; channel?: string }
  | { ok: false; errors: Record<string, string>; channel?: string };

/** Errors are keyed by block_id, ready for `ack({ response_action: 'errors', errors })`. providers [] means all. */
export function validateDigestSettings(values: DigestStateValues): DigestSettingsResult {
  const errors: Record<string, string> = {};
  const time = values.time?.time_input?.selected_time ?? '';
  if (!time) errors.time = 'Choose a time of day.';
  else if (!TIME.test(time)) errors.time = `"${time}" is not a time of day. Use 24-hour HH:MM, like 09:00.`;
  const timeZone = values.tz?.tz_input?.selected_option?.value ?? '';
  if (!timeZone) errors.tz = 'Choose a time zone.';
  else if (!isValidTimeZone(timeZone)) errors.tz = `"${timeZone}" is not a time zone I know. Choose one from the list.`;
  const chosen = (values.scope?.scope_input?.selected_options ?? []).map((o) => o.value);
  const unknown = chosen.filter((v) => !DIGEST_PROVIDERS.some((p) => p.value === v));
  if (unknown.length > 0) errors.scope = `Unknown provider: ${unknown.join(', ')}. Choose from the list.`;
  const channel = values.channel?.channel_input?.selected_conversation ?? undefined;
  const withChannel = <T extends object>(r: T) => (channel ? { ...r, channel } : r);
  if (Object.keys(errors).length > 0) return withChannel({ ok: false as const, errors });
  const providers = chosen.includes('all') ? [] : [...new Set(chosen)];
  return withChannel({ ok: true as const, time, timeZone, providers });
}
