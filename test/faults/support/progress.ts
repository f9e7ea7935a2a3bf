/** Watches an import's progress from outside, through its own connection. */
import { MongoClient } from 'mongodb';
import { waitUntil } from './penny-cli';

/** Resolves once `months` month partitions have been begun (the import is well into its writes). */
export async function waitForMonthsBegun(uri: string, months: number, ms = 120_000): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2000, socketTimeoutMS: 5000 });
  try {
    await waitUntil(`${months} months are being written`, ms, async () => (await client.db().collection('cost_partitions').countDocuments().catch(() => 0)) >= months);
  } finally {
    await client.close(true);
  }
}
