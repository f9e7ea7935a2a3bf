/**
 * Stored ids and digests must never change between versions: a new id for the same record would
 * store it twice, and a new digest would rewrite every unchanged day on the next import. The
 * values below were computed once and are pinned here.
 */
import { naturalKey } from '../../../src/domain/cost-record';
import { digestDays } from '../../../src/store/day-digests';
import { toDoc } from '../../../src/store/doc-mapping';
import { RollupAccumulator } from '../../../src/store/rollups';
import { rec } from '../../fixtures/records';

const D = 1_000_000_000n;
const record = rec('2024-09-03', 12n * D, { tags: { team: 'data', 'cost.center': '42' }, resourceType: 'instance', instanceType: 'm4.large' });

it('keeps the natural key', () => {
  expect(naturalKey(record, record.day)).toBe(PINNED.naturalKey);
});

it('keeps the rollup ids, daily and monthly', () => {
  const ids = (grain: 'day' | 'month') => {
    const acc = new RollupAccumulator(grain);
    acc.add(record);
    return acc.docs().map((d) => d._id);
  };
  expect([ids('day'), ids('month')]).toEqual(PINNED.rollups);
});

it('keeps the day digest', () => {
  const { digest } = digestDays([toDoc(record, 'import-1')]).get('2024-09-03')!;
  expect([digest._id, digest.content]).toEqual(PINNED.digest);
});

it('keeps the stored document fields', () => {
  expect(Object.keys(toDoc(record, 'import-1')).sort()).toEqual(PINNED.docFields);
});

const PINNED = {
  naturalKey: 'z7xidE8JAfV-cYV5tuo23DJG',
  rollups: [['kzdNhC2It1x9DBUr_oR2SOuO'], ['O3GLYDn38NDEKzMujDsjb99s']],
  digest: ['2024-09-03|qMCQUuKBkn_1wi17Ybw8hwsn', 'i_lmeSwCLET-dQ0y5frpBmBY5U6PzL2Gml-knsVYKQ8'],
  docFields: [
    '_id', 'billed', 'billingAccountId', 'billingAccountName', 'chargeCategory', 'currency', 'day', 'effective', 'importId', 'ingestedAt', 'instanceType',
    'list', 'month', 'provider', 'providerName', 'regionId', 'regionName', 'resourceId', 'resourceType', 'service', 'serviceCategory', 'source',
    'subAccountId', 'subAccountName', 'tags',
  ],
};
