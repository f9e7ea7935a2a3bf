/**
 * Sends requests to a running Bolt HTTP receiver the way Slack does: signed with the signing
 * secret, slash commands and interactions form-encoded, events as JSON. Each helper reports the
 * time to the HTTP response, which is the ack latency Slack holds to 3 seconds.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackRequestOptions {
  /** Unix seconds for x-slack-request-timestamp; defaults to now. */
  timestampSeconds?: number;
  /** Sends a timestamp 6 minutes old (Slack and Bolt refuse anything over 5). */
  stale?: boolean;
  /** Sends this x-slack-signature instead of the correct one. */
  forgeSignature?: string;
  /** Extra headers, e.g. x-slack-retry-num for a redelivered event. */
  headers?: Record<string, string>;
}

export interface SlackResponse {
  status: number;
  body: string;
  /** The body parsed as JSON when it is JSON, else undefined. */
  json: unknown;
  /** Milliseconds from sending to the HTTP response: the ack latency. */
  ms: number;
}

export interface SlashCommandFields {
  token: string;
  team_id: string;
  team_domain: string;
  channel_id: string;
  channel_name: string;
  user_id: string;
  user_name: string;
  command: string;
  text: string;
  response_url: string;
  trigger_id: string;
  api_app_id: string;
  is_enterprise_install: string;
}

export const TEST_TEAM = { id: 'T1', domain: 'penny-test' } as const;
export const TEST_USER = { id: 'U2', name: 'alice' } as const;
export const TEST_APP_ID = 'A1';
// Slack still sends the legacy verification token; Bolt ignores it when signatures are checked.
const VERIFICATION_TOKEN = 'legacy-verification-token';

/** The headers Slack adds: `v0=` + HMAC-SHA256(secret, `v0:${ts}:${rawBody}`). */
export function signSlackRequest(secret: string, rawBody: string, timestampSeconds: number): Record<string, string> {
  const digest = createHmac('sha256', secret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSeconds), 'x-slack-signature': `v0=${digest}` };
}

/** `http://127.0.0.1:PORT` for the server `app.start()` resolved with. */
export function baseUrlOf(server: Server): string {
  const address = server.address() as AddressInfo | null;
  if (!address) throw new Error('server is not listening');
  return `http://127.0.0.1:${address.port}`;
}

export const triggerId = () => `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${randomUUID().replace(/-/g, '').slice(0, 32)}`;

const endpoint = (base: string) => (base.endsWith('/slack/events') ? base : `${base.replace(/\/$/, '')}/slack/events`);

/** Signs and POSTs a raw body, timing the round trip. */
export async function sendSigned(base: string, secret: string, rawBody: string, contentType: string, opts: SlackRequestOptions = {}): Promise<SlackResponse> {
  const now = Math.floor(Date.now() / 1000);
  const ts = opts.timestampSeconds ?? (opts.stale ? now - 6 * 60 : now);
  const signed = signSlackRequest(secret, rawBody, ts);
  if (opts.forgeSignature !== undefined) signed['x-slack-signature'] = opts.forgeSignature;
  const started = performance.now();
  const res = await fetch(endpoint(base), { method: 'POST', headers: { 'content-type': contentType, ...signed, ...opts.headers }, body: rawBody });
  const body = await res.text();
  const ms = performance.now() - started;
  let json: unknown;
  try {
    json = body === '' ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status: res.status, body, json, ms };
}

const FORM = 'application/x-www-form-urlencoded';

/** A slash command, form-encoded like Slack sends it; unspecified fields get test defaults. */
export function sendSlashCommand(base: string, secret: string, fields: Partial<SlashCommandFields> & Pick<SlashCommandFields, 'command'>, opts?: SlackRequestOptions): Promise<SlackResponse> {
  const all: SlashCommandFields = {
    token: VERIFICATION_TOKEN,
    team_id: TEST_TEAM.id,
    team_domain: TEST_TEAM.domain,
    channel_id: 'C1',
    channel_name: 'general',
    user_id: TEST_USER.id,
    user_name: TEST_USER.name,
    text: '',
    response_url: '',
    trigger_id: triggerId(),
    api_app_id: TEST_APP_ID,
    is_enterprise_install: 'false',
    ...fields,
  };
  return sendSigned(base, secret, new URLSearchParams({ ...all }).toString(), FORM, opts);
}

let eventSeq = 0;

/** An Events API `event_callback` envelope around `event`, sent as JSON. */
export function sendEvent(base: string, secret: string, event: Record<string, unknown>, opts: SlackRequestOptions & { teamId?: string; eventId?: string } = {}): Promise<SlackResponse> {
  const teamId = opts.teamId ?? TEST_TEAM.id;
  eventSeq += 1;
  const envelope = {
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    api_app_id: TEST_APP_ID,
    event,
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${String(eventSeq).padStart(8, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: 'U1', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
  return sendSigned(base, secret, JSON.stringify(envelope), 'application/json', opts);
}

/** The handshake Slack sends when the Request URL is configured; Bolt echoes the challenge. */
export function sendUrlVerification(base: string, secret: string, challenge: string, opts?: SlackRequestOptions): Promise<SlackResponse> {
  const body = { token: VERIFICATION_TOKEN, challenge, type: 'url_verification' };
  return sendSigned(base, secret, JSON.stringify(body), 'application/json', opts);
}

function interactionDefaults(type: string): Record<string, unknown> {
  return {
    type,
    team: { id: TEST_TEAM.id, domain: TEST_TEAM.domain },
    user: { id: TEST_USER.id, username: TEST_USER.name, name: TEST_USER.name, team_id: TEST_TEAM.id },
    api_app_id: TEST_APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerId(),
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** Interactions arrive form-encoded with the JSON in a single `payload` field. */
function sendInteraction(base: string, secret: string, payload: Record<string, unknown>, opts?: SlackRequestOptions): Promise<SlackResponse> {
  return sendSigned(base, secret, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, opts);
}

/** A `block_actions` payload; pass at least `actions`, and `channel`/`message`/`response_url` as the test needs. */
export function sendBlockAction(base: string, secret: string, payload: Record<string, unknown>, opts?: SlackRequestOptions): Promise<SlackResponse> {
  return sendInteraction(base, secret, { ...interactionDefaults('block_actions'), container: { type: 'message' }, ...payload }, opts);
}

/** A `view_submission` payload; pass at least `view` (with `callback_id` and `state.values`). */
export function sendViewSubmission(base: string, secret: string, payload: Record<string, unknown>, opts?: SlackRequestOptions): Promise<SlackResponse> {
  return sendInteraction(base, secret, { ...interactionDefaults('view_submission'), response_urls: [], ...payload }, opts);
}
