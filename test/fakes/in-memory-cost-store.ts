/**
 * The plainest possible CostStore: records in a Map, every query a full scan. It is the oracle
 * the MongoDB store is checked against, and a fast fake for service tests.
 */
import type { CostRecord } from '../../src/domain/cost-record';
import { tagKeyOf, type CostQuery, type GroupRow } from '../../src/domain/cost-query';
import { anyRuleMatches } from '../../src/domain/match-rules';
import type { CatalogDim, CostStore, DimensionValue, ReplaceResult, StoreCoverage, WriteResult } from '../../src/ports/cost-store';
import type { CostRecordScanner, RecordScanFilter, ScannedRecord } from '../../src/ports/record-scanner';

export class InMemoryCostStore implements CostStore, CostRecordScanner {
  readonly records = new Map<string, CostRecord>();

  async writeRecords(input: readonly CostRecord[] | AsyncIterable<readonly CostRecord[]>): Promise<WriteResult> {
    const records: CostRecord[] = [];
    for await (const batch of Symbol.asyncIterator in input ? input : [input as readonly CostRecord[]]) records.push(...batch);
    const result: WriteResult = { records: records.length, inserted: 0, replaced: 0, unchanged: 0, months: [...new Set(records.map((r) => r.month))].sort() };
    for (const r of records) {
      const old = this.records.get(r.id);
      if (!old) result.inserted += 1;
      else if (old.billed === r.billed && old.effective === r.effective && old.list === r.list) result.unchanged += 1;
      else result.replaced += 1;
      this.records.set(r.id, r);
    }
    return result;
  }

  async replaceSourceDays(source: string, days: readonly string[], records: readonly CostRecord[]): Promise<ReplaceResult> {
    const allowed = new Set(days);
    if (records.some((r) => r.source !== source || !allowed.has(r.day))) throw new Error('record outside the replaced days');
    const keep = new Set(records.map((r) => r.id));
    let removed = 0;
    for (const [id, r] of this.records) {
      if (r.source === source && allowed.has(r.day) && !keep.has(id)) {
        this.records.delete(id);
        removed += 1;
      }
    }
    return { ...(await this.writeRecords(records)), removed };
  }

  async groupCosts(query: CostQuery): Promise<GroupRow[]> {
    const f = query.filters;
    const rows = new Map<string, GroupRow>();
    for (const r of this.records.values()) {
      if (r.day < query.range.start || r.day >= query.range.end) continue;
      if (f.providers?.length && !f.providers.includes(r.provider)) continue;
      if (f.subAccountIds?.length && !f.subAccountIds.includes(r.subAccountId)) continue;
      if (f.services?.length && !f.services.includes(r.service)) continue;
      if (f.regionIds?.length && !f.regionIds.includes(r.regionId)) continue;
      if (f.chargeCategories?.length && !f.chargeCategories.includes(r.chargeCategory)) continue;
      if (f.excludeChargeCategories?.includes(r.chargeCategory)) continue;
      if (f.currency && r.currency !== f.currency) continue;
      if (f.tags?.some((t) => r.tags[t.key] !== t.value)) continue;
      if (f.ruleSets?.some((set) => !anyRuleMatches(set, r))) continue;
      if (f.noneOf && anyRuleMatches(f.noneOf, r)) continue;
      const [key, label] = groupOf(query, r);
      const id = `${r.currency}|${key}${query.splitByDay ? `|${r.day}` : ''}`;
      const row: GroupRow = rows.get(id) ?? { currency: r.currency, key, label, amount: 0n, ...(query.splitByDay ? { day: r.day } : {}) };
      row.amount += r[query.metric];
      rows.set(id, row);
    }
    return [...rows.values()].filter((row) => !(row.key === '' && row.amount === 0n));
  }

  async dimensionValues(dim: CatalogDim): Promise<DimensionValue[]> {
    const out = new Map<string, DimensionValue>();
    for (const r of this.records.values()) {
      if (dim === 'provider') out.set(r.provider, { dim, value: r.provider, label: r.providerName });
      if (dim === 'account' && r.subAccountId) out.set(r.subAccountId, { dim, value: r.subAccountId, label: r.subAccountName, parent: r.billingAccountId });
      if (dim === 'service' && r.service) out.set(r.service, { dim, value: r.service, label: '', parent: r.serviceCategory });
      if (dim === 'region' && r.regionId) out.set(r.regionId, { dim, value: r.regionId, label: r.regionName });
      if (dim === 'tag-key') for (const k of Object.keys(r.tags)) out.set(k, { dim, value: k, label: '' });
    }
    return [...out.values()];
  }

  /** Nothing is ever left half-written in memory. */
  async repairRollups(): Promise<string[]> {
    return [];
  }

  async *scanRecords(filter: RecordScanFilter): AsyncIterable<ScannedRecord[]> {
    const days = filter.days ? new Set(filter.days) : undefined;
    const out: ScannedRecord[] = [];
    for (const r of this.records.values()) {
      if (filter.range && (r.day < filter.range.start || r.day >= filter.range.end)) continue;
      if (days && !days.has(r.day)) continue;
      if (!filter.range && !days) continue;
      if (filter.chargeCategories?.length && !filter.chargeCategories.includes(r.chargeCategory)) continue;
      const { id: _id, month: _month, list: _list, ingestedAt: _at, source: _source, providerName: _pn, billingAccountId: _b, billingAccountName: _bn, regionName: _rn, ...scanned } = r;
      out.push(scanned);
    }
    if (out.length > 0) yield out;
  }

  async coverage(): Promise<StoreCoverage> {
    const records = [...this.records.values()];
    const days = records.map((r) => r.day).sort();
    const coverage: StoreCoverage = { firstDay: days[0], lastDay: days[days.length - 1], months: [...new Set(days.map((d) => d.slice(0, 7)))] };
    const latest = records.reduce<Date | undefined>((max, r) => (!max || r.ingestedAt > max ? r.ingestedAt : max), undefined);
    if (latest) coverage.lastIngestedAt = latest;
    return coverage;
  }
}

function groupOf(query: CostQuery, r: CostRecord): [string, string] {
  const tagKey = tagKeyOf(query.groupBy);
  if (tagKey !== undefined) return [r.tags[tagKey] ?? '', ''];
  switch (query.groupBy) {
    case undefined: return ['', ''];
    case 'day': return [r.day, ''];
    case 'month': return [r.month, ''];
    case 'service': return [r.service, ''];
    case 'region': return [r.regionId, r.regionName];
    case 'account': return [r.subAccountId, r.subAccountName];
    case 'provider': return [r.provider, ''];
    case 'charge-category': return [r.chargeCategory, ''];
    default: throw new Error('unhandled');
  }
}
