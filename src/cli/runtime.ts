import type { Readable } from 'node:stream';
/**
 * Shared plumbing for CLI commands: config, logger, core, and turning errors into exit codes.
 */
import { loadConfig, type Config } from '../config/config';
import { withFileSecrets } from '../config/secrets';
import { createLogger } from '../config/logger';
import { openCore, type Core } from '../composition';
import { isAppError } from '../domain/errors';
import type { Logger } from '../ports/logger';
import { DEFAULT_DB_LIMITS } from '../store/connection';
import { describeDbFailure } from '../store/db-errors';

export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** Records the command's exit code. */
  exit: (code: number) => void;
  /** Where the console reads commands from. */
  stdin: Readable;
  stdinIsTTY: boolean;
  /** This is the real process: a command may handle its signals and exit it (not in tests). */
  ownsProcess?: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  exit: (code) => {
    process.exitCode = code;
  },
  stdin: process.stdin,
  stdinIsTTY: Boolean(process.stdin.isTTY),
  ownsProcess: true,
};

/** Runs `work` with an open core and always closes it. Returns the exit code. `json`: errors also as JSON on stdout. */
export async function withCore(io: CliIo, work: (core: Core) => Promise<number>, options: { json?: boolean } = {}): Promise<number> {
  let config: Config;
  let logger: Logger;
  try {
    config = loadConfig(withFileSecrets(io.env));
    // The CLI is quiet unless asked: its output is the answer, not the log.
    logger = createLogger(io.env.LOG_LEVEL ? config.logLevel : 'warn');
  } catch (error) {
    return reportError(io, undefined, error, options);
  }
  let core: Core | undefined;
  try {
    core = await openCore(config, logger);
    return await work(core);
  } catch (error) {
    return reportError(io, logger, describeDbFailure(error, config.db) ?? error, options);
  } finally {
    await core?.close().catch((e: unknown) => logger.warn({ err: e }, 'error while closing'));
  }
}

export function reportError(io: CliIo, logger: Logger | undefined, error: unknown, options: { json?: boolean } = {}): number {
  error = describeDbFailure(error, DEFAULT_DB_LIMITS) ?? error;
  if (isAppError(error)) {
    logger?.debug({ err: error, code: error.code, detail: error.detail }, error.message);
    io.err(`penny: ${error.message}\n`);
    if (options.json) io.out(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
    return EXIT.failed;
  }
  if (options.json) io.out(`${JSON.stringify({ error: { code: 'INTERNAL', message: 'Something went wrong; the log has the details.' } })}\n`);
  logger?.error({ err: error }, 'unexpected error');
  if (!logger) io.err(`penny: ${(error as Error)?.stack ?? String(error)}\n`);
  else io.err('penny: something went wrong; the log above has the details.\n');
  return EXIT.failed;
}
