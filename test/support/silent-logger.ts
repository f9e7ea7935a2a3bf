import type { Logger } from '../../src/ports/logger';

export interface RecordedLog {
  level: string;
  obj: unknown;
  msg?: string;
}

/** A logger that keeps what it is told, so tests can check what reached the log. */
export function recordingLogger(): Logger & { entries: RecordedLog[] } {
  const entries: RecordedLog[] = [];
  const at = (level: string) => (obj: unknown, msg?: string) => void entries.push({ level, obj, msg });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } as Logger & { entries: RecordedLog[] };
}
