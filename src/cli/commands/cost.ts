import { Command } from 'commander';
import { METRICS, type Metric } from '../../domain/cost-record';
import { parseGroupDim } from '../../domain/cost-query';
import { AppError } from '../../domain/errors';
import { parseCategoryFilter, parseTagFilter } from '../../domain/filter-syntax';
import { parsePeriod, periodFromBounds, type Period } from '../../domain/period';
import { breakdownJson } from '../../answers/breakdown';
import type { CostRequest } from '../../services/cost-service';
import { checkThenRun } from '../checked-command';
import { costTable } from '../cost-output';
import { EXIT, type CliIo } from '../runtime';

interface CostOptions {
  from?: string;
  to?: string;
  by?: string;
  provider?: string[];
  service?: string[];
  account?: string[];
  region?: string[];
  tag?: string[];
  project?: string[];
  category?: string[];
  metric?: string;
  excludeCredits?: boolean;
  compare?: boolean;
  currency?: string;
  json?: boolean;
}

// No default value: commander would print "(default: [])" in the help.
const collect = (value: string, previous: string[] = []) => [...previous, value];

export function costCommand(io: CliIo): Command {
  return new Command('cost')
    .description('Show costs for a period: a total, or a breakdown with --by')
    .argument('[period...]', 'e.g. "last month", 30d, 2024-09, "Q3 2024", 2024-09-01..2024-09-15 (default: this month)')
    .option('--from <YYYY-MM-DD>', 'first day (with --to)')
    .option('--to <YYYY-MM-DD>', 'last day, inclusive (with --from)')
    .option('--by <dim>', 'group by day, month, service, region, account, provider, charge-category, project or tag:KEY')
    .option('--provider <name>', 'only this provider (aws, azure, gcp, ...); repeatable', collect)
    .option('--service <name>', 'only this service (name or short name like ec2); repeatable', collect)
    .option('--account <id-or-name>', 'only this account (sub-account, project, subscription, or billing account); repeatable', collect)
    .option('--region <id-or-name>', 'only this region; repeatable', collect)
    .option('--tag <KEY=VALUE>', 'only costs with this tag; repeatable', collect)
    .option('--project <name>', 'only costs of this project (penny project list); repeatable', collect)
    .option('--category <charge-category>', 'only usage, purchase, tax, credit or adjustment; repeatable', collect)
    .option('--metric <metric>', 'billed (default), effective or list')
    .option('--exclude-credits', 'leave credits out')
    .option('--compare', 'compare with the previous period')
    .option('--currency <code>', 'only costs billed in this currency')
    .option('--json', 'print JSON (amounts are exact decimal strings)')
    .action(async (periodWords: string[], opts: CostOptions) => {
      io.exit(await runCost(io, periodWords, opts));
    });
}

export async function runCost(io: CliIo, periodWords: string[], opts: CostOptions): Promise<number> {
  return checkThenRun(
    io,
    ({ today }) => costRequest(periodWords, opts, today),
    async (core, request) => {
      const answer = await core.answers.breakdown(request);
      io.out(opts.json ? `${JSON.stringify(breakdownJson(answer))}\n` : `${costTable(answer)}\n`);
      return EXIT.ok;
    },
    { json: opts.json },
  );
}

/** Everything that can be checked without data; names (services, accounts, …) are matched later. */
export function costRequest(words: string[], opts: CostOptions, today: string): CostRequest {
  const metric = (opts.metric ?? 'billed').toLowerCase() as Metric;
  if (!METRICS.includes(metric)) throw new AppError('QUERY_INVALID', `--metric must be billed, effective or list, not "${opts.metric}".`);
  const tags = opts.tag ?? [];
  tags.forEach(parseTagFilter);
  const categories = opts.category ?? [];
  categories.forEach(parseCategoryFilter);
  if (opts.currency !== undefined && !/^[A-Za-z]{3}$/.test(opts.currency)) {
    throw new AppError('QUERY_INVALID', `--currency takes a three-letter currency code such as USD, not "${opts.currency}".`);
  }
  return {
    period: choosePeriod(words, opts, today),
    groupBy: opts.by !== undefined ? parseGroupDim(opts.by) : undefined,
    metric,
    providers: opts.provider ?? [],
    services: opts.service ?? [],
    accounts: opts.account ?? [],
    regions: opts.region ?? [],
    tags,
    projects: opts.project ?? [],
    chargeCategories: categories,
    excludeCredits: opts.excludeCredits,
    currency: opts.currency,
    compare: opts.compare,
  };
}

function choosePeriod(words: string[], opts: CostOptions, today: string): Period {
  if (opts.from || opts.to) {
    if (!opts.from || !opts.to) throw new AppError('QUERY_INVALID', '--from and --to go together; give both (YYYY-MM-DD, --to inclusive).');
    if (words.length > 0) throw new AppError('QUERY_INVALID', 'Give either a period or --from/--to, not both.');
    return periodFromBounds(opts.from, opts.to);
  }
  return parsePeriod(words.length > 0 ? words.join(' ') : 'this month', today);
}
