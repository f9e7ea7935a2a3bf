/**
 * A lease in MongoDB so that two writers (two imports, two app instances) never write the same
 * partitions at once.
 *
 * The lease is short (30 s by default) and renewed by a heartbeat while the work goes on, so a
 * writer that dies blocks the others for seconds, not minutes. Its document says who holds it
 * (what, host, pid, since when), so a writer that has to wait can say why.
 *
 * Taking the lease is always an insert of a new, numbered document: inserts under a unique _id
 * are the one write that is exclusive on FerretDB v1 too (its filtered updates read and then
 * write by _id, so two racers can both "win" an expired lease). Only the holder ever updates
 * its own document, to renew or release it; a renewal that finds a newer document, or its own
 * already expired, reports the lease lost and the holder must stop writing.
 */
import { hostname } from 'node:os';
import type { Connection, Model } from 'mongoose';
import type { Logger } from '../ports/logger';
import { lockSchema, type LockDoc } from './schemas';

const KEEP_HISTORY = 20;

export interface LeaseHolder {
  activity: string;
  host: string;
  pid: number;
  startedAt: Date;
  expiresAt: Date;
}

export type AcquireResult = { taken: true } | { taken: false; holder: LeaseHolder };

export class WriteLock {
  private readonly model: Model<LockDoc>;
  private held?: string;
  private heartbeat?: NodeJS.Timeout;
  private lost = false;

  constructor(conn: Connection, private readonly name: string, private readonly ttlMs = 30_000, private readonly logger?: Logger) {
    this.model = conn.models.StoreLock ?? conn.model<LockDoc>('StoreLock', lockSchema);
  }

  /** Takes the lease once if it is free or expired; otherwise says who holds it. */
  async tryAcquire(owner: string, activity: string, now = new Date()): Promise<AcquireResult> {
    const top = await this.latest();
    if (top && !top.released && top.owner === owner && !this.held) {
      // Our own lease, left unreleased by a write of ours that failed (its release could not reach
      // the server): no one else writes under it, so take it up again rather than wait for it.
      await this.model.updateOne({ _id: top._id }, { $set: { expiresAt: new Date(now.getTime() + this.ttlMs), activity, startedAt: now } });
      this.held = top._id;
      this.lost = false;
      return { taken: true };
    }
    if (top && !top.released && top.expiresAt > now) {
      return { taken: false, holder: { activity: top.activity ?? 'write', host: top.host ?? 'an unknown host', pid: top.pid ?? 0, startedAt: top.startedAt ?? top.expiresAt, expiresAt: top.expiresAt } };
    }
    const seq = (top?.seq ?? 0) + 1;
    const id = `${this.name}#${seq}`;
    try {
      await this.model.create({ _id: id, name: this.name, seq, owner, expiresAt: new Date(now.getTime() + this.ttlMs), released: false, activity, host: hostname(), pid: process.pid, startedAt: now });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return this.tryAcquire(owner, activity, now); // someone else took it first
      throw error;
    }
    this.held = id;
    this.lost = false;
    if (seq > KEEP_HISTORY) await this.model.deleteMany({ name: this.name, seq: { $lt: seq - KEEP_HISTORY } }).catch(() => undefined);
    return { taken: true };
  }

  /** Extends the held lease. False when it was lost: expired before renewal, or taken over. */
  async renew(now = new Date()): Promise<boolean> {
    if (!this.held || this.lost) return false;
    const top = await this.latest();
    if (!top || top._id !== this.held || top.released || top.expiresAt <= now) {
      this.lost = true;
      return false;
    }
    await this.model.updateOne({ _id: this.held }, { $set: { expiresAt: new Date(now.getTime() + this.ttlMs) } });
    return true;
  }

  /** Renews every third of the lease while work goes on; `onLost` is told once if it is lost. */
  startHeartbeat(onLost: () => void): void {
    this.stopHeartbeat();
    let busy = false;
    this.heartbeat = setInterval(() => {
      if (busy) return;
      busy = true;
      this.renew()
        .then((ok) => {
          if (!ok) {
            this.stopHeartbeat();
            onLost();
          }
        })
        .catch((error: unknown) => this.logger?.info({ err: error, lock: this.name }, 'could not renew the write lease; retrying'))
        .finally(() => (busy = false));
    }, Math.max(100, Math.floor(this.ttlMs / 3)));
    this.heartbeat.unref();
  }

  get isLost(): boolean {
    return this.lost;
  }

  /** Gives the lease back. Never throws: an unreleased lease simply expires. */
  async release(): Promise<void> {
    this.stopHeartbeat();
    const id = this.held;
    this.held = undefined;
    if (!id || this.lost) return;
    await this.model.updateOne({ _id: id }, { $set: { released: true } }).catch((error: unknown) => {
      // Info, not a warning: the lease expires by itself, and the failure that got us here is reported.
      this.logger?.info({ err: error, lock: this.name }, `could not release the write lease; it expires within ${Math.ceil(this.ttlMs / 1000)} s`);
    });
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private async latest(): Promise<LockDoc | undefined> {
    return (await this.model.find({ name: this.name }).sort({ seq: -1 }).limit(1).lean<LockDoc[]>())[0];
  }
}

/** "an import (started 12:01 UTC on host X, pid 42)". */
export function describeHolder(holder: LeaseHolder): string {
  const at = holder.startedAt.toISOString().slice(11, 16);
  const pid = holder.pid ? `, pid ${holder.pid}` : '';
  return `${article(holder.activity)} ${holder.activity} (started ${at} UTC on host ${holder.host}${pid})`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
