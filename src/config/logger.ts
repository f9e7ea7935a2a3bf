import pino from 'pino';
import type { Logger } from '../ports/logger';

/** Logs go to stderr so that `--json` output on stdout stays clean for scripts. */
export function createLogger(level: string): Logger & pino.Logger {
  return pino({ level, redact: ['token', '*.token', 'headers.authorization', 'uri'] }, pino.destination(2));
}
