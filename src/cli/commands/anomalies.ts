/** `penny anomalies [PERIOD | --from YYYY-MM-DD --to YYYY-MM-DD] [--as-of YYYY-MM-DD] [--json]`. */
import { Command } from 'commander';
import { anomaliesJson } from '../../answers/watchdog-json';
import { AppError } from '../../domain/errors';
import { parsePeriod, periodFromBounds } from '../../domain/period';
import { anomaliesText } from '../../console/text/watchdog-text';
import { checkThenRun } from '../checked-command';
import { EXIT, type CliIo } from '../runtime';
import { asOfOption } from '../watchdog-options';

interface AnomaliesOptions {
  from?: string;
  to?: string;
  asOf?: string;
  json?: boolean;
}

export function anomaliesCommand(io: CliIo): Command {
  return new Command('anomalies')
    .description('Unusual daily spend (spikes, level shifts, ramps, new spend) with its drivers')
    .argument('[period...]', 'e.g. 30d (default), "last month", 2024-09')
    .option('--from <YYYY-MM-DD>', 'first day (with --to)')
    .option('--to <YYYY-MM-DD>', 'last day, inclusive (with --from)')
    .option('--as-of <YYYY-MM-DD>', 'answer as if today were this day, from the days before it')
    .option('--json', 'print JSON (amounts are exact decimal strings)')
    .action(async (words: string[], opts: AnomaliesOptions) => {
      io.exit(await runAnomalies(io, words, opts));
    });
}

export async function runAnomalies(io: CliIo, words: string[], opts: AnomaliesOptions): Promise<number> {
  return checkThenRun(
    io,
    ({ today }) => {
      const asOf = asOfOption(opts.asOf, today);
      if (opts.from || opts.to) {
        if (!opts.from || !opts.to) throw new AppError('QUERY_INVALID', '--from and --to go together; give both (YYYY-MM-DD, --to inclusive).');
        if (words.length > 0) throw new AppError('QUERY_INVALID', 'Give either a period or --from/--to, not both.');
        return { asOf, range: periodFromBounds(opts.from, opts.to).range };
      }
      return { asOf, range: parsePeriod(words.length > 0 ? words.join(' ') : '30d', asOf).range };
    },
    async (core, { asOf, range }) => {
      const answer = await core.watchdog.anomalies.list(range, asOf);
      io.out(opts.json ? `${JSON.stringify(anomaliesJson(answer))}\n` : `${anomaliesText(answer)}\n`);
      return EXIT.ok;
    },
  );
}
