/**
 * The values seen per dimension (services, accounts, regions, providers, tag keys), so that what
 * people type can be matched to stored values without scanning costs.
 */
import type { Connection, Model } from 'mongoose';
import type { CostRecord } from '../domain/cost-record';
import type { CatalogDim, DimensionValue } from '../ports/cost-store';
import { chunks, UPDATE_BATCH } from './batching';
import { dimensionSchema, type DimensionDoc } from './schemas';

export class DimensionCatalog {
  private readonly model: Model<DimensionDoc>;

  constructor(conn: Connection) {
    this.model = conn.models.CostDimension ?? conn.model<DimensionDoc>('CostDimension', dimensionSchema);
  }

  async record(records: readonly CostRecord[]): Promise<void> {
    const seen = new Map<string, DimensionDoc>();
    const put = (dim: CatalogDim, value: string, label: string, day: string, parent = '') => {
      if (!value) return;
      const id = `${dim}\u001f${value}`;
      const prev = seen.get(id);
      if (!prev || day >= prev.lastDay) seen.set(id, { _id: id, dim, value, label: label || prev?.label || '', parent, lastDay: day });
    };
    for (const r of records) {
      put('provider', r.provider, r.providerName, r.day);
      put('account', r.subAccountId, r.subAccountName, r.day, r.billingAccountId);
      put('service', r.service, '', r.day, r.serviceCategory);
      put('region', r.regionId, r.regionName, r.day);
      for (const key of Object.keys(r.tags)) put('tag-key', key, '', r.day);
    }
    for (const batch of chunks([...seen.values()], UPDATE_BATCH)) {
      await this.model.bulkWrite(
        batch.map((d) => ({
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
