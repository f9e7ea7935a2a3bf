/** A cloud source's sync status in one line, for the Home tab and the console. */
import { providerLabel } from '../domain/cost-record';
import { rangeText } from './dates';
import type { SourceSyncStatus } from './types';
import { addDays } from '../domain/days';

/** Cost Explorer bills each request ($0.01); other sources' APIs are not billed per request. */
const CENTS_PER_REQUEST: Record<string, number> = { aws: 1 };

export function syncStatusLine(s: SourceSyncStatus): string {
  const name = providerLabel(s.source);
  const parts: string[] = [];
  if (!s.lastRun) parts.push(`${name}: not synced yet`);
  else {
    const days = rangeText({ start: s.lastRun.from, end: addDays(s.lastRun.to, 1) });
    const how = s.lastRun.status === 'ok' ? 'synced' : s.lastRun.status === 'partial' ? 'partly synced' : 'sync failed';
    parts.push(`${name}: ${how} ${days} (${s.lastRun.rows.toLocaleString('en-US')} rows, ${s.lastRun.finishedAt.slice(0, 16).replace('T', ' ')} UTC)`);
    if (s.lastRun.problem && s.lastRun.status !== 'ok') parts.push(s.lastRun.problem);
  }
  if (s.requests) {
    const cents = CENTS_PER_REQUEST[s.source];
    const cost = cents ? ` ($${((s.requests.month * cents) / 100).toFixed(2)})` : '';
    const cap = s.requests.cap !== undefined ? ` of ${s.requests.cap.toLocaleString('en-US')} allowed` : '';
    parts.push(`API requests: ${s.requests.today} today, ${s.requests.month.toLocaleString('en-US')} this month${cap}${cost}`);
  }
  return parts.join(' · ');
}
