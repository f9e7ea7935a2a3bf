/**
 * `penny recommend [--as-of YYYY-MM-DD] [--json] [--all] [filters]`: the ranked recommendations;
 * `penny recommend dismiss|snooze|reopen|evidence <id>`: a decision, or one's evidence.
 */
import { Command } from 'commander';
import { recommendationJson, recommendationsJson } from '../../answers/advice-json';
import { isDay, type Day } from '../../domain/days';
import { AppError } from '../../domain/errors';
import type { Decision } from '../../services/advice/recommendation-service';
import { evidenceText, recommendationsText } from '../../console/text/advice-text';
import { checkThenRun } from '../checked-command';
import { EXIT, type CliIo } from '../runtime';

interface RecommendOptions {
  asOf?: string;
  json?: boolean;
  all?: boolean;
  refresh?: boolean;
  provider?: string[];
  account?: string[];
  service?: string[];
  region?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const ACTIONS = ['dismiss', 'snooze', 'reopen', 'evidence'] as const;
type Action = (typeof ACTIONS)[number];

export function recommendCommand(io: CliIo): Command {
  return new Command('recommend')
    .description('Recommendations: idle and non-production resources, commitments, older instance families, cost rises, renewals, and AWS\'s own advice')
    .argument('[action]', 'dismiss, snooze (30 days), reopen or evidence, with a recommendation id')
    .argument('[id]', 'a recommendation id from the list (rec-…)')
    .option('--as-of <YYYY-MM-DD>', 'use only the days before this one (default: today)')
    .option('--all', 'include dismissed and snoozed ones')
    .option('--refresh', "ask AWS for its own recommendations first (Cost Explorer requests count toward the monthly cap)")
    .option('--provider <name>', 'only this provider; repeatable', collect)
    .option('--account <id-or-name>', 'only this account; repeatable', collect)
    .option('--service <name>', 'only this service (ec2 works); repeatable', collect)
    .option('--region <id>', 'only this region; repeatable', collect)
    .option('--json', 'print JSON (amounts are exact decimal strings)')
    .action(async (action: string | undefined, id: string | undefined, opts: RecommendOptions) => {
      io.exit(await runRecommend(io, action, id, opts));
    });
}

interface Checked {
  asOf?: Day;
  action?: Action;
  id?: string;
}

export function checkRecommend(action: string | undefined, id: string | undefined, opts: RecommendOptions): Checked {
  if (opts.asOf !== undefined && !isDay(opts.asOf)) throw new AppError('QUERY_INVALID', `--as-of takes a day as YYYY-MM-DD, not "${opts.asOf}".`);
  if (action === undefined) return opts.asOf ? { asOf: opts.asOf } : {};
  const verb = action.toLowerCase() as Action;
  if (!ACTIONS.includes(verb)) throw new AppError('QUERY_INVALID', `"${action}" is not something penny recommend does: use dismiss, snooze, reopen or evidence with an id.`);
  if (!id || !/^rec-[0-9a-f]{6,}$/i.test(id)) throw new AppError('QUERY_INVALID', `${verb} needs a recommendation id like rec-1a2b3c4d5e (penny recommend lists them).`);
  return { ...(opts.asOf ? { asOf: opts.asOf } : {}), action: verb, id: id.toLowerCase() };
}

export async function runRecommend(io: CliIo, action: string | undefined, id: string | undefined, opts: RecommendOptions): Promise<number> {
  return checkThenRun(
    io,
    () => checkRecommend(action, id, opts),
    async (core, checked) => {
      const { advice } = core;
      if (opts.refresh) {
        const refreshed = await advice.refresh();
        for (const e of refreshed.adviserErrors) io.err(`penny: ${e}\n`);
      }
      if (checked.action === 'evidence') {
        const answer = await advice.evidence(checked.id!, checked.asOf);
        io.out(opts.json ? `${JSON.stringify(recommendationJson(answer.item))}\n` : `${evidenceText(answer)}\n`);
        return EXIT.ok;
      }
      const notice = checked.action ? await advice.decide(checked.id!, checked.action as Decision, 'cli', checked.asOf) : undefined;
      const filters = { providers: opts.provider, accounts: opts.account, services: opts.service, regions: opts.region };
      const answer = await advice.list({ asOf: checked.asOf, filters, includeClosed: opts.all, notice });
      io.out(opts.json ? `${JSON.stringify(recommendationsJson(answer))}\n` : `${recommendationsText(answer)}\n`);
      return EXIT.ok;
    },
  );
}
