/**
 * The projects registry end to end: added over the API (admin), in Slack (/cost project, admins
 * only, others politely refused) and the CLI; costs grouped and filtered by project through the
 * API, Slack and `penny cost` equal the independent oracle on the FOCUS sample.
 */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/main';
import { decimalToNanos } from '../../src/domain/money';
import { withinMicro } from '../support/focus-oracle';
import { usd } from '../support/oracles';
import { API_ENV, apiCall, apiGet, tokenFor } from '../support/api-client';
import { accountIdsNamed, ofProjects, projectGroups, type OracleProject } from '../support/project-oracle';
import { sendSlashCommand } from '../support/slack-requests';
import { blockText, SECRET, useE2E } from './harness';

const ADMIN = 'U2'; // the test user of the Slack helpers
const app = useE2E({ env: { ...API_ENV, PENNY_ADMINS: ADMIN } });
const SEPTEMBER = 'from=2024-09-01&to=2024-09-30';

const PROJECTS: OracleProject[] = [
  { name: 'atlas', accounts: accountIdsNamed('Atlas Orion'), tags: [] },
  { name: 'dev-env', accounts: [], tags: [['environment', 'dev']] },
  { name: 'zenith', accounts: ['18938484842'], tags: [['application', 'BrightPathMatrix']] },
];
const near = (decimal: string, nanos: bigint) => withinMicro(decimalToNanos(decimal)!, nanos * 1000n);

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false, env: { MONGODB_URI: app().dbUri }, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false });
  return { code, out: out.join(''), err: err.join('') };
}

describe('managing projects over the API', () => {
  it('adds projects as admin, resolving an account name to every account of that name', async () => {
    expect(accountIdsNamed('Atlas Orion')).toHaveLength(3); // AWS, Azure and Oracle accounts share it
    const admin = await tokenFor(app().penny, 'admin');
    const atlas = await apiCall(app().base, 'POST', '/api/v1/projects', { token: admin, body: { name: 'atlas', owner: 'U100', channel: 'C100', match: { accounts: ['Atlas Orion'] } } });
    expect(atlas.status).toBe(201);
    expect(atlas.json.project).toMatchObject({ name: 'atlas', owner: 'U100', channel: 'C100', match: { accounts: accountIdsNamed('Atlas Orion'), tags: [] }, updatedBy: 'api:admin-test' });
    const dev = await apiCall(app().base, 'POST', '/api/v1/projects', { token: admin, body: { name: 'dev-env', owner: 'S200', channel: 'C200', match: { tags: ['environment=dev'] } } });
    expect(dev.status).toBe(201);
  });

  it('refuses a duplicate name, bad fields and non-admins, saying what to fix', async () => {
    const admin = await tokenFor(app().penny, 'admin');
    const post = (body: unknown, token = admin) => apiCall(app().base, 'POST', '/api/v1/projects', { token, body });
    expect((await post({ name: 'ATLAS', owner: 'U1', channel: 'C1', match: { accounts: ['1'] } })).json.error).toEqual({ code: 'ALREADY_EXISTS', message: expect.stringMatching(/already a project called "ATLAS"/) });
    expect((await post({ name: 'x', owner: 'U1', channel: 'C1', match: {} })).json.error.message).toMatch(/needs something to own/);
    expect((await post({ name: 'x', owner: 'alice', channel: 'C1', match: { accounts: ['1'] } })).json.error.message).toMatch(/owner must be a Slack user or user group/);
    expect((await post({ name: 'x', owner: 'U1', channel: 'C1', match: { tags: ['nokey'] } })).json.error.message).toBe('In the project, "match.tags[0]" must be KEY=VALUE, like team=data.');
    expect((await post({ name: 'x', owner: 'U1' })).json.error.message).toBe('In the project, "channel" is required.');
    expect((await post({ name: 'x', owner: 'U1', channel: 'C1', match: { accounts: ['No Such Name'] } })).json.error.message).toMatch(/don't see any account called "No Such Name"/);
    const finance = await post({ name: 'y', owner: 'U1', channel: 'C1', match: { accounts: ['1'] } }, await tokenFor(app().penny, 'finance'));
    expect([finance.status, finance.json.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('changes, shows, lists and removes', async () => {
    const admin = await tokenFor(app().penny, 'admin');
    const put = await apiCall(app().base, 'PUT', '/api/v1/projects/ZENITH', { token: admin, body: { owner: 'U1', channel: 'C1', match: { accounts: ['1'] } } });
    expect([put.status, put.json.error.message]).toEqual([404, expect.stringMatching(/^There is no project called "ZENITH"\./)]);
    await apiCall(app().base, 'POST', '/api/v1/projects', { token: admin, body: { name: 'zenith', owner: 'U300', channel: 'C300', match: { accounts: ['18938484842'] } } });
    const changed = await apiCall(app().base, 'PUT', '/api/v1/projects/ZENITH', { token: admin, body: { owner: 'U301', channel: 'C300', match: { accounts: ['18938484842'], tags: ['application=BrightPathMatrix'] } } });
    expect(changed.json.project).toMatchObject({ name: 'zenith', owner: 'U301', match: { tags: ['application=BrightPathMatrix'] } });
    expect((await apiGet(app().base, app().penny, '/api/v1/projects/Zenith')).json.owner).toBe('U301');
    const list = await apiGet(app().base, app().penny, '/api/v1/projects');
    expect(list.json.projects.map((p: { name: string }) => p.name)).toEqual(['atlas', 'dev-env', 'zenith']);
    await apiCall(app().base, 'POST', '/api/v1/projects', { token: admin, body: { name: 'gone', owner: 'U1', channel: 'C1', match: { accounts: ['999'] } } });
    expect((await apiCall(app().base, 'DELETE', '/api/v1/projects/gone', { token: admin })).status).toBe(204);
    expect((await apiGet(app().base, app().penny, '/api/v1/projects/gone')).status).toBe(404);
  });
});

describe('costs by project equal the oracle', () => {
  it('grouped: each cost in the first project (by name) that owns it, to a millionth', async () => {
    const res = await apiGet(app().base, app().penny, `/api/v1/costs/summary?${SEPTEMBER}&groupBy=project`);
    const oracle = projectGroups(PROJECTS);
    expect(res.json.groups.map((g: { key: string }) => g.key).sort()).toEqual([...oracle.keys()].sort());
    for (const g of res.json.groups) expect([g.key, near(g.cost, oracle.get(g.key)!)]).toEqual([g.key, true]);
    expect(res.json.groups.find((g: { key: string }) => g.key === '').label).toBe('(no project)');
  });

  it('filtered: all of a project\'s costs, and grouped within the filter', async () => {
    const one = await apiGet(app().base, app().penny, `/api/v1/costs/summary?${SEPTEMBER}&project=dev-env`);
    const all = [...projectGroups(PROJECTS, ofProjects(['dev-env'])).values()].reduce((a, b) => a + b, 0n);
    expect(near(one.json.total, all)).toBe(true);
    expect(one.json.filters).toEqual([{ dim: 'project', input: 'dev-env', matched: ['dev-env'] }]);
    const within = await apiGet(app().base, app().penny, `/api/v1/costs/summary?${SEPTEMBER}&project=dev-env&project=zenith&groupBy=project`);
    const oracle = projectGroups(PROJECTS, ofProjects(['dev-env', 'zenith']));
    for (const g of within.json.groups) expect([g.key, near(g.cost, oracle.get(g.key)!)]).toEqual([g.key, true]);
    expect(within.json.groups.map((g: { key: string }) => g.key).sort()).toEqual([...oracle.keys()].sort());
  });

  it('penny cost --project gives the API\'s JSON', async () => {
    const api = await apiGet(app().base, app().penny, `/api/v1/costs/summary?${SEPTEMBER}&project=atlas&groupBy=service`);
    const out = await cli(['cost', '--from', '2024-09-01', '--to', '2024-09-30', '--project', 'atlas', '--by', 'service', '--json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.out)).toEqual(api.json);
  });

  it('Slack: /cost top project and project:NAME show the oracle amounts', async () => {
    const top = await app().cost('top project 2024-09');
    const text = blockText(top.answer!.blocks);
    const oracle = projectGroups(PROJECTS);
    for (const name of ['atlas', 'dev-env', 'zenith']) expect(text).toContain(usd(oracle.get(name)!));
    const filtered = await app().cost('summary 2024-09 project:atlas');
    expect(blockText(filtered.answer!.blocks)).toContain(usd(oracle.get('atlas')!));
  });
});

describe('/cost project in Slack', () => {
  it('lists projects for everyone', async () => {
    const list = await app().cost('project list');
    const text = blockText(list.answer!.blocks);
    expect(text).toContain('*atlas* · owner <@U100> · alerts in <#C100>\naccounts /subscriptions/');
    expect(text).toContain('owner <!subteam^S200>');
  });

  it('lets an admin add and remove a project, owner and channel from mentions', async () => {
    const added = await app().cost('project add orion-odyssey <@U555|bob> <#C555|odyssey> account:85742851457 tag:env=prod');
    expect(blockText(added.answer!.blocks)).toContain('*orion-odyssey* · owner <@U555> · alerts in <#C555>');
    expect((await app().penny.core.projects.get('orion-odyssey')).match).toEqual({ accounts: ['85742851457'], tags: [{ key: 'env', value: 'prod' }] });
    const removed = await app().cost('project remove orion-odyssey');
    expect(blockText(removed.answer!.blocks)).toContain('Project *orion-odyssey* removed');
  });

  it('politely refuses someone who is not an admin, privately, saying who can', async () => {
    const url = app().responses.newUrl();
    await sendSlashCommand(app().base, SECRET, { command: '/cost', text: 'project add sneaky account:1 public', response_url: url, user_id: 'U777' });
    const post = await app().responses.waitForPost(url, 20_000);
    expect(post.body).toMatchObject({ response_type: 'ephemeral' });
    expect(blockText(post.body)).toContain('Sorry, managing projects is for Penny admins: the workspace admins and owners, and the people listed in PENNY_ADMINS');
    await expect(app().penny.core.projects.get('sneaky')).rejects.toThrow(/no project called "sneaky"/);
  });
});

describe('penny project', () => {
  it('adds, lists and removes from the command line', async () => {
    const add = await cli(['project', 'add', 'cli-made', '--owner', 'U9', '--channel', 'C9', '--account', '69918885631', '--json']);
    expect(add.code).toBe(0);
    expect(JSON.parse(add.out).projects[0]).toMatchObject({ name: 'cli-made', match: { accounts: ['69918885631'] } });
    expect((await cli(['project', 'list'])).out).toMatch(/cli-made {2}owner U9, alerts in C9\n {2}account 69918885631/);
    expect((await cli(['project', 'remove', 'cli-made'])).code).toBe(0);
    const missing = await cli(['project', 'show', 'cli-made']);
    expect([missing.code, missing.err]).toEqual([1, expect.stringMatching(/^penny: There is no project called "cli-made"\./)]);
  });
});
