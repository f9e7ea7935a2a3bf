/** Event receipts on the real test server: one winner per event id, even when claims race. */
import type { Connection } from 'mongoose';
import { MongoEventReceipts } from '../../src/store/event-receipts';
import { dropTestDb, openTestDb } from '../support/mongo';

let conn: Connection;
beforeAll(async () => {
  conn = await openTestDb('receipts');
});
afterAll(async () => {
  await dropTestDb(conn);
});

it('grants each event id to exactly one of many racing claims, across instances', async () => {
  const instances = [new MongoEventReceipts(conn), new MongoEventReceipts(conn), new MongoEventReceipts(conn)];
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => instances[i % 3]!.claim('Ev0001')));
  expect(results.filter(Boolean)).toHaveLength(1);
  expect(await instances[0]!.claim('Ev0002')).toBe(true);
  expect(await instances[1]!.claim('Ev0002')).toBe(false);
});
