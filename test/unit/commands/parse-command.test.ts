import { parseCommand, tokenize } from '../../../src/commands/parse-command';

const intent = (text: string) => parseCommand(text).intent;

describe('parseCommand', () => {
  it.each([
    ['', { kind: 'summary', periodText: 'this month' }],
    ['summary last month', { kind: 'summary', periodText: 'last month' }],
    ['daily', { kind: 'daily', periodText: '30d' }],
    ['daily 2024-09', { kind: 'daily', periodText: '2024-09' }],
    ['top service', { kind: 'top', dim: 'service', periodText: 'this month' }],
    ['top accounts Q3 2024', { kind: 'top', dim: 'account', periodText: 'Q3 2024' }],
    ['top tag:team last week', { kind: 'top', dim: 'tag:team', periodText: 'last week' }],
    ['compare last month', { kind: 'compare', periodText: 'last month' }],
    ['compare 2024-09 vs 2024-08', { kind: 'compare', periodText: '2024-09', vsText: '2024-08' }],
    ['report weekly', { kind: 'report', cadence: 'weekly', format: 'csv' }],
    ['report monthly json', { kind: 'report', cadence: 'monthly', format: 'json' }],
    ['report weekly schedule', { kind: 'report-schedule', action: 'on', cadence: 'weekly', format: 'csv' }],
    ['report monthly json schedule <#C9|costs>', { kind: 'report-schedule', action: 'on', cadence: 'monthly', format: 'json', channel: '<#C9|costs>' }],
    ['report weekly unschedule', { kind: 'report-schedule', action: 'off', cadence: 'weekly' }],
    ['report schedules', { kind: 'report-schedule', action: 'list' }],
    ['top project last month', { kind: 'top', dim: 'project', periodText: 'last month' }],
    ['project', { kind: 'project', action: 'list' }],
    ['project show Data', { kind: 'project', action: 'show', name: 'Data' }],
    ['project rm data', { kind: 'project', action: 'remove', name: 'data' }],
    ['project add data <@U1|al> <#C1|c> account:1', { kind: 'project', action: 'add', name: 'data', owner: '<@U1|al>', channel: '<#C1|c>' }],
    ['project add data owner:<!subteam^S1|@t> channel:C2', { kind: 'project', action: 'add', name: 'data', owner: '<!subteam^S1|@t>', channel: 'C2' }],
    ['digest on 09:00 Europe/Berlin', { kind: 'digest', action: 'on', time: '09:00', timeZone: 'Europe/Berlin' }],
    ['digest on', { kind: 'digest', action: 'on', time: undefined, timeZone: undefined }],
    ['digest off', { kind: 'digest', action: 'off' }],
    ['digest', { kind: 'digest', action: 'show' }],
    ['help', { kind: 'help' }],
    ['anomalies', { kind: 'anomalies', periodText: '30d' }],
    ['anomalies last month', { kind: 'anomalies', periodText: 'last month' }],
    ['budget', { kind: 'budget', action: 'list' }],
    ['budgets status', { kind: 'budget', action: 'list' }],
    ['budget set 5000', { kind: 'budget', action: 'edit' }],
    ['budget edit prod aws', { kind: 'budget', action: 'edit', name: 'prod aws' }],
    ['forecast', { kind: 'forecast' }],
    ['forecast by services', { kind: 'forecast', by: 'service' }],
    ['forecast provider', { kind: 'forecast', by: 'provider' }],
    ['alerts on', { kind: 'alerts', action: 'on' }],
    ['alerts off', { kind: 'alerts', action: 'off' }],
    ['alerts', { kind: 'alerts', action: 'show' }],
    ['recommendations', { kind: 'recommend', action: 'list', all: false }],
    ['recommend all', { kind: 'recommend', action: 'list', all: true }],
    ['recommend dismiss rec-1a2b3c4d5e', { kind: 'recommend', action: 'dismiss', id: 'rec-1a2b3c4d5e' }],
    ['recommend snooze REC-1A2B3C4D5E', { kind: 'recommend', action: 'snooze', id: 'rec-1a2b3c4d5e' }],
    ['recommend why rec-1a2b3c4d5e', { kind: 'recommend', action: 'evidence', id: 'rec-1a2b3c4d5e' }],
    ['simulate EC2 -20% from 2026-12', { kind: 'simulate', text: 'EC2 -20% from 2026-12' }],
    ['sync aws', { kind: 'sync', source: 'aws' }],
    ['sync', { kind: 'sync' }],
  ])('%j', (text, expected) => expect(intent(text)).toEqual(expected));

  it.each([
    ['report weekly <#C1|x>', /Add `schedule \[#channel\]`/],
    ['report weekly schedule soon', /Reports are `\/cost report weekly`/],
    ['project add', /Use `\/cost project list`/],
    ['project add data banana', /I can't read "banana" in a project/],
    ['project frob', /Use `\/cost project list`/],
    ['forecast by region', /forecast by provider/],
    ['alerts maybe', /alerts on/],
    ['budget remove x', /budget edit/],
    ['sync ibm', /`\/cost sync aws`/],
  ])('refuses %j with the forms it takes', (text, message) => expect(() => parseCommand(text)).toThrow(message));

  it('alerts on takes the usual filters', () => {
    expect(parseCommand('alerts on provider:aws service:"Amazon EC2"')).toMatchObject({ intent: { kind: 'alerts', action: 'on' }, filters: { providers: ['aws'], services: ['Amazon EC2'] } });
  });

  it('"public" anywhere posts in the channel', () => {
    expect(parseCommand('top service public').visibility).toBe('in_channel');
    expect(parseCommand('PUBLIC summary').intent).toEqual({ kind: 'summary', periodText: 'this month' });
    expect(parseCommand('summary').visibility).toBe('ephemeral');
  });

  it('takes filters with recommend, and leaves a what-if\'s words whole', () => {
    expect(parseCommand('recommend provider:aws service:ec2').filters).toMatchObject({ providers: ['aws'], services: ['ec2'] });
    const whatIf = parseCommand('simulate add 500/month for service:BigQuery from 2027-01 public');
    expect(whatIf.intent).toEqual({ kind: 'simulate', text: 'add 500/month for service:BigQuery from 2027-01' });
    expect(whatIf.visibility).toBe('in_channel');
    expect(whatIf.filters.services).toEqual([]);
    expect(() => parseCommand('recommend dismiss')).toThrow(/dismiss\|snooze\|reopen\|evidence rec-/);
    expect(() => parseCommand('recommend dismiss rec-1 extra')).toThrow(/an id from the list/);
  });

  it('takes filters anywhere', () => {
    const parsed = parseCommand('top service last month provider:aws account:"Atlas Orion" tag:team=data region:us-east-1 project:data-platform');
    expect(parsed.intent).toEqual({ kind: 'top', dim: 'service', periodText: 'last month' });
    expect(parsed.filters).toEqual({ providers: ['aws'], accounts: ['Atlas Orion'], services: [], regions: ['us-east-1'], tags: ['team=data'], projects: ['data-platform'] });
  });

  it('suggests the closest command for typos, and leaves other text for the answerer', () => {
    expect(intent('sumary last month')).toEqual({ kind: 'unknown', text: 'sumary last month', closest: '/cost summary last month' });
    expect(intent('what did EC2 cost last week')).toEqual({ kind: 'unknown', text: 'what did EC2 cost last week' });
    expect(intent('last month')).toEqual({ kind: 'unknown', text: 'last month' });
  });

  // A typo of a subcommand whose rest parses gets a suggestion, filters and quotes kept as typed.
  it.each([
    ['sumary last month', '/cost summary last month'],
    ['sumary', '/cost summary'],
    ['summray last month provider:aws', '/cost summary last month provider:aws'],
    ['tpo service account:"prod east" last week', '/cost top service account:"prod east" last week'],
    ['top', undefined], // not a typo: a malformed command, which has its own message
    ['dialy 7d', '/cost daily 7d'],
    ['dayly', '/cost daily'],
    ['comapre last month vs 2026-09', '/cost compare last month vs 2026-09'],
    ['reprot weekly', '/cost report weekly'],
    ['hlep', '/cost help'],
    ['forcast', '/cost forecast'],
    ['public sumary 2026-09', '/cost public summary 2026-09'],
  ])('suggests for the typo %j', (text, closest) => {
    if (closest === undefined) expect(() => parseCommand(text)).toThrow(/Top what/);
    else expect(intent(text)).toMatchObject({ kind: 'unknown', closest });
  });

  // Questions in plain words, and typos whose rest does not parse, get the help without a guess.
  it.each([
    'how much did we spend on EC2 last month?',
    'how much did we spend last month',
    'what did EC2 cost last week',
    'show me the top services',
    'why did costs go up in october?',
    'what are our biggest accounts',
    'sumary of last month',
    'tpo much',
    'reprot yearly',
    'dialy costs please',
    'hlep me',
    'to much spend',
  ])('does not guess for %j', (text) => {
    const parsed = intent(text);
    expect(parsed.kind).toBe('unknown');
    expect(parsed).not.toHaveProperty('closest');
  });

  it.each([['top'], ['top colour'], ['report'], ['report yearly'], ['compare last month vs'], ['digest maybe'], ['digest on 9:00 Europe/Berlin extra']])(
    'explains a malformed %p',
    (text) => expect(() => parseCommand(text)).toThrow(/\/cost|group by/),
  );

  it('tokenizes quotes', () => {
    expect(tokenize(`top service "last month" 'a b'`)).toEqual(['top', 'service', 'last month', 'a b']);
  });
});
