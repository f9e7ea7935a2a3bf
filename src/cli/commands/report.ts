/** `penny report weekly|monthly [--format csv|json] [--output FILE]`: the report on stdout or in a file. */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { reportContent } from '../../answers/report-formats';
import { isDay } from '../../domain/days';
import { AppError } from '../../domain/errors';
import { EXIT, withCore, type CliIo } from '../runtime';

export function reportCommand(io: CliIo): Command {
  return new Command('report')
    .description('The weekly (last week) or monthly (last month) cost report: totals and breakdowns against the previous period')
    .argument('<cadence>', 'weekly or monthly')
    .option('--format <format>', 'csv (RFC 4180) or json', 'csv')
    .option('--output <file>', 'write it to this file instead of stdout')
    .option('--as-of <YYYY-MM-DD>', 'the report as it was due on this day: the week or month before it (default today)')
    .action(async (cadence: string, opts: { format: string; output?: string; asOf?: string }) => {
      io.exit(
        await withCore(io, async (core) => {
          if (cadence !== 'weekly' && cadence !== 'monthly') throw new AppError('QUERY_INVALID', `The report is weekly or monthly, not "${cadence}".`);
          const format = opts.format.toLowerCase();
          if (format !== 'csv' && format !== 'json') throw new AppError('QUERY_INVALID', `--format must be csv or json, not "${opts.format}".`);
          if (opts.asOf !== undefined && !isDay(opts.asOf)) throw new AppError('QUERY_INVALID', `--as-of must be a date like 2024-10-01 (YYYY-MM-DD), not "${opts.asOf}".`);
          const content = reportContent(await core.reports.build(cadence, opts.asOf), format);
          if (opts.output) writeFileSync(opts.output, content);
          else io.out(content);
          return EXIT.ok;
        }),
      );
    });
}
