/**
 * Driver failures become one sentence that names the cause and the limit that ran out.
 */
import { MongoBulkWriteError, MongoNetworkError, MongoNetworkTimeoutError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import { AppError, TRY_AGAIN_MESSAGE, userMessage } from '../../../src/domain/errors';
import { DEFAULT_DB_LIMITS } from '../../../src/store/connection';
import { describeDbFailure, guardDb, withinLimit } from '../../../src/store/db-errors';

const limits = { ...DEFAULT_DB_LIMITS, connectMs: 10_000, queryMs: 30_000, writeMs: 120_000 };

describe('describeDbFailure', () => {
  it('names a reply that never came, with the query limit', () => {
    const e = describeDbFailure(new MongoNetworkTimeoutError('connection 3 to 127.0.0.1:27017 timed out'), limits);
    expect(e).toMatchObject({ code: 'DB_TIMEOUT' });
    expect(e?.message).toMatch(/^MongoDB did not answer within 30 s: /);
  });

  it('names the write limit for bulk work, also when a bulk write wraps the failure', async () => {
    const inner = new MongoNetworkTimeoutError('connection 4 to 127.0.0.1:27017 timed out');
    const bulk = new MongoBulkWriteError(inner as never, {} as never);
    const thrown = await withinLimit(120_000, () => Promise.reject(bulk)).catch((e: unknown) => e);
    expect(describeDbFailure(thrown, limits)?.message).toMatch(/^MongoDB did not answer within 120 s: /);
  });

  it('treats a server-side maxTimeMS expiry as a timeout', () => {
    expect(describeDbFailure(new MongoServerError({ code: 50, errmsg: 'operation exceeded time limit' }), limits)).toMatchObject({ code: 'DB_TIMEOUT' });
  });

  it('names an unreachable server with the connect limit and its reason, once', () => {
    const e = describeDbFailure(new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1', { servers: new Map() } as never), limits);
    expect(e).toMatchObject({ code: 'DB_UNAVAILABLE' });
    expect(e?.message).toBe('MongoDB did not answer within 10 s: no server could be reached (connect ECONNREFUSED 127.0.0.1:1).');
    const silent = describeDbFailure(new MongoServerSelectionError('Server selection timed out after 10000 ms', { servers: new Map() } as never), limits);
    expect(silent?.message).toBe('MongoDB did not answer within 10 s: no server answered.');
  });

  it('names a connection that broke mid-request', () => {
    expect(describeDbFailure(new MongoNetworkError('connection 1 to 127.0.0.1:27017 closed'), limits)?.message).toMatch(/^The connection to MongoDB broke during a request/);
  });

  it('leaves other errors alone', async () => {
    expect(describeDbFailure(new Error('boom'), limits)).toBeUndefined();
    expect(describeDbFailure(new MongoServerError({ code: 11000, errmsg: 'duplicate key' }), limits)).toBeUndefined();
    await expect(guardDb(limits, () => Promise.reject(new AppError('QUERY_INVALID', 'bad')))).rejects.toMatchObject({ code: 'QUERY_INVALID' });
  });

  it('gives a person in Slack a short try-again sentence, not the cause', () => {
    expect(userMessage(describeDbFailure(new MongoNetworkTimeoutError('timed out'), limits))).toBe(TRY_AGAIN_MESSAGE);
    expect(userMessage(new AppError('QUERY_INVALID', 'Say it differently.'))).toBe('Say it differently.');
  });
});
