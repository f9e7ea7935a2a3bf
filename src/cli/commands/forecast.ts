/** `penny forecast [--as-of YYYY-MM-DD] [--by provider|service] [--json]`. */
import { Command } from 'commander';
import { forecastJson } from '../../answers/watchdog-json';
import { AppError } from '../../domain/errors';
import { forecastText } from '../../console/text/watchdog-text';
import { checkThenRun } from '../checked-command';
import { EXIT, type CliIo } from '../runtime';
import { asOfOption } from '../watchdog-options';

interface ForecastOptions {
  asOf?: string;
  by?: string;
  json?: boolean;
}

export function forecastCommand(io: CliIo): Command {
  return new Command('forecast')
    .description('Forecast month-end (and quarter-end) spend with an 80% range, and how accurate such forecasts have been')
    .option('--as-of <YYYY-MM-DD>', 'answer as if today were this day, from the days before it')
    .option('--by <dim>', 'also per provider or service')
    .option('--json', 'print JSON (amounts are exact decimal strings)')
    .action(async (opts: ForecastOptions) => {
      io.exit(await runForecast(io, opts));
    });
}

export async function runForecast(io: CliIo, opts: ForecastOptions): Promise<number> {
  return checkThenRun(
    io,
    ({ today }) => {
      const by = opts.by?.toLowerCase();
      if (by !== undefined && by !== 'provider' && by !== 'service') throw new AppError('QUERY_INVALID', `--by takes provider or service, not "${opts.by}".`);
      return { asOf: asOfOption(opts.asOf, today), by: by as 'provider' | 'service' | undefined };
    },
    async (core, { asOf, by }) => {
      const answer = await core.watchdog.forecast.monthEnd(asOf, by);
      io.out(opts.json ? `${JSON.stringify(forecastJson(answer))}\n` : `${forecastText(answer)}\n`);
      return EXIT.ok;
    },
  );
}
