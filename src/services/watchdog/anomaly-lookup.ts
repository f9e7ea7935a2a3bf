/**
 * The advice rules' view of the watchdog (ports/advisers AnomalyLookup): how much of each
 * service's cost in a range the raised anomalies explain.
 *
 * An event holds the judgement of its latest day; a change that began earlier (a level shift,
 * a ramp) is taken to have cost that day's excess on each of its days inside the range. An event
 * scoped to a service counts for it; an event above services (total, provider, account) counts
 * for the services its drivers name. Retracted events explain nothing.
 */
import { serviceKey } from '../../domain/advice/advice-data';
import { addDays, type DateRange, type Day } from '../../domain/days';
import type { Nanos } from '../../domain/money';
import type { AnomalyLookup } from '../../ports/advisers';
import type { AnomalyEvent } from '../../ports/alerts';

export function watchdogAnomalyLookup(events: { recentEvents(range: DateRange): Promise<AnomalyEvent[]> }): AnomalyLookup {
  return {
    async impactByService(range: DateRange): Promise<Map<string, Nanos>> {
      // Events are found by their latest day; one that ends after the range may still reach into it.
      const found = await events.recentEvents({ start: range.start, end: addDays(range.end, 62) });
      return impactByService(found, range);
    },
  };
}

export function impactByService(events: readonly AnomalyEvent[], range: DateRange): Map<string, Nanos> {
  const out = new Map<string, Nanos>();
  const add = (key: string, amount: Nanos) => out.set(key, (out.get(key) ?? 0n) + amount);
  for (const e of events) {
    if (e.status !== 'open') continue;
    const days = BigInt(daysInside(e.anomaly.startDay, e.anomaly.day, range));
    if (days === 0n) continue;
    const provider = e.scope.provider ?? '';
    if (e.scope.service !== undefined) {
      add(serviceKey(provider, e.scope.service), e.anomaly.impact * days);
      continue;
    }
    for (const d of e.drivers) if (d.dimension === 'service') add(serviceKey(provider, d.key), d.impact * days);
  }
  return out;
}

/** Days from `first` to `last` (inclusive) that fall inside the range (end exclusive). */
function daysInside(first: Day, last: Day, range: DateRange): number {
  const start = first > range.start ? first : range.start;
  const endExclusive = addDays(last, 1) < range.end ? addDays(last, 1) : range.end;
  let n = 0;
  for (let d = start; d < endExclusive; d = addDays(d, 1)) n++;
  return n;
}
