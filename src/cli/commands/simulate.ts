/** `penny simulate "<changes>" [--as-of YYYY-MM-DD] [--json]`: a what-if against today's forecast. */
import { Command } from 'commander';
import { simulationJson } from '../../answers/simulation-json';
import { simulationText } from '../../console/text/simulation-text';
import { isDay } from '../../domain/days';
import { AppError } from '../../domain/errors';
import { parseChanges } from '../../domain/simulation/parse-changes';
import { checkThenRun } from '../checked-command';
import { EXIT, type CliIo } from '../runtime';

interface SimulateOptions {
  asOf?: string;
  json?: boolean;
}

export function simulateCommand(io: CliIo): Command {
  return new Command('simulate')
    .description('What if: e.g. "EC2 -20% from 2027-01; add 500/month for service:BigQuery; stop account:Sandbox from next month; apply recommendation rec-…"')
    .argument('<changes...>', 'one or more changes, separated by ";"')
    .option('--as-of <YYYY-MM-DD>', 'the first day not yet spent (default: today)')
    .option('--json', 'print JSON (amounts are exact decimal strings)')
    .action(async (words: string[], opts: SimulateOptions) => {
      io.exit(await runSimulate(io, words.join(' '), opts));
    });
}

export async function runSimulate(io: CliIo, text: string, opts: SimulateOptions): Promise<number> {
  return checkThenRun(
    io,
    ({ today }) => {
      if (opts.asOf !== undefined && !isDay(opts.asOf)) throw new AppError('QUERY_INVALID', `--as-of takes a day as YYYY-MM-DD, not "${opts.asOf}".`);
      parseChanges(text, opts.asOf ?? today); // a change that cannot be read is a usage error, before the database starts
      return opts.asOf;
    },
    async (core, asOf) => {
      const answer = await core.simulation.simulate(text, { asOf });
      io.out(opts.json ? `${JSON.stringify(simulationJson(answer))}\n` : `${simulationText(answer)}\n`);
      return EXIT.ok;
    },
  );
}
