/**
 * Alert deliveries: one Slack message per alert and channel, across instances and restarts.
 * The digests' scheme (digest-deliveries.ts): every attempt is a document inserted under a
 * unique `_id` before posting (attempt 1 `${alert}:${channel}`, then `…#2`, …), and only its
 * owner updates it afterwards. A released attempt, or one claimed longer ago than
 * `staleClaimMs` (its instance died mid-post), lets the next attempt be inserted.
 * Alert keys are hashed into the `_id` (they hold service names and tag values).
 * Alert emails use the same scheme in their own collection, with the address for the channel.
 */
import { createHash } from 'node:crypto';
import type { Collection, Connection } from 'mongoose';
import type { AlertDeliveries, AlertDelivery, AlertDeliveryState } from '../ports/alerts';
import { systemClock, type Clock } from '../ports/clock';
import { isDuplicateKey } from './duplicate-key';

interface DeliveryDoc {
  _id: string;
  alertKey: string;
  channel: string;
  attempt: number;
  owner: string;
  state: AlertDeliveryState;
  claimedAt: Date;
  ts?: string;
  revision?: number;
  error?: string;
}

const MAX_ATTEMPTS = 5;
const DEFAULT_STALE_MS = 15 * 60_000;

export class MongoAlertDeliveries implements AlertDeliveries {
  private readonly docs: Collection<DeliveryDoc>;

  /** `collection`: another set of recipients (alert emails); default `alert_deliveries`, Slack channels. */
  constructor(conn: Connection, private readonly options: { clock?: Clock; staleClaimMs?: number; collection?: string } = {}) {
    this.docs = conn.collection<DeliveryDoc>(options.collection ?? 'alert_deliveries');
  }

  async claim(alertKey: string, channel: string, owner: string): Promise<boolean> {
    const attempts = await this.attempts(alertKey, channel);
    const latest = attempts[attempts.length - 1];
    if (latest) {
      if (attempts.some((a) => a.state === 'sent') || latest.attempt >= MAX_ATTEMPTS) return false;
      const age = this.now().getTime() - latest.claimedAt.getTime();
      if (latest.state === 'claimed' && age < (this.options.staleClaimMs ?? DEFAULT_STALE_MS)) return false;
    }
    const attempt = (latest?.attempt ?? 0) + 1;
    try {
      await this.docs.insertOne({ _id: idOf(alertKey, channel, attempt), alertKey, channel, attempt, owner, state: 'claimed', claimedAt: this.now() });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async markSent(alertKey: string, channel: string, owner: string, ts: string, revision: number): Promise<void> {
    const mine = (await this.attempts(alertKey, channel)).filter((a) => a.owner === owner && a.state === 'claimed').pop();
    if (!mine) throw new Error(`No open alert claim of ${owner} for ${channel}`);
    await this.docs.updateOne({ _id: mine._id }, { $set: { state: 'sent', ts, revision } });
  }

  async release(alertKey: string, channel: string, owner: string, reason: string): Promise<void> {
    const mine = (await this.attempts(alertKey, channel)).filter((a) => a.owner === owner && a.state === 'claimed').pop();
    if (mine) await this.docs.updateOne({ _id: mine._id }, { $set: { state: 'released', error: reason.slice(0, 500) } });
  }

  async sent(alertKey: string): Promise<AlertDelivery[]> {
    const docs = await this.docs.find({ alertKey, state: 'sent' }).toArray();
    return docs
      .map((d) => ({ alertKey, channel: d.channel, state: d.state, ts: d.ts, revision: d.revision ?? 0, attempts: d.attempt }))
      .sort((a, b) => a.channel.localeCompare(b.channel));
  }

  async markRevision(alertKey: string, channel: string, revision: number): Promise<void> {
    const sent = (await this.attempts(alertKey, channel)).find((a) => a.state === 'sent');
    if (sent) await this.docs.updateOne({ _id: sent._id }, { $set: { revision } });
  }

  /** Attempts in order, read by exact `_id` (the lookup FerretDB v1 pushes down). */
  private async attempts(alertKey: string, channel: string): Promise<DeliveryDoc[]> {
    const found: DeliveryDoc[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const doc = await this.docs.findOne({ _id: idOf(alertKey, channel, attempt) });
      if (!doc) break;
      found.push(doc);
    }
    return found;
  }

  private now(): Date {
    return (this.options.clock ?? systemClock).now();
  }
}

function idOf(alertKey: string, channel: string, attempt: number): string {
  const hash = createHash('sha256').update(alertKey).digest('base64url').slice(0, 22);
  return attempt === 1 ? `${hash}:${channel}` : `${hash}:${channel}#${attempt}`;
}
