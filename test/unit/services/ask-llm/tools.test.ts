/** The tool layer: what the model is told, how its arguments become the answerer's intents, and the checks on its words. */
import { intentOf, resolveFilters, ToolArgumentError } from '../../../../src/services/ask-llm/tool-intents';
import { TOOL_ARGS, toolDefinitions, type ToolName } from '../../../../src/services/ask-llm/tool-schemas';
import { leaksPrompt, PROMPT_MARKER, systemPrompt, textProblem } from '../../../../src/services/ask-llm/prompt';
import { catalog } from '../ask/catalog-fixture';

const TODAY = '2024-10-16';
const intent = (name: ToolName, args: unknown) => intentOf(name, TOOL_ARGS[name].parse(args), catalog, TODAY);
const range = (p: { range: { start: string; end: string } }) => [p.range.start, p.range.end];

describe('tool definitions', () => {
  it('describe every tool with a closed JSON Schema', () => {
    const tools = toolDefinitions();
    expect(tools.map((t) => t.name)).toEqual(['query_costs', 'compare_periods', 'top_movers', 'explain_change', 'anomalies', 'forecast', 'budgets', 'recommendations']);
    for (const t of tools) expect(t.parameters).toMatchObject({ type: 'object', additionalProperties: false });
    expect(tools[0]!.parameters).not.toHaveProperty('$schema');
  });

  it('refuse arguments outside the schema', () => {
    expect(TOOL_ARGS.query_costs.safeParse({ period: 'last month', groupBy: 'resource_id' }).success).toBe(false);
    expect(TOOL_ARGS.query_costs.safeParse({ period: 'last month', top: 1000 }).success).toBe(false);
    expect(TOOL_ARGS.query_costs.safeParse({ period: 'last month', filters: { tags: ['no-equals-sign'] } }).success).toBe(false);
    expect(TOOL_ARGS.query_costs.safeParse({ period: 'last month', $where: '1' }).success).toBe(false);
  });
});

describe('tool arguments → intents', () => {
  it('reads periods with the parser\'s rules: complete days only, the period before by default', () => {
    expect(range(intent('query_costs', { period: 'this month' }).query.period)).toEqual(['2024-10-01', '2024-10-16']);
    const cmp = intent('compare_periods', { period: 'September 2024' });
    expect([range(cmp.query.period), 'against' in cmp && range(cmp.against)]).toEqual([['2024-09-01', '2024-10-01'], ['2024-08-01', '2024-09-01']]);
    expect(range(intent('query_costs', { period: '2024-09-01..2024-09-15' }).query.period)).toEqual(['2024-09-01', '2024-09-16']);
    expect(() => intent('query_costs', { period: 'the day the music died' })).toThrow(ToolArgumentError);
  });

  it('maps each tool to its kind', () => {
    expect(intent('query_costs', { period: 'last month', groupBy: 'day' })).toMatchObject({ kind: 'trend', granularity: 'day' });
    expect(intent('query_costs', { period: 'last month', groupBy: 'service', top: 3 })).toMatchObject({ kind: 'totals', query: { groupBy: 'service', top: 3 } });
    expect(intent('top_movers', { period: 'last month', direction: 'up' })).toMatchObject({ kind: 'movers', direction: 'up', query: { groupBy: 'service', top: 5 } });
    expect(intent('explain_change', { period: 'last month', filters: { services: ['EC2'] } })).toMatchObject({ kind: 'why', drivers: ['account', 'region'] });
    expect(intent('forecast', {})).toMatchObject({ kind: 'forecast' });
    expect(intent('budgets', {})).toMatchObject({ kind: 'budget' });
    // The watchdog's periods are not cut at today: a forecast looks ahead, its answerer judges the period.
    expect(range(intent('forecast', { period: 'next month', groupBy: 'service' }).query.period)).toEqual(['2024-11-01', '2024-12-01']);
    expect(intent('forecast', { groupBy: 'service' }).query.groupBy).toBe('service');
    expect(intent('budgets', { names: ['data-platform'] })).toMatchObject({ kind: 'budget', budgets: ['data-platform'] });
    expect(intent('recommendations', { top: 3 })).toMatchObject({ kind: 'recommendations', query: { top: 3 } });
    expect(TOOL_ARGS.forecast.safeParse({ groupBy: 'region' }).success).toBe(false);
  });

  it('resolves names as people say them to stored values, and names close ones when it cannot', () => {
    expect(resolveFilters({ services: ['EC2', 'Amazon Simple Storage Service'], providers: ['AWS'], accounts: ['prod-core'], regions: ['N. Virginia'], tags: ['ENV=prod'] }, catalog).filters).toMatchObject({
      services: ['Amazon Elastic Compute Cloud', 'Amazon Simple Storage Service'], providers: ['aws'], accounts: ['111111111111'], regions: ['us-east-1'], tags: [{ key: 'env', value: 'prod' }],
    });
    expect(() => resolveFilters({ services: ['Lambada'] }, catalog)).toThrow(/No service called "Lambada".*Close names: "AWS Lambda"/);
    expect(() => resolveFilters({ services: ['prod-core'] }, catalog)).toThrow(/is an account, not a service/);
    expect(() => resolveFilters({ tags: ['owner=me'] }, catalog)).toThrow(/No costs carry a tag "owner"/);
  });
});

describe('checks on the model\'s words', () => {
  it('find the rules repeated, with or without the marker, but not the thread\'s own words', () => {
    const prompt = systemPrompt({ today: TODAY });
    expect(leaksPrompt(`Here: ${prompt}`)).toBe(true);
    expect(leaksPrompt(`sure ${PROMPT_MARKER}`)).toBe(true);
    expect(leaksPrompt('I was told: Never calculate new numbers: no sums, differences, averages, rounding or conversions.')).toBe(true);
    expect(leaksPrompt('EC2 cost $24.00 in September 2024; that is the most of any service.')).toBe(false);
  });

  it('ask for at least one tool answer behind every number', () => {
    expect(textProblem('', [])).toEqual({ kind: 'empty' });
    expect(textProblem('It cost $5.00.', [])).toMatchObject({ kind: 'numbers', numbers: [{ text: '$5.00' }] });
  });
});
