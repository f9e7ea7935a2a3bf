/** How fresh the numbers are, in the one sentence every face shows under an answer. */
import { shortDay } from './dates';
import type { Freshness } from './types';

/** "Costs up to Nov 19 (UTC days); the last 2 days may still change." */
export function freshnessLine(f: Freshness): string {
  if (!f.lastDay) return 'No cost data yet — run `penny import` or `npm run demo`.';
  const upTo = `Costs up to ${shortDay(f.lastDay, f.today)} (UTC days)`;
  if (f.settlingDays <= 0) return `${upTo}.`;
  const settling = f.settlingDays === 1 ? 'the last day may still change' : `the last ${f.settlingDays} days may still change`;
  return `${upTo}; ${settling}.`;
}
