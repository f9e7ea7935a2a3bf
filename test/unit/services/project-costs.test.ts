/**
 * Costs by project on the in-memory store: groups never overlap (a cost shared by two projects
 * belongs to the first by name), always add up to the total, and combine with project filters.
 */
import { CostService } from '../../../src/services/cost-service';
import type { Project } from '../../../src/domain/project';
import { monthPeriod } from '../../../src/domain/period';
import { fixedClock } from '../../../src/ports/clock';
import { InMemoryCostStore } from '../../fakes/in-memory-cost-store';
import { rec } from '../../fixtures/records';

const project = (name: string, accounts: string[], tags: [string, string][] = []): Project => ({
  name, owner: 'U1', channel: 'C1', match: { accounts, tags: tags.map(([key, value]) => ({ key, value })) }, updatedBy: 't', updatedAt: new Date(0),
});

const store = new InMemoryCostStore();
const projects: Project[] = [project('web', ['A2']), project('Data', ['A1'], [['team', 'data']]), project('empty', [])];
const costs = new CostService({ store, clock: fixedClock('2024-10-02T00:00:00Z'), timeZone: 'UTC', currency: 'USD', projects: { list: async () => projects } });
const september = monthPeriod('2024-09');

beforeAll(async () => {
  await store.writeRecords([
    rec('2024-09-01', 1n, { subAccountId: 'A1', tags: {} }),
    rec('2024-09-01', 2n, { subAccountId: 'A2', tags: { team: 'data' } }), // web's account, Data's tag: Data comes first by name
    rec('2024-09-02', 4n, { subAccountId: 'A2', tags: {} }),
    rec('2024-09-02', 8n, { subAccountId: 'A3', tags: { team: 'data' } }),
    rec('2024-09-03', 16n, { subAccountId: 'A3', tags: {} }),
  ]);
});

const groups = (r: Awaited<ReturnType<CostService['query']>>) => r.breakdown.currencies[0]!.groups.map((g) => [g.key, g.label, g.amount]);

it('puts each cost in one project, the first by name, and the rest in (no project)', async () => {
  const result = await costs.query({ period: september, groupBy: 'project' });
  expect(groups(result)).toEqual([['', '(no project)', 16n], ['Data', 'Data', 11n], ['web', 'web', 4n]]);
  expect(result.breakdown.currencies[0]!.total).toBe(31n);
});

it('filters by a project: every cost it has, whichever group it would fall in', async () => {
  expect((await costs.query({ period: september, projects: ['WEB'] })).breakdown.currencies[0]!.total).toBe(6n);
  const both = await costs.query({ period: september, projects: ['web', 'data'], groupBy: 'project' });
  expect(groups(both)).toEqual([['Data', 'Data', 11n], ['web', 'web', 4n]]);
  const webOnly = await costs.query({ period: september, projects: ['web'], groupBy: 'project' });
  expect(groups(webOnly)).toEqual([['web', 'web', 4n], ['Data', 'Data', 2n]]);
});

it('splits project groups by day', async () => {
  const result = await costs.query({ period: september, groupBy: 'project', byDay: true });
  expect(result.days!.map((r) => [r.day, r.key, r.amount]).sort()).toEqual([
    ['2024-09-01', 'Data', 3n], ['2024-09-02', 'Data', 8n], ['2024-09-02', 'web', 4n], ['2024-09-03', '', 16n],
  ]);
});

it('says which projects exist when a name is unknown', async () => {
  await expect(costs.query({ period: september, projects: ['dat'] })).rejects.toThrow(/I don't see any project called "dat". Did you mean "Data"/);
});
