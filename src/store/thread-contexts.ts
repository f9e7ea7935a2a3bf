/**
 * Thread contexts in MongoDB, one document per channel and thread (`_id` = "channel:thread").
 * They expire: MongoDB removes them through a TTL index on `expiresAt`. FerretDB v1 refuses TTL
 * indexes ("not implemented"), so there Penny prunes expired contexts itself now and then; and on
 * every server, reads ignore a context whose `expiresAt` has passed (TTL deletes run only once a minute).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { Logger } from '../ports/logger';
import { systemClock, type Clock } from '../ports/clock';
import type { ThreadContext, ThreadContexts, ThreadKey } from '../ports/thread-contexts';

/** How long a thread remembers its last question. */
export const THREAD_TTL_MS = 24 * 3_600_000;
/** Without a TTL index, expired contexts are deleted on every this many writes. */
const PRUNE_EVERY = 50;

interface ThreadDoc {
  _id: string;
  channel: string;
  thread: string;
  question: string;
  intent: string;
  at: Date;
  expiresAt: Date;
}

const threadSchema = new Schema<ThreadDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    thread: { type: String, required: true },
    question: { type: String, required: true },
    intent: { type: String, required: true },
    at: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'ask_threads', autoIndex: false },
);

const MODEL = 'AskThread';

export interface ThreadContextOptions {
  clock?: Clock;
  ttlMs?: number;
  logger?: Logger;
}

export class MongoThreadContexts implements ThreadContexts {
  private readonly model: Model<ThreadDoc>;
  /** How expired contexts go: the server's TTL index, or pruning here. Known after init(). */
  expiry: ExpiryMode = 'prune';
  private writes = 0;

  constructor(conn: Connection, private readonly options: ThreadContextOptions = {}) {
    this.model = (conn.models[MODEL] as Model<ThreadDoc> | undefined) ?? conn.model<ThreadDoc>(MODEL, threadSchema);
  }

  /** Creates the expiry index (the app connects with autoIndex off). */
  async init(): Promise<void> {
    this.expiry = await ensureExpiryIndex(this.model.collection);
    if (this.expiry === 'prune') this.options.logger?.debug({ collection: 'ask_threads' }, 'no TTL indexes on this server; expired thread contexts are pruned by Penny');
  }

  async get(key: ThreadKey): Promise<ThreadContext | undefined> {
    const now = (this.options.clock ?? systemClock).now();
    const doc = await this.model.findOne({ _id: idOf(key), expiresAt: { $gt: now } }).lean();
    return doc ? { question: doc.question, intent: doc.intent, at: doc.at } : undefined;
  }

  async put(key: ThreadKey, context: ThreadContext): Promise<void> {
    const expiresAt = new Date(context.at.getTime() + (this.options.ttlMs ?? THREAD_TTL_MS));
    const fields = { channel: key.channel, thread: key.thread, question: context.question, intent: context.intent, at: context.at, expiresAt };
    const write = () => this.model.updateOne({ _id: idOf(key) }, { $set: fields }, { upsert: true });
    try {
      await write();
    } catch (error) {
      // Two first answers in one thread race to insert the same _id; the loser updates.
      if ((error as { code?: number }).code !== 11000) throw error;
      await write();
    }
    if (this.expiry === 'prune' && ++this.writes % PRUNE_EVERY === 0) await this.prune();
  }

  /** Deletes expired contexts (what a TTL index does on MongoDB). */
  async prune(): Promise<number> {
    const result = await this.model.deleteMany({ expiresAt: { $lte: (this.options.clock ?? systemClock).now() } });
    return result.deletedCount;
  }
}

export type ExpiryMode = 'ttl' | 'prune';

/**
 * A TTL index on `expiresAt` where the server has them (MongoDB), else a plain one and 'prune'
 * (FerretDB v1 answers NotImplemented, code 238).
 */
export async function ensureExpiryIndex(collection: { createIndex(spec: Record<string, 1>, options: Record<string, unknown>): Promise<unknown> }): Promise<ExpiryMode> {
  try {
    await collection.createIndex({ expiresAt: 1 }, { name: 'expiresAt_ttl', expireAfterSeconds: 0 });
    return 'ttl';
  } catch (error) {
    const { code, message } = error as { code?: number; message?: string };
    if (code !== 238 && !/not implemented/i.test(message ?? '')) throw error;
    await collection.createIndex({ expiresAt: 1 }, { name: 'expiresAt_1' });
    return 'prune';
  }
}

function idOf(key: ThreadKey): string {
  return `${key.channel}:${key.thread}`;
}
