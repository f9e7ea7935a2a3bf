/**
 * What the store holds, read back through the store's own query path, to be compared with the
 * oracle's sums of the file. Also the bookkeeping a fault must not leave behind.
 */
import { MongoClient, type Db } from 'mongodb';
import { addDays } from '../../../src/domain/days';
import { connectMongo } from '../../../src/store/connection';
import { MongoCostStore } from '../../../src/store/mongo-cost-store';
import { recordingLogger } from '../../support/silent-logger';
import type { FocusFile } from './focus-file';

export interface Stored {
  /** Billed cost at 1e-12 (nanos x 1000), per month and per service. */
  byMonth: Map<string, bigint>;
  byService: Map<string, bigint>;
  /** Documents in the record partitions. */
  records: number;
  dirtyMonths: string[];
  /** The newest write lease: released, or still held. */
  lease?: { released: boolean; expiresAt: Date };
}

export async function readStored(uri: string, file: FocusFile): Promise<Stored> {
  const conn = await connectMongo(uri, { connectMs: 5000 });
  try {
    const store = new MongoCostStore(conn, { logger: recordingLogger() });
    await store.init();
    const range = { start: file.firstDay, end: addDays(file.lastDay, 1) };
    const sum = async (groupBy: 'month' | 'service') => {
      const out = new Map<string, bigint>();
      for (const row of await store.groupCosts({ range, groupBy, filters: {}, metric: 'billed' })) out.set(row.key, (out.get(row.key) ?? 0n) + row.amount * 1000n);
      return out;
    };
    return {
      byMonth: await sum('month'),
      byService: await sum('service'),
      ...(await bookkeeping(conn.db!)),
      dirtyMonths: await store.dirtyMonths(),
    };
  } finally {
    await conn.close();
  }
}

/** Just the record count and the newest lease, with the bare driver. */
export async function readBookkeeping(uri: string): Promise<Pick<Stored, 'records' | 'lease'>> {
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    return await bookkeeping(client.db());
  } finally {
    await client.close();
  }
}

async function bookkeeping(db: Db): Promise<Pick<Stored, 'records' | 'lease'>> {
  let records = 0;
  for (const c of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (c.name.startsWith('cost_records_')) records += await db.collection(c.name).estimatedDocumentCount(); // the count command: exact on both servers
  }
  const lease = (await db.collection('store_locks').find({}).sort({ seq: -1 }).limit(1).toArray())[0];
  return { records, lease: lease ? { released: Boolean(lease.released), expiresAt: lease.expiresAt as Date } : undefined };
}

/** Sorted [key, amount] pairs, so a mismatch shows which key differs. */
export function entries(map: Map<string, bigint>): [string, string][] {
  return [...map].filter(([, v]) => v !== 0n).map(([k, v]) => [k, v.toString()] as [string, string]).sort(([a], [b]) => a.localeCompare(b));
}
