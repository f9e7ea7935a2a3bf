import type { Readable } from 'node:stream';
/**
 * Shared plumbing for CLI commands: config, logger, core, and turning errors into exit codes.
 */
import { loadConfig, type Config } from '../config/config';
import { withFileSecrets } from '../config/secrets';
import { createLogger } from '../config/logger';
import type { Core } from '../composition';
import { isAppError, type ErrorCode } from '../domain/errors';
import type { Logger } from '../ports/logger';

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

export interface CommandSettings {
  config: Config;
  logger: Logger;
}

/** The settings and the logger of one command; throws a coded error naming a bad setting. */
export function loadSettings(io: CliIo): CommandSettings {
  // The CLI is quiet unless asked: its output is the answer, not the log.
  const config = loadConfig(withFileSecrets(io.env), { logLevel: 'warn' });
  return { config, logger: createLogger(config.logLevel) };
}

export interface CoreOptions {
  settings?: CommandSettings;
  /** Errors also as JSON on stdout ({"error": {code, message}}), for commands run with --json. */
  json?: boolean;
}

/** Runs `work` with an open core and always closes it. Returns the exit code. */
export async function withCore(io: CliIo, work: (core: Core) => Promise<number>, options: CoreOptions = {}): Promise<number> {
  let settings: CommandSettings;
  try {
    settings = options.settings ?? loadSettings(io);
  } catch (error) {
    return reportError(io, undefined, error, options);
  }
  const { config, logger } = settings;
  let core: Core | undefined;
  let composition: typeof import('../composition.js') | undefined;
  try {
    // Loaded here, not at the top: the database stack takes about a second to load, and a
    // command that fails its checks should not pay for it.
    composition = await import('../composition.js');
    core = await composition.openCore(config, logger, undefined, { onProgress: (line) => io.err(`${line}\n`) });
    return await work(core);
  } catch (error) {
    // A driver error becomes one sentence naming the cause ("MongoDB did not answer within 30 s: …").
    return reportError(io, logger, composition?.describeFailure(error, config.db) ?? error, options);
  } finally {
    await core?.close().catch((e: unknown) => logger.warn({ err: e }, 'error while closing'));
  }
}

/** Errors about what was typed (a period, a name that matches nothing) rather than what failed. */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set(['PERIOD_INVALID', 'QUERY_INVALID', 'UNKNOWN_DIMENSION_VALUE']);

export function reportError(io: CliIo, logger: Logger | undefined, error: unknown, options: { json?: boolean } = {}): number {
  if (isAppError(error)) {
    logger?.debug({ err: error, code: error.code, detail: error.detail }, error.message);
    io.err(`penny: ${error.message}\n`);
    if (options.json) io.out(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
    return USAGE_CODES.has(error.code) ? EXIT.usage : EXIT.failed;
  }
  if (options.json) io.out(`${JSON.stringify({ error: { code: 'INTERNAL', message: 'Something went wrong; the log has the details.' } })}\n`);
  logger?.error({ err: error }, 'unexpected error');
  if (!logger) io.err(`penny: ${(error as Error)?.stack ?? String(error)}\n`);
  else io.err('penny: something went wrong; the log above has the details.\n');
  return EXIT.failed;
}
