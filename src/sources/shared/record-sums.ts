/**
 * Collects exact amounts per record (dimensions + day). Adding to a key twice sums; setting
 * replaces (for providers that may repeat a group across pages). All-zero records are dropped.
 */
import { naturalKey, type CostDimensions, type CostRecord } from '../../domain/cost-record';
import { monthOf, type Day } from '../../domain/days';
import type { Nanos } from '../../domain/money';

interface Entry {
  dims: CostDimensions;
  day: Day;
  billed: Nanos;
  effective: Nanos;
}

export class RecordSums {
  private readonly entries = new Map<string, Entry>();

  add(dims: CostDimensions, day: Day, billed: Nanos, effective: Nanos): void {
    const id = naturalKey(dims, day);
    const seen = this.entries.get(id);
    if (seen) {
      seen.billed += billed;
      seen.effective += effective;
    } else {
      this.entries.set(id, { dims, day, billed, effective });
    }
  }

  /** Records for the given days only (each day whole), amounts exact; `list` is billed (the APIs give no list price). */
  records(days: ReadonlySet<Day>, ingestedAt: Date): CostRecord[] {
    const out: CostRecord[] = [];
    for (const [id, e] of this.entries) {
      if (!days.has(e.day) || (e.billed === 0n && e.effective === 0n)) continue;
      out.push({ ...e.dims, id, day: e.day, month: monthOf(e.day), billed: e.billed, effective: e.effective, list: e.billed, ingestedAt });
    }
    return out;
  }

  get size(): number {
    return this.entries.size;
  }
}
