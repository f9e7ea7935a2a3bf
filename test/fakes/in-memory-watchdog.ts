/** In-memory repositories of the watchdog ports, for service and job unit tests. */
import type { AlertDeliveries, AlertDelivery, AlertSubscription, AlertSubscriptions, AnomalyEvent, AnomalyEvents, SeriesTunings } from '../../src/ports/alerts';
import type { BudgetFiring, BudgetFirings, BudgetRepository, StoredBudget } from '../../src/ports/budgets';
import type { SeriesTuning } from '../../src/domain/anomaly/series-tuning';
import type { DateRange } from '../../src/domain/days';

export class InMemoryBudgets implements BudgetRepository {
  readonly items = new Map<string, StoredBudget>();
  async upsert(b: StoredBudget) { this.items.set(b.name.toLowerCase(), structuredClone(b)); }
  async create(b: StoredBudget) { if (this.items.has(b.name.toLowerCase())) return false; await this.upsert(b); return true; }
  async replace(b: StoredBudget) { if (!this.items.has(b.name.toLowerCase())) return false; await this.upsert(b); return true; }
  async get(name: string) { const b = this.items.get(name.toLowerCase()); return b && structuredClone(b); }
  async list() { return [...this.items.values()].map((b) => structuredClone(b)).sort((a, b) => a.name.localeCompare(b.name)); }
  async delete(name: string) { return this.items.delete(name.toLowerCase()); }
}

export class InMemoryFirings implements BudgetFirings {
  readonly items = new Map<string, BudgetFiring>();
  async claim(f: BudgetFiring) { if (this.items.has(f.key)) return false; this.items.set(f.key, { ...f }); return true; }
  async forPeriod(budget: string, periodStart: string) { return [...this.items.values()].filter((f) => f.budget === budget && f.periodStart === periodStart); }
}

export class InMemoryAlertSubscriptions implements AlertSubscriptions {
  readonly items = new Map<string, AlertSubscription>();
  async upsert(s: AlertSubscription) { this.items.set(s.channel, structuredClone(s)); }
  async disable(channel: string) { const s = this.items.get(channel); if (!s) return false; s.enabled = false; return true; }
  async get(channel: string) { const s = this.items.get(channel); return s && structuredClone(s); }
  async listEnabled() { return [...this.items.values()].filter((s) => s.enabled).map((s) => structuredClone(s)); }
}

export class InMemoryAnomalyEvents implements AnomalyEvents {
  readonly items = new Map<string, AnomalyEvent>();
  async create(e: AnomalyEvent) { if (this.items.has(e.id)) return false; this.items.set(e.id, structuredClone(e)); return true; }
  async get(id: string) { const e = this.items.get(id); return e && structuredClone(e); }
  async revise(id: string, patch: Pick<AnomalyEvent, 'anomaly' | 'drivers' | 'status' | 'chart'>, at: Date) {
    const e = this.items.get(id);
    if (!e) return undefined;
    Object.assign(e, structuredClone(patch), { revision: e.revision + 1, updatedAt: at });
    return structuredClone(e);
  }
  async addFeedback(id: string, note: AnomalyEvent['feedback'][number]) { const e = this.items.get(id); if (!e) return undefined; e.feedback.push({ ...note }); return structuredClone(e); }
  async inRange(range: DateRange) { return [...this.items.values()].filter((e) => e.anomaly.day >= range.start && e.anomaly.day < range.end).map((e) => structuredClone(e)).sort((a, b) => a.anomaly.day.localeCompare(b.anomaly.day)); }
  async latestOf(seriesKey: string, sinceDay: string) {
    return [...this.items.values()].filter((e) => e.seriesKey === seriesKey && e.anomaly.day >= sinceDay).sort((a, b) => b.anomaly.day.localeCompare(a.anomaly.day)).map((e) => structuredClone(e))[0];
  }
}

export class InMemorySeriesTunings implements SeriesTunings {
  readonly items = new Map<string, SeriesTuning>();
  async get(key: string) { return this.items.get(key); }
  async all() { return new Map(this.items); }
  async set(key: string, t: SeriesTuning) { this.items.set(key, { ...t }); }
}

export class InMemoryAlertDeliveries implements AlertDeliveries {
  readonly items = new Map<string, AlertDelivery & { owner: string }>();
  async claim(alertKey: string, channel: string, owner: string) {
    const id = `${alertKey}@${channel}`;
    const d = this.items.get(id);
    if (d && d.state !== 'released') return false;
    this.items.set(id, { alertKey, channel, owner, state: 'claimed', revision: 0, attempts: (d?.attempts ?? 0) + 1 });
    return true;
  }
  async markSent(alertKey: string, channel: string, _owner: string, ts: string, revision: number) { Object.assign(this.items.get(`${alertKey}@${channel}`)!, { state: 'sent', ts, revision }); }
  async release(alertKey: string, channel: string) { Object.assign(this.items.get(`${alertKey}@${channel}`)!, { state: 'released' }); }
  async sent(alertKey: string) { return [...this.items.values()].filter((d) => d.alertKey === alertKey && d.state === 'sent').map((d) => ({ ...d })); }
  async markRevision(alertKey: string, channel: string, revision: number) { const d = this.items.get(`${alertKey}@${channel}`); if (d) d.revision = revision; }
}
