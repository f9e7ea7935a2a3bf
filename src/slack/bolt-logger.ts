/** Bolt and the WebClient log through our pino logger, so one log stream has everything. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type pino from 'pino';

export function boltLogger(base: pino.Logger): BoltLogger {
  const log = base.child({ component: 'slack' });
  const line = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg: unknown[]) => log.debug(line(msg)),
    info: (...msg: unknown[]) => log.info(line(msg)),
    warn: (...msg: unknown[]) => log.warn(line(msg)),
    error: (...msg: unknown[]) => log.error(line(msg)),
    setLevel: () => undefined, // the level is pino's, set by LOG_LEVEL
    getLevel: () => (log.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.INFO),
    setName: () => undefined,
  };
}
