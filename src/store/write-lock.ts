/**
 * A lease in MongoDB so that two writers (two imports, two app instances) never rebuild the
 * same rollups at once.
 *
 * Taking the lease is always an insert of a new, numbered document: inserts under a unique _id
 * are the one write that is exclusive on FerretDB v1 too (its filtered updates read and then
 * write by _id, so two racers can both "win" an expired lease). Only the holder ever updates
 * its own document, to renew or release it.
 */
import type { Connection, Model } from 'mongoose';
import { lockSchema, type LockDoc } from './schemas';

const KEEP_HISTORY = 20;

export class WriteLock {
  private readonly model: Model<LockDoc>;
  private held?: string;

  constructor(conn: Connection, private readonly name: string, private readonly ttlMs = 5 * 60_000) {
    this.model = conn.models.StoreLock ?? conn.model<LockDoc>('StoreLock', lockSchema);
  }

  /** Takes or renews the lease. False when someone else holds an unexpired one. */
  async acquire(owner: string, now = new Date()): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    const latest = await this.model.find({ name: this.name }).sort({ seq: -1 }).limit(1).lean();
    const top = latest[0];
    if (top && top.owner === owner && this.held === top._id && !top.released) {
      await this.model.updateOne({ _id: top._id }, { $set: { expiresAt } });
      return true;
    }
    if (top && !top.released && top.expiresAt > now) return false;
    const seq = (top?.seq ?? 0) + 1;
    try {
      await this.model.create({ _id: `${this.name}#${seq}`, name: this.name, seq, owner, expiresAt, released: false });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false; // someone else took it first
      throw error;
    }
    this.held = `${this.name}#${seq}`;
    if (seq > KEEP_HISTORY) await this.model.deleteMany({ name: this.name, seq: { $lt: seq - KEEP_HISTORY } });
    return true;
  }

  async release(owner: string): Promise<void> {
    if (!this.held) return;
    await this.model.updateOne({ _id: this.held, owner }, { $set: { released: true } });
    this.held = undefined;
  }
}
