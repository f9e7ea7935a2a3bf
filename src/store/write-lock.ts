/**
 * A lease in MongoDB so that two writers (two imports, two app instances) never rebuild the
 * same rollups at once. findAndModify+upsert works on MongoDB and FerretDB alike.
 */
import type { Connection, Model } from 'mongoose';
import { lockSchema, type LockDoc } from './schemas';

export class WriteLock {
  private readonly model: Model<LockDoc>;

  constructor(conn: Connection, private readonly name: string, private readonly ttlMs = 5 * 60_000) {
    this.model = conn.models.StoreLock ?? conn.model<LockDoc>('StoreLock', lockSchema);
  }

  /** Takes or renews the lease. False when someone else holds an unexpired one. */
  async acquire(owner: string, now = new Date()): Promise<boolean> {
    try {
      await this.model.findOneAndUpdate(
        { _id: this.name, $or: [{ expiresAt: { $lt: now } }, { owner }] },
        { $set: { owner, expiresAt: new Date(now.getTime() + this.ttlMs) } },
        { upsert: true, returnDocument: 'after' },
      );
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  async release(owner: string): Promise<void> {
    await this.model.deleteOne({ _id: this.name, owner });
  }
}
