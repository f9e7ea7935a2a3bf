/**
 * Each test file gets its own database on the real test server, dropped at the end.
 * There is no skipping: without a server, this throws the reason and the test fails.
 */
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectMongo } from '../../src/store/connection';

export function testMongoBaseUri(): string {
  const uri = process.env.PENNY_TEST_MONGODB_URI;
  if (!uri) throw new Error(process.env.PENNY_TEST_MONGODB_ERROR ?? 'No MongoDB wire server for the tests (global setup did not run).');
  return uri;
}

/** A URI for a fresh, uniquely named database. */
export function testDbUri(label: string): string {
  const base = testMongoBaseUri();
  const name = `t_${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function openTestDb(label: string): Promise<Connection> {
  return connectMongo(testDbUri(label), { serverSelectionTimeoutMS: 5000 });
}

export async function dropTestDb(conn: Connection | undefined): Promise<void> {
  if (!conn) return;
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
}

/** Drops the database a URI names, through a connection of the test's own. */
export async function dropDatabaseAt(uri: string): Promise<void> {
  const conn = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 }).catch(() => undefined);
  await dropTestDb(conn);
}
