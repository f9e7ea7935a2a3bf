/**
 * A command in two steps. `check` reads the command line and its files without the database, so
 * a mistake is reported in milliseconds as a usage error (exit 2). `work` then runs on the core.
 */
import type { Config } from '../config/config';
import type { Core } from '../composition';
import { todayIn, type Day } from '../domain/days';
import { isAppError } from '../domain/errors';
import { systemClock } from '../ports/clock';
import { EXIT, loadSettings, reportError, withCore, type CliIo, type CommandSettings } from './runtime';

export interface CheckContext {
  config: Config;
  /** Today in PENNY_TIMEZONE, for reading periods (the core's clock is the same system clock). */
  today: Day;
}

export async function checkThenRun<T>(
  io: CliIo,
  check: (context: CheckContext) => T | Promise<T>,
  work: (core: Core, checked: T) => Promise<number>,
  options: { json?: boolean } = {},
): Promise<number> {
  let settings: CommandSettings;
  try {
    settings = loadSettings(io);
  } catch (error) {
    return reportError(io, undefined, error);
  }
  let checked: T;
  try {
    checked = await check({ config: settings.config, today: todayIn(settings.config.timeZone, systemClock.now()) });
  } catch (error) {
    if (!isAppError(error)) return reportError(io, settings.logger, error);
    io.err(`penny: ${error.message}\n`);
    return EXIT.usage;
  }
  return withCore(io, (core) => work(core, checked), { settings, json: options.json });
}
