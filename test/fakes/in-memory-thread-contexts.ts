/** Thread contexts in a Map, expiring like the Mongo repository (by the clock, on read). */
import type { Clock } from '../../src/ports/clock';
import type { ThreadContext, ThreadContexts, ThreadKey } from '../../src/ports/thread-contexts';

export class InMemoryThreadContexts implements ThreadContexts {
  readonly saved = new Map<string, ThreadContext & { expiresAt: number }>();

  constructor(private readonly clock: Clock, private readonly ttlMs = 24 * 3_600_000) {}

  async get(key: ThreadKey): Promise<ThreadContext | undefined> {
    const found = this.saved.get(`${key.channel}:${key.thread}`);
    if (!found || found.expiresAt <= this.clock.now().getTime()) return undefined;
    return { question: found.question, intent: found.intent, at: found.at };
  }

  async put(key: ThreadKey, context: ThreadContext): Promise<void> {
    this.saved.set(`${key.channel}:${key.thread}`, { ...context, expiresAt: context.at.getTime() + this.ttlMs });
  }
}
