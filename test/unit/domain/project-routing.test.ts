/** Which projects an alert belongs to: wholly theirs by account, by one of their tags, or mostly driven by their accounts; every such project. */
import { projectsOwning } from '../../../src/domain/project-routing';
import type { Project } from '../../../src/domain/project';

const project = (name: string, accounts: string[], tags: { key: string; value: string }[] = []): Project => ({
  name, owner: 'U1', channel: `C${name.toUpperCase()}`, match: { accounts, tags }, updatedBy: 'U1', updatedAt: new Date(0),
});
const names = (ps: Project[]) => ps.map((p) => p.name);

const data = project('data', ['111', '222'], [{ key: 'team', value: 'data' }]);
const web = project('web', ['333'], [{ key: 'team', value: 'web' }]);
const shared = project('apex', ['111']);

it('an account series belongs to every project owning the account, by name', () => {
  expect(names(projectsOwning([web, data, shared], { accounts: ['111'] }))).toEqual(['apex', 'data']);
  expect(names(projectsOwning([web, data], { accounts: ['333'] }))).toEqual(['web']);
  expect(projectsOwning([web, data], { accounts: ['999'] })).toEqual([]);
});

it('a scope spanning accounts belongs only to projects owning all of them', () => {
  expect(names(projectsOwning([web, data, shared], { accounts: ['111', '222'] }))).toEqual(['data']);
  expect(projectsOwning([web, data], { accounts: ['111', '333'] })).toEqual([]);
});

it('a tag belongs to projects with that tag: key in any case, value exact', () => {
  expect(names(projectsOwning([web, data], { tag: { key: 'Team', value: 'data' } }))).toEqual(['data']);
  expect(projectsOwning([web, data], { tag: { key: 'team', value: 'Data' } })).toEqual([]);
});

it('totals, providers and services belong to no project', () => {
  expect(projectsOwning([web, data], {})).toEqual([]);
  expect(projectsOwning([web, data], { accounts: [] })).toEqual([]);
});

it('a wider anomaly belongs to the projects whose accounts added more than half of its rise', () => {
  const D = 1_000_000_000n;
  const change = (impact: bigint, byAccount: [string, bigint][]) => ({ change: { impact: impact * D, byAccount: byAccount.map(([account, i]) => ({ account, impact: i * D })) } });
  expect(names(projectsOwning([web, data, shared], change(600n, [['111', 400n], ['333', 200n]])))).toEqual(['apex', 'data']);
  // 111 and 222 together: $301 of $600 is more than half; $300 is not.
  expect(names(projectsOwning([web, data], change(600n, [['111', 150n], ['222', 151n], ['333', 299n]])))).toEqual(['data']);
  expect(projectsOwning([web, data], change(600n, [['111', 150n], ['222', 150n], ['333', 300n]]))).toEqual([]);
  expect(projectsOwning([web, data], change(-600n, [['111', 600n]]))).toEqual([]);
});
