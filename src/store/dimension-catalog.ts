/**
 * The values seen per dimension (services, accounts, regions, providers, tag keys), so that what
 * people type can be matched to stored values without scanning costs.
 */
import type { Connection, Model } from 'mongoose';
import type { CostRecord } from '../domain/cost-record';
import type { CatalogDim, DimensionValue } from '../ports/cost-store';
import { chunks, UPDATE_BATCH } from './batching';
import { dimensionSchema, type DimensionDoc } from './schemas';

/** Distinct values collected over a whole write, stored once at its end. */
export class CatalogBatch {
  private readonly byDim = new Map<CatalogDim, Map<string, DimensionDoc>>();

  add(records: readonly CostRecord[]): void {
    for (const r of records) {
      this.put('provider', r.provider, r.providerName, r.day);
      this.put('account', r.subAccountId, r.subAccountName, r.day, r.billingAccountId);
      this.put('service', r.service, '', r.day, r.serviceCategory);
      this.put('region', r.regionId, r.regionName, r.day);
      for (const key in r.tags) this.put('tag-key', key, '', r.day);
    }
  }

  docs(): DimensionDoc[] {
    return [...this.byDim.values()].flatMap((m) => [...m.values()]);
  }

  private put(dim: CatalogDim, value: string, label: string, day: string, parent = ''): void {
    if (!value) return;
    let values = this.byDim.get(dim);
    if (!values) this.byDim.set(dim, (values = new Map()));
    const prev = values.get(value);
    if (prev && (day < prev.lastDay || (day === prev.lastDay && (prev.label || !label)))) return;
    values.set(value, { _id: `${dim}\u001f${value}`, dim, value, label: label || prev?.label || '', parent, lastDay: day });
  }
}

export class DimensionCatalog {
  private readonly model: Model<DimensionDoc>;

  constructor(conn: Connection) {
    this.model = conn.models.CostDimension ?? conn.model<DimensionDoc>('CostDimension', dimensionSchema);
  }

  async write(batch: CatalogBatch): Promise<void> {
    for (const docs of chunks(batch.docs(), UPDATE_BATCH)) {
      await this.model.bulkWrite(
        docs.map((d) => ({
          updateOne: { filter: { _id: d._id }, update: { $set: { dim: d.dim, value: d.value, label: d.label, parent: d.parent, lastDay: d.lastDay } }, upsert: true },
        })),
        { ordered: false },
      );
    }
  }

  async values(dim: CatalogDim): Promise<DimensionValue[]> {
    const docs = await this.model.find({ dim }).lean();
    return docs.map((d) => ({ dim, value: d.value, label: d.label, ...(d.parent ? { parent: d.parent } : {}) }));
  }
}
