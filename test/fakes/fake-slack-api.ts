/**
 * A local stand-in for the Slack Web API, so end-to-end tests can drive the real WebClient and Bolt
 * app without a network. It answers with the documented response shapes, records every call, and
 * rejects payloads that break Slack's Block Kit limits the way Slack does, so a test passing here
 * means the real API would not have refused the message either.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRecordedLog } from './recorded-log';
import { attachSocketMode, SOCKET_MODE_PATH, type FakeSocketMode } from './fake-socket-mode';
import { manifestBotScopes, METHOD_SCOPES } from './slack-scopes';

type Json = Record<string, unknown>;

export interface RecordedCall {
  method: string;
  body: Json;
  at: number;
  /** The bearer token (or `token` field) the call carried, if any. */
  token?: string;
  response: Json;
}

export interface RecordedUpload {
  fileId: string;
  filename?: string;
  /** The `length` the app declared in files.getUploadURLExternal, to compare with `size`. */
  declaredLength?: number;
  size: number;
  /** Up to the first 16 bytes, enough to check a PNG signature. */
  firstBytes: Buffer;
  at: number;
}

export interface LimitViolation {
  method: string;
  error: string;
  pointer: string;
  message: string;
  at: number;
}

export interface FakeSlackApiOptions {
  teamId?: string;
  teamDomain?: string;
  botId?: string;
  botUserId?: string;
  appId?: string;
  /** Channel id -> name for conversations.info; others get a name derived from the id. */
  channelNames?: Record<string, string>;
  /** users.info answers: workspace admins and owners. Others are ordinary members. */
  users?: Record<string, { isAdmin?: boolean; isOwner?: boolean; isPrimaryOwner?: boolean }>;
  /** The bot token's scopes; default manifest.yml's. A method needing another answers missing_scope. */
  scopes?: string[];
  /** User ids users.info reports as workspace admins. */
  admins?: string[];
}

export interface FailOptions {
  /** HTTP status to answer with; Slack uses 200 for API errors and 429 when rate limited. */
  status?: number;
  retryAfterSec?: number;
  /** Only a call to this channel fails (say, a private channel the bot is not in); others go through. */
  channel?: string;
}

export interface FakeSlackApi {
  /** The WebClient's `slackApiUrl`: `http://127.0.0.1:PORT/api/`. */
  readonly url: string;
  readonly calls: readonly RecordedCall[];
  readonly uploads: readonly RecordedUpload[];
  readonly violations: readonly LimitViolation[];
  callsTo(method: string): RecordedCall[];
  /** Socket Mode: `apps.connections.open` (with an `xapp-` token) leads here. */
  readonly socketMode: FakeSocketMode;
  /** Resolves with the first matching call, already received or still to come. */
  waitFor(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** The next call to `method` fails with `error` (`ratelimited` answers HTTP 429 unless told otherwise). */
  failNext(method: string, error: string, options?: FailOptions): void;
  reset(): void;
  close(): Promise<void>;
}

// Fields the WebClient JSON-encodes inside form bodies; decoded back so tests see objects.
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata', 'unfurls']);

export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  imageUrl: 3000,
  blockId: 255,
  buttonText: 75,
  contextElements: 10,
  actionsElements: 25,
  viewTitle: 24,
  privateMetadata: 3000,
  // Slack answers msg_blocks_too_long somewhere above ~13k characters of block content.
  messageBlocksJson: 13000,
} as const;

export interface Problem {
  error: string;
  pointer: string;
  message: string;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string | undefined => (isObject(value) && typeof value.text === 'string' ? value.text : undefined);

function tooLong(error: string, pointer: string, value: string | undefined, max: number): Problem[] {
  return value !== undefined && value.length > max ? [{ error, pointer, message: `must be less than ${max + 1} characters` }] : [];
}

/** Every `image_url` anywhere in a block (image blocks, accessories, context images). */
function imageUrlProblems(error: string, value: unknown, pointer: string): Problem[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => imageUrlProblems(error, item, `${pointer}/${i}`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'image_url' && typeof child === 'string'
      ? tooLong(error, `${pointer}/${key}`, child, SLACK_LIMITS.imageUrl)
      : imageUrlProblems(error, child, `${pointer}/${key}`),
  );
}

function tooMany(error: string, pointer: string, items: unknown, max: number): Problem[] {
  return Array.isArray(items) && items.length > max ? [{ error, pointer, message: `no more than ${max} items allowed` }] : [];
}

function buttonProblems(error: string, elements: unknown, pointer: string): Problem[] {
  if (!Array.isArray(elements)) return [];
  return elements.flatMap((el, i) =>
    isObject(el) && el.type === 'button' ? tooLong(error, `${pointer}/${i}/text/text`, textOf(el.text), SLACK_LIMITS.buttonText) : [],
  );
}

function blockProblems(error: string, block: unknown, pointer: string): Problem[] {
  if (!isObject(block) || typeof block.type !== 'string') return [{ error, pointer, message: 'block must be an object with a type' }];
  const problems = [...tooLong(error, `${pointer}/block_id`, typeof block.block_id === 'string' ? block.block_id : undefined, SLACK_LIMITS.blockId)];
  problems.push(...imageUrlProblems(error, block, pointer));
  switch (block.type) {
    case 'section': {
      const fields = Array.isArray(block.fields) ? block.fields : undefined;
      if (block.text === undefined && fields === undefined) problems.push({ error, pointer, message: 'section needs text or fields' });
      problems.push(...tooLong(error, `${pointer}/text/text`, textOf(block.text), SLACK_LIMITS.sectionText));
      problems.push(...tooMany(error, `${pointer}/fields`, fields, SLACK_LIMITS.sectionFields));
      fields?.forEach((f, i) => problems.push(...tooLong(error, `${pointer}/fields/${i}/text`, textOf(f), SLACK_LIMITS.sectionFieldText)));
      problems.push(...buttonProblems(error, [block.accessory], `${pointer}/accessory`));
      break;
    }
    case 'header':
      if (!isObject(block.text) || block.text.type !== 'plain_text') {
        problems.push({ error, pointer: `${pointer}/text`, message: 'header text must be plain_text' });
      }
      problems.push(...tooLong(error, `${pointer}/text/text`, textOf(block.text), SLACK_LIMITS.headerText));
      break;
    case 'context':
      problems.push(...tooMany(error, `${pointer}/elements`, block.elements, SLACK_LIMITS.contextElements));
      break;
    case 'actions':
      problems.push(...tooMany(error, `${pointer}/elements`, block.elements, SLACK_LIMITS.actionsElements));
      problems.push(...buttonProblems(error, block.elements, `${pointer}/elements`));
      break;
  }
  return problems;
}

/** Block Kit checks shared by messages (max 50) and views (max 100). */
export function blocksProblems(error: string, blocks: unknown, maxBlocks: number, pointer: string): Problem[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return [{ error: 'invalid_blocks_format', pointer, message: 'blocks must be a JSON array' }];
  const problems = tooMany(error, pointer, blocks, maxBlocks);
  const seen = new Set<string>();
  blocks.forEach((block, i) => {
    problems.push(...blockProblems(error, block, `${pointer}/${i}`));
    const id = isObject(block) ? block.block_id : undefined;
    if (typeof id === 'string' && seen.has(id)) problems.push({ error, pointer: `${pointer}/${i}/block_id`, message: 'duplicate block_id' });
    if (typeof id === 'string') seen.add(id);
  });
  return problems;
}

/** What Slack checks on a message body (chat.* methods and response_url posts). */
export function messageProblems(body: Json): Problem[] {
  const problems = blocksProblems('invalid_blocks', body.blocks, SLACK_LIMITS.messageBlocks, '/blocks');
  if (problems.length === 0 && Array.isArray(body.blocks) && JSON.stringify(body.blocks).length > SLACK_LIMITS.messageBlocksJson) {
    problems.push({ error: 'msg_blocks_too_long', pointer: '/blocks', message: `blocks JSON is over ${SLACK_LIMITS.messageBlocksJson} characters` });
  }
  return problems;
}

function viewProblems(view: unknown): Problem[] {
  const error = 'invalid_arguments';
  if (!isObject(view)) return [{ error, pointer: '/view', message: 'view must be a JSON object' }];
  return [
    ...blocksProblems(error, view.blocks, SLACK_LIMITS.viewBlocks, '/view/blocks'),
    ...['title', 'submit', 'close'].flatMap((k) => tooLong(error, `/view/${k}/text`, textOf(view[k]), SLACK_LIMITS.viewTitle)),
    ...tooLong(error, '/view/private_metadata', typeof view.private_metadata === 'string' ? view.private_metadata : undefined, SLACK_LIMITS.privateMetadata),
  ];
}

interface State {
  options: Required<Omit<FakeSlackApiOptions, 'channelNames' | 'admins'>> & { channelNames: Record<string, string>; admins: string[] };
  baseUrl: string;
  seq: number;
  files: Map<string, { filename?: string; length?: number; uploaded: boolean }>;
}

const next = (state: State) => ++state.seq;
const pad = (n: number) => String(n).padStart(6, '0');
// Unique and increasing, shaped like Slack's "seconds.micros" message ids.
const nextTs = (state: State) => {
  const n = next(state);
  return `${1_700_000_000 + n}.${pad(n)}`;
};
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const err = (error: string): Json => ({ ok: false, error });

function messageOf(state: State, body: Json, ts: string): Json {
  const { botId, botUserId, appId, teamId } = state.options;
  return {
    type: 'message',
    subtype: 'bot_message',
    text: body.text ?? '',
    user: botUserId,
    bot_id: botId,
    app_id: appId,
    team: teamId,
    ts,
    ...(body.blocks ? { blocks: body.blocks } : {}),
    ...(body.thread_ts ? { thread_ts: body.thread_ts } : {}),
  };
}

function viewOf(state: State, view: Json, id: string, type: string): Json {
  const { teamId, appId, botId } = state.options;
  // Defaults first, then what the app sent, as Slack echoes the published view back.
  return {
    id,
    team_id: teamId,
    type,
    blocks: [],
    private_metadata: '',
    callback_id: '',
    external_id: '',
    state: { values: {} },
    hash: `${1_700_000_000 + state.seq}.${pad(state.seq)}`,
    clear_on_close: false,
    notify_on_close: false,
    root_view_id: id,
    previous_view_id: null,
    app_id: appId,
    bot_id: botId,
    ...view,
  };
}

type Handler = (state: State, body: Json) => Json;

const handlers: Record<string, Handler> = {
  'apps.connections.open': (s) => ({ ok: true, url: `${s.baseUrl.replace(/^http/, 'ws')}${SOCKET_MODE_PATH}?ticket=${next(s)}` }),
  'auth.test': ({ options: o }) => ({
    ok: true,
    url: `https://${o.teamDomain}.slack.com/`,
    team: o.teamDomain,
    user: 'penny',
    team_id: o.teamId,
    user_id: o.botUserId,
    bot_id: o.botId,
    is_enterprise_install: false,
  }),
  'chat.postMessage': (s, b) => {
    const channel = str(b.channel);
    if (!channel) return err('channel_not_found');
    if (!str(b.text) && b.blocks === undefined && b.attachments === undefined) return err('no_text');
    const ts = nextTs(s);
    return { ok: true, channel, ts, message: messageOf(s, b, ts) };
  },
  'chat.postEphemeral': (s, b) => {
    if (!str(b.channel)) return err('channel_not_found');
    if (!str(b.user)) return err('user_not_in_channel');
    return { ok: true, message_ts: nextTs(s) };
  },
  'chat.update': (s, b) => {
    const channel = str(b.channel);
    const ts = str(b.ts);
    if (!channel) return err('channel_not_found');
    if (!ts) return err('message_not_found');
    return { ok: true, channel, ts, text: b.text ?? '', message: messageOf(s, b, ts) };
  },
  'views.publish': (s, b) => (str(b.user_id) ? { ok: true, view: viewOf(s, b.view as Json, `V${pad(next(s))}`, 'home') } : err('invalid_arguments')),
  'views.open': (s, b) => (str(b.trigger_id) ? { ok: true, view: viewOf(s, b.view as Json, `V${pad(next(s))}`, 'modal') } : err('invalid_trigger_id')),
  'views.update': (s, b) => {
    // The fake keeps no views, so an update by external_id just gets a fresh id.
    const id = str(b.view_id) ?? (str(b.external_id) ? `V${pad(next(s))}` : undefined);
    return id ? { ok: true, view: viewOf(s, b.view as Json, id, 'modal') } : err('not_found');
  },
  'conversations.open': (_s, b) => {
    // A DM with one user gets a stable D-id derived from the user id, as Slack's does.
    const users = str(b.users);
    if (!users) return err('users_list_not_supplied');
    return { ok: true, channel: { id: `D${users.replace(/^U/, '').split(',')[0]}` } };
  },
  'users.info': (s, b) => {
    const id = str(b.user);
    if (!id || !/^[UW]/.test(id)) return err('user_not_found');
    const u = s.options.users[id] ?? (s.options.admins.includes(id) ? { isAdmin: true } : {});
    return {
      ok: true,
      user: {
        id, team_id: s.options.teamId, name: id.toLowerCase(), deleted: false, is_bot: false,
        is_admin: Boolean(u.isAdmin), is_owner: Boolean(u.isOwner), is_primary_owner: Boolean(u.isPrimaryOwner), is_restricted: false,
      },
    };
  },
  'conversations.info': (s, b) => {
    const id = str(b.channel);
    if (!id) return err('channel_not_found');
    // Ids say what kind of conversation it is: C public, G private, D direct message.
    const isIm = id.startsWith('D');
    const name = isIm ? undefined : (s.options.channelNames[id] ?? `channel-${id.toLowerCase()}`);
    const channel = {
      id,
      name,
      name_normalized: name,
      is_channel: id.startsWith('C'),
      is_group: false,
      is_im: isIm,
      is_mpim: false,
      is_private: id.startsWith('G'),
      is_archived: false,
      is_member: true,
      created: 1_600_000_000,
      context_team_id: s.options.teamId,
    };
    return { ok: true, channel };
  },
  'files.getUploadURLExternal': (s, b) => {
    const filename = str(b.filename);
    const length = Number(b.length);
    if (!filename) return err('invalid_arguments');
    if (!Number.isInteger(length) || length <= 0) return err('invalid_arguments');
    const fileId = `F${pad(next(s))}`;
    s.files.set(fileId, { filename, length, uploaded: false });
    return { ok: true, upload_url: `${s.baseUrl}/upload/v1/${fileId}`, file_id: fileId };
  },
  'files.completeUploadExternal': (s, b) => {
    if (!Array.isArray(b.files) || b.files.length === 0) return err('invalid_arguments');
    const files: Json[] = [];
    for (const f of b.files) {
      const id = isObject(f) ? str(f.id) : undefined;
      const known = id ? s.files.get(id) : undefined;
      // The fake's choice: completing a file that was never uploaded is an error.
      if (!id || !known?.uploaded) return err('file_not_found');
      const title = isObject(f) && typeof f.title === 'string' ? f.title : known.filename;
      const permalink = `https://${s.options.teamDomain}.slack.com/files/${s.options.botUserId}/${id}`;
      files.push({ id, title, name: known.filename, size: known.length, permalink });
    }
    return { ok: true, files };
  },
};

/** Limit checks by method: which field carries blocks, and how many a surface allows. */
function limitProblems(method: string, body: Json): Problem[] {
  if (method.startsWith('chat.')) return messageProblems(body);
  if (method.startsWith('views.')) return viewProblems(body.view);
  if (method === 'files.completeUploadExternal') return blocksProblems('invalid_blocks', body.blocks, SLACK_LIMITS.messageBlocks, '/blocks');
  return [];
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseApiBody(raw: Buffer, contentType: string): Json {
  const text = raw.toString('utf8');
  if (text === '') return {};
  if (contentType.includes('application/json')) {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : {};
  }
  const body: Json = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (!JSON_FIELDS.has(key)) {
      body[key] = value;
      continue;
    }
    try {
      body[key] = JSON.parse(value);
    } catch {
      body[key] = value; // left as a string so the limit checks report invalid_blocks_format
    }
  }
  return body;
}

/** The upload URL takes multipart (what the WebClient sends) or raw bytes. */
async function uploadedBytes(raw: Buffer, contentType: string): Promise<Buffer> {
  if (!contentType.startsWith('multipart/form-data')) return raw;
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  for (const [, value] of form) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}

function send(res: ServerResponse, status: number, body: Json | string, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(text);
}

function bearer(req: IncomingMessage, body: Json): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? str(body.token);
}

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const log = createRecordedLog<RecordedCall>();
  const calls = log.entries;
  const uploads: RecordedUpload[] = [];
  const violations: LimitViolation[] = [];
  const failures = new Map<string, { error: string; options: FailOptions }[]>();
  const state: State = {
    options: { teamId: 'T1', teamDomain: 'penny-test', botId: 'B1', botUserId: 'U1', appId: 'A1', channelNames: {}, users: {}, admins: [], scopes: manifestBotScopes(), ...options },
    baseUrl: '',
    seq: 0,
    files: new Map(),
  };

  const answerApi = (method: string, req: IncomingMessage, body: Json): { status: number; response: Json; headers?: Record<string, string> } => {
    const token = bearer(req, body);
    if (!token) return { status: 200, response: err('not_authed') };
    if (!/^xox[bpae]-/.test(token) && !(method === 'apps.connections.open' && token.startsWith('xapp-'))) return { status: 200, response: err('invalid_auth') };
    const queue = failures.get(method) ?? [];
    const at = queue.findIndex((f) => f.options.channel === undefined || f.options.channel === str(body.channel));
    const failure = at >= 0 ? queue.splice(at, 1)[0] : undefined;
    if (failure) {
      const status = failure.options.status ?? (failure.error === 'ratelimited' ? 429 : 200);
      const headers = status === 429 ? { 'retry-after': String(failure.options.retryAfterSec ?? 1) } : undefined;
      return { status, response: err(failure.error), headers };
    }
    const handler = handlers[method];
    if (!handler) return { status: 200, response: err('unknown_method') };
    const needed = METHOD_SCOPES[method];
    if (needed && token.startsWith('xoxb-') && !state.options.scopes.includes(needed)) {
      return { status: 200, response: { ok: false, error: 'missing_scope', needed, provided: state.options.scopes.join(',') } };
    }
    const problems = limitProblems(method, body);
    const first = problems[0];
    if (first) {
      const at = Date.now();
      violations.push(...problems.map((p) => ({ method, at, ...p })));
      return { status: 200, response: { ok: false, error: first.error, response_metadata: { messages: problems.map((p) => `[ERROR] ${p.message} [json-pointer:${p.pointer}]`) } } };
    }
    return { status: 200, response: handler(state, body) };
  };

  const onUpload = async (fileId: string, req: IncomingMessage, res: ServerResponse, raw: Buffer) => {
    const file = state.files.get(fileId);
    if (!file) return send(res, 404, 'file not found');
    // The name comes from getUploadURLExternal, as on Slack; the multipart part the WebClient sends is named "Untitled" for a Buffer.
    const bytes = await uploadedBytes(raw, req.headers['content-type'] ?? '');
    file.uploaded = true;
    uploads.push({ fileId, filename: file.filename, declaredLength: file.length, size: bytes.length, firstBytes: bytes.subarray(0, 16), at: Date.now() });
    send(res, 200, `OK - ${bytes.length}`);
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const upload = /^\/upload\/v1\/([A-Z0-9]+)$/.exec(path);
      if (req.method === 'POST' && upload?.[1]) return onUpload(upload[1], req, res, raw);
      const api = /^\/api\/([\w.]+)$/.exec(path);
      if (req.method !== 'POST' || !api?.[1]) return send(res, 404, 'not found');
      let body: Json;
      try {
        body = parseApiBody(raw, req.headers['content-type'] ?? '');
      } catch {
        return send(res, 200, err('invalid_json'));
      }
      const { status, response, headers } = answerApi(api[1], req, body);
      log.add({ method: api[1], body, at: Date.now(), token: bearer(req, body), response });
      send(res, status, response, headers);
    })().catch((error: unknown) => send(res, 500, String(error)));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const callsTo = (method: string) => calls.filter((c) => c.method === method);
  const socketMode = attachSocketMode(server, state.options.appId);

  return {
    url: `${state.baseUrl}/api/`,
    socketMode,
    calls,
    uploads,
    violations,
    callsTo,
    waitFor(method, predicate = () => true, timeoutMs = 5000) {
      return log.waitFor((c) => c.method === method && predicate(c), timeoutMs, () => {
        const seen = callsTo(method).map((c) => JSON.stringify(c.body).slice(0, 200));
        return `No matching ${method} call within ${timeoutMs} ms; got ${seen.length}: ${seen.join(' | ')}`;
      });
    },
    failNext(method, error, failOptions = {}) {
      failures.set(method, [...(failures.get(method) ?? []), { error, options: failOptions }]);
    },
    reset() {
      // Cleared in place so arrays a test already holds stay live.
      calls.length = 0;
      uploads.length = 0;
      violations.length = 0;
      failures.clear();
      state.files.clear();
    },
    close() {
      return new Promise((resolve, reject) => {
        socketMode.close();
        server.close((e) => (e ? reject(e) : resolve()));
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      });
    },
  };
}
