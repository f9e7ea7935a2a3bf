/**
 * Delivery claims for daily digests: exactly one post per (channel, local day), across instances.
 *
 * Every attempt is its own document, inserted under a unique `_id` before anything is posted:
 *   attempt 1: `${channel}:${localDate}`, attempt n >= 2: `${channel}:${localDate}#${n}`.
 * Whoever inserts an attempt owns it; a duplicate key (11000) means someone else did. After that
 * first insert, a document is only ever updated by its own owner (sent / released), so no two
 * writers ever race on an update. That matters: on FerretDB v1.24 an update or findAndModify is
 * a read, then a write by `_id` without re-checking the filter, so conditional updates are not
 * compare-and-set (two concurrent `updateOne({ _id, lockedAt: null }, …)` both report a match).
 * An insert with a unique `_id` is the one atomic arbiter on both FerretDB and MongoDB.
 *
 * A new attempt may be inserted when the latest one was released (a failed post), or is still
 * "claimed" but older than `staleClaimMs` (its instance died mid-post). Default 15 minutes:
 * - it must exceed the longest a live instance can take between claim and markSent (composing:
 *   store queries and a chart, seconds; posting: chat.postMessage plus a file upload with a bounded
 *   retry policy, well under a few minutes), or a slow-but-alive instance would be doubled;
 * - a crash at 09:00 then still yields the digest by about 09:16 the same local day.
 * Attempts per channel and day are capped (`maxAttempts`, default 5), so a channel that always
 * fails (bot removed from it) is not retried every minute all day.
 *
 * With `resume`, an owner's own open claim is taken up rather than waited out: the dispatcher asks
 * so only for a digest it tried before without learning how that ended (MongoDB went away before
 * the claim's reply or its release), and that it is not posting right now (digest-dispatch.ts).
 * Recording the post is idempotent: a second markSent after a lost reply finds it already sent.
 *
 * Attempts are read by exact `_id` one at a time (1, 2, … until one is missing): FerretDB v1 only
 * pushes a lone `_id` equality down to SQLite, so any other filter scans the whole collection.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { systemClock, type Clock } from '../ports/clock';
import type { ClaimOptions, DeliveryState, DigestDeliveries, DigestDelivery, SentInfo } from '../ports/digests';
import { dbLimitsOf } from './connection';
import { guardDb } from './db-errors';

interface DeliveryDoc {
  _id: string;
  channel: string;
  localDate: string;
  attempt: number;
  owner: string;
  state: DeliveryState;
  claimedAt: Date;
  sentAt?: Date;
  ts?: string;
  releasedAt?: Date;
  error?: string;
}

const deliverySchema = new Schema<DeliveryDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    localDate: { type: String, required: true },
    attempt: { type: Number, required: true },
    owner: { type: String, required: true },
    state: { type: String, required: true, enum: ['claimed', 'sent', 'released'] },
    claimedAt: { type: Date, required: true },
    sentAt: Date,
    ts: String,
    releasedAt: Date,
    error: String,
  },
  { versionKey: false, collection: 'digest_deliveries', autoIndex: false },
);

const MODEL = 'DigestDelivery';
const HARD_ATTEMPT_LIMIT = 100;

export const DEFAULT_STALE_CLAIM_MS = 15 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 5;

export interface DigestDeliveriesOptions {
  /** An unsent claim older than this may be taken over. Default 15 minutes (see above). */
  staleClaimMs?: number;
  /** Claims per channel and local day, first try included. Default 5. */
  maxAttempts?: number;
  clock?: Clock;
  /** Another collection for other once-per-period posts (scheduled reports). Default `digest_deliveries`. */
  collection?: string;
}

const CHANNEL_RE = /^[A-Za-z0-9_-]+$/;
const LOCAL_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The attempt's `_id`. Channel ids are Slack's `[A-Z0-9]` ids, so `:` and `#` cannot collide. */
export function deliveryId(channel: string, localDate: string, attempt = 1): string {
  if (!CHANNEL_RE.test(channel)) throw new Error(`Not a channel id: ${JSON.stringify(channel)}`);
  if (!LOCAL_DATE_RE.test(localDate)) throw new Error(`Not a local date (YYYY-MM-DD): ${JSON.stringify(localDate)}`);
  return attempt === 1 ? `${channel}:${localDate}` : `${channel}:${localDate}#${attempt}`;
}

export class MongoDigestDeliveries implements DigestDeliveries {
  private readonly model: Model<DeliveryDoc>;
  private readonly staleClaimMs: number;
  private readonly maxAttempts: number;
  private readonly clock: Clock;

  constructor(private readonly conn: Connection, options: DigestDeliveriesOptions = {}) {
    const collection = options.collection ?? 'digest_deliveries';
    const name = collection === 'digest_deliveries' ? MODEL : `${MODEL}:${collection}`;
    this.model = (conn.models[name] as Model<DeliveryDoc> | undefined) ?? conn.model<DeliveryDoc>(name, deliverySchema, collection);
    this.staleClaimMs = options.staleClaimMs ?? DEFAULT_STALE_CLAIM_MS;
    this.maxAttempts = Math.min(Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS), HARD_ATTEMPT_LIMIT);
    this.clock = options.clock ?? systemClock;
  }

  claim(channel: string, localDate: string, owner: string, options: ClaimOptions = {}): Promise<boolean> {
    return this.guard(() => this.claimOnce(channel, localDate, owner, options));
  }

  private async claimOnce(channel: string, localDate: string, owner: string, options: ClaimOptions): Promise<boolean> {
    const attempts = await this.attempts(channel, localDate, { untilSent: true });
    const latest = attempts[attempts.length - 1];
    if (latest) {
      if (latest.state === 'sent') return false;
      if (options.resume && latest.state === 'claimed' && latest.owner === owner) return true;
      const now = this.clock.now().getTime();
      if (latest.state === 'claimed' && now - latest.claimedAt.getTime() < this.staleClaimMs) return false;
      if (latest.attempt >= this.maxAttempts) return false;
    }
    return this.insertAttempt(channel, localDate, (latest?.attempt ?? 0) + 1, owner);
  }

  markSent(channel: string, localDate: string, info: SentInfo): Promise<void> {
    return this.guard(async () => {
      const attempts = await this.attempts(channel, localDate);
      const mine = attempts.filter((a) => a.owner === info.owner && a.state === 'claimed').pop();
      if (!mine) {
        if (attempts.some((a) => a.owner === info.owner && a.state === 'sent' && a.ts === info.ts)) return; // recorded already; the reply was lost
        throw new Error(`No open digest claim of ${info.owner} for ${channel} on ${localDate}`);
      }
      await this.model.updateOne({ _id: mine._id }, { $set: { state: 'sent', sentAt: info.sentAt, ts: info.ts } });
    });
  }

  release(channel: string, localDate: string, options: { owner?: string; reason?: string } = {}): Promise<void> {
    return this.guard(() => this.releaseOpen(channel, localDate, options));
  }

  private async releaseOpen(channel: string, localDate: string, options: { owner?: string; reason?: string }): Promise<void> {
    const open = (await this.attempts(channel, localDate))
      .filter((a) => a.state === 'claimed' && (options.owner === undefined || a.owner === options.owner))
      .pop();
    if (!open) return;
    const $set: Partial<DeliveryDoc> = { state: 'released', releasedAt: this.clock.now() };
    if (options.reason) $set.error = options.reason.slice(0, 500);
    await this.model.updateOne({ _id: open._id }, { $set });
  }

  get(channel: string, localDate: string): Promise<DigestDelivery | undefined> {
    return this.guard(() => this.describe(channel, localDate));
  }

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return guardDb(dbLimitsOf(this.conn), work);
  }

  private async describe(channel: string, localDate: string): Promise<DigestDelivery | undefined> {
    const attempts = await this.attempts(channel, localDate);
    const deciding = attempts.find((a) => a.state === 'sent') ?? attempts[attempts.length - 1];
    if (!deciding) return undefined;
    const lastError = [...attempts].reverse().find((a) => a.error)?.error;
    return {
      channel,
      localDate,
      state: deciding.state,
      owner: deciding.owner,
      claimedAt: deciding.claimedAt,
      attempts: attempts.length,
      ...(deciding.sentAt ? { sentAt: deciding.sentAt } : {}),
      ...(deciding.ts ? { ts: deciding.ts } : {}),
      ...(lastError ? { lastError } : {}),
    };
  }

  /**
   * The attempts so far, in order. They are numbered without gaps, so the first miss ends them.
   * `untilSent` stops at a sent one: the usual case once the day's digest is out, one lookup.
   */
  private async attempts(channel: string, localDate: string, options: { untilSent?: boolean } = {}): Promise<DeliveryDoc[]> {
    const found: DeliveryDoc[] = [];
    for (let attempt = 1; attempt <= HARD_ATTEMPT_LIMIT; attempt++) {
      const doc = await this.model.findById(deliveryId(channel, localDate, attempt)).lean<DeliveryDoc>();
      if (!doc) break;
      found.push(doc);
      if (options.untilSent && doc.state === 'sent') break;
    }
    return found;
  }

  private async insertAttempt(channel: string, localDate: string, attempt: number, owner: string): Promise<boolean> {
    try {
      await this.model.create({
        _id: deliveryId(channel, localDate, attempt), channel, localDate, attempt, owner, state: 'claimed', claimedAt: this.clock.now(),
      });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }
}
