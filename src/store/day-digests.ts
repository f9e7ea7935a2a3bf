/**
 * Day digests: a fingerprint of a set of records of one day, as they were stored. A re-import
 * of an unchanged file compares fingerprints and skips whole days, instead of reading every
 * record back (which on servers without filter pushdown scans the month's partition per chunk).
 *
 * A digest is keyed by the day and the set of record ids it covers (one file's records of that
 * day), and holds a hash of their compared fields. It stays true because every write that
 * changes a record of a day first forgets that day's digests, and a digest is only written
 * once the day's records are stored. A crash in between leaves no digest: the slow, exact path.
 */
import { createHash } from 'node:crypto';
import type { Collection } from 'mongodb';
import type { DbLimits } from '../ports/db-limits';
import { bulkOptions } from './connection';
import type { CostRecordDoc } from './doc-mapping';
import { COMPARED_FIELDS } from './partition-writer';

export const DAY_DIGESTS_COLLECTION = 'cost_day_digests';

export interface DayDigest {
  _id: string; // `${day}|${hash of the ids}`
  day: string;
  month: string;
  records: number;
  content: string;
}

/** One digest per day of `docs` (all of one month). */
export function digestDays(docs: readonly CostRecordDoc[]): Map<string, { digest: DayDigest; docs: CostRecordDoc[] }> {
  const byDay = new Map<string, CostRecordDoc[]>();
  for (const d of docs) {
    const list = byDay.get(d.day);
    if (list) list.push(d);
    else byDay.set(d.day, [d]);
  }
  const out = new Map<string, { digest: DayDigest; docs: CostRecordDoc[] }>();
  for (const [day, list] of byDay) {
    const sorted = [...list].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    const ids = createHash('sha256');
    const content = createHash('sha256');
    for (const d of sorted) {
      ids.update(`${d._id}\n`);
      content.update(d._id);
      for (const f of COMPARED_FIELDS) content.update(`\t${String(d[f])}`);
      content.update('\n');
    }
    const digest: DayDigest = { _id: `${day}|${ids.digest('base64url').slice(0, 24)}`, day, month: sorted[0]!.month, records: sorted.length, content: content.digest('base64url') };
    out.set(day, { digest, docs: list });
  }
  return out;
}

export class DayDigests {
  constructor(private readonly collection: Collection<DayDigest>, private readonly limits: DbLimits) {}

  /** The stored digests of a month: id -> content. */
  async forMonth(month: string): Promise<Map<string, string>> {
    const docs = await this.collection.find({ month }, bulkOptions(this.limits, { projection: { content: 1 } })).toArray();
    return new Map(docs.map((d) => [d._id, d.content]));
  }

  /** Call before changing any record of these days. */
  async forget(days: readonly string[]): Promise<void> {
    if (days.length === 0) return;
    await this.collection.deleteMany({ day: { $in: [...days] } }, bulkOptions(this.limits, {}));
  }

  /** Call once the records the digests describe are stored. */
  async remember(digests: readonly DayDigest[]): Promise<void> {
    if (digests.length === 0) return;
    await this.collection.deleteMany({ _id: { $in: digests.map((d) => d._id) } }, bulkOptions(this.limits, {}));
    await this.collection.insertMany([...digests], bulkOptions(this.limits, { ordered: false }));
  }
}
