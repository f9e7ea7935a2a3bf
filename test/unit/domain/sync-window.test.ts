import { chunkRange, isClosedDay, planSyncWindow, type PastRun } from '../../../src/domain/sync-window';

const settings = { backfillDays: 30, reviseDays: 3 };
const run = (from: string, to: string, status: PastRun['status'], at: string, failedDays: string[] = []): PastRun => ({ from, to, status, failedDays, finishedAt: new Date(at) });

describe('planSyncWindow', () => {
  it('first sync: the backfill days up to yesterday', () => {
    expect(planSyncWindow('2024-10-20', [], settings)).toEqual({ start: '2024-09-20', end: '2024-10-20' });
  });

  it('a failed first sync is still a first sync', () => {
    expect(planSyncWindow('2024-10-20', [run('2024-09-19', '2024-10-18', 'failed', '2024-10-19T06:00:00Z')], settings)).toEqual({ start: '2024-09-20', end: '2024-10-20' });
  });

  it('later syncs: the revise days when the last sync ended yesterday', () => {
    const runs = [run('2024-09-20', '2024-10-19', 'ok', '2024-10-20T06:00:00Z')];
    expect(planSyncWindow('2024-10-20', runs, settings)).toEqual({ start: '2024-10-17', end: '2024-10-20' });
  });

  it('later syncs: plus the gap since the last day synced', () => {
    const runs = [run('2024-09-20', '2024-10-10', 'ok', '2024-10-11T06:00:00Z')];
    expect(planSyncWindow('2024-10-20', runs, settings)).toEqual({ start: '2024-10-11', end: '2024-10-20' });
  });

  it('later syncs: back to a day a partial run could not sync, unless a later run fixed it', () => {
    const partial = [run('2024-09-20', '2024-10-18', 'ok', '2024-10-19T06:00:00Z'), run('2024-10-10', '2024-10-19', 'partial', '2024-10-20T06:00:00Z', ['2024-10-12'])];
    expect(planSyncWindow('2024-10-21', partial, settings)).toEqual({ start: '2024-10-12', end: '2024-10-21' });
    const fixed = [...partial, run('2024-10-12', '2024-10-12', 'ok', '2024-10-20T07:00:00Z')];
    expect(planSyncWindow('2024-10-21', fixed, settings)).toEqual({ start: '2024-10-18', end: '2024-10-21' });
  });

  it('never reaches past the backfill horizon, and is empty when there is nothing to do', () => {
    expect(planSyncWindow('2024-12-31', [run('2024-01-01', '2024-02-01', 'ok', '2024-02-02T00:00:00Z')], settings)).toEqual({ start: '2024-12-01', end: '2024-12-31' });
    const noRevise = { backfillDays: 30, reviseDays: 0 };
    expect(planSyncWindow('2024-10-20', [run('2024-09-20', '2024-10-19', 'ok', '2024-10-20T01:00:00Z')], noRevise)).toEqual({ start: '2024-10-20', end: '2024-10-20' });
  });
});

describe('chunkRange', () => {
  it('splits into pieces of at most n days, in order', () => {
    expect(chunkRange({ start: '2024-09-01', end: '2024-10-10' }, 31)).toEqual([{ start: '2024-09-01', end: '2024-10-02' }, { start: '2024-10-02', end: '2024-10-10' }]);
    expect(chunkRange({ start: '2024-09-01', end: '2024-09-01' }, 31)).toEqual([]);
  });
});

describe('isClosedDay', () => {
  it('is final once its month has been over for the grace days', () => {
    expect(isClosedDay('2024-09-15', '2024-10-05')).toBe(false);
    expect(isClosedDay('2024-09-30', '2024-10-06')).toBe(true);
    expect(isClosedDay('2024-10-01', '2024-10-20')).toBe(false);
  });
});
