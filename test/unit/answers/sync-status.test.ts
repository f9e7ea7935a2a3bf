import { syncStatusLine } from '../../../src/answers/sync-status';
import { homeView } from '../../../src/slack/blocks';
import { home } from '../blocks/sample-views';

describe('a cloud source in one line', () => {
  it('names the last run, its days and rows, and the billed requests with their cost', () => {
    const line = syncStatusLine({
      source: 'aws',
      lastRun: { status: 'ok', from: '2026-11-28', to: '2026-12-01', finishedAt: '2026-12-02T06:00:41.000Z', rows: 1234 },
      requests: { today: 13, month: 291, cap: 1000 },
    });
    // 291 requests at $0.01 each is $2.91.
    expect(line).toBe('AWS: synced Nov 28 – Dec 1, 2026 (1,234 rows, 2026-12-02 06:00 UTC) · API requests: 13 today, 291 this month of 1,000 allowed ($2.91)');
  });

  it('says what went wrong when a run failed, and when a source never ran', () => {
    expect(syncStatusLine({ source: 'gcp' })).toBe('Google Cloud: not synced yet');
    const failed = syncStatusLine({ source: 'azure', lastRun: { status: 'failed', from: '2026-12-01', to: '2026-12-01', finishedAt: '2026-12-02T06:00:00.000Z', rows: 0, problem: 'Azure refused the credentials.' } });
    expect(failed).toBe('Azure: sync failed Dec 1, 2026 (0 rows, 2026-12-02 06:00 UTC) · Azure refused the credentials.');
  });

  it('appears in the Home tab only when sources are synced', () => {
    const text = (v: ReturnType<typeof home>) => JSON.stringify(homeView(v).blocks);
    expect(text(home())).not.toContain('Cloud sync');
    expect(text({ ...home(), sources: [{ source: 'gcp' }] })).toContain('Google Cloud: not synced yet');
  });
});
