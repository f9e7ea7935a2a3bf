/** Bolt and the WebClient log through our pino logger, so one log stream has everything. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type pino from 'pino';

export function boltLogger(base: pino.Logger): BoltLogger {
  const log = base.child({ component: 'slack' });
  const line = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  // Bolt logs whole payloads at debug on every request; build the line only when it is kept.
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => {
    if (log.isLevelEnabled(level)) log[level](line(msg));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: () => undefined, // the level is pino's, set by LOG_LEVEL
    getLevel: () => (log.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.INFO),
    setName: () => undefined,
  };
}
