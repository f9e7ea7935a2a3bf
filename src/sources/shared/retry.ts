/**
 * Retries for cloud API calls: exponential backoff with full jitter on throttling, 5xx,
 * timeouts and garbled responses; a server's own wait (Retry-After) is honoured when longer.
 * Every attempt is a request: it goes through ctx.beforeRequest, which counts it and can stop it.
 */
import { AppError, type ErrorCode } from '../../domain/errors';
import type { SyncContext } from '../../ports/cost-source';

export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseMs: 1000, maxMs: 30_000, random: Math.random };

/** What a failed call was: a code, whether trying again may help, and words for people. */
export interface Fault {
  code: ErrorCode;
  retryable: boolean;
  /** Completes "<API> …", e.g. "throttled the request (HTTP 429)". */
  what: string;
  /** How long the server asked us to wait, when it did. */
  waitMs?: number;
}

export type Classifier = (error: unknown) => Fault;

export function backoffMs(attempt: number, policy: RetryPolicy, serverWaitMs?: number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  const jittered = Math.round(policy.random() * ceiling);
  return Math.max(serverWaitMs ?? 0, jittered);
}

/**
 * Runs `call` until it succeeds or fails for good. Faults that a retry got past are reported
 * as recovered issues; a final failure is thrown as an AppError whose message names the cause.
 */
export async function withRetry<T>(ctx: SyncContext, api: string, classify: Classifier, call: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  const passed: { fault: Fault; waitMs: number }[] = [];
  for (let attempt = 1; ; attempt++) {
    await ctx.beforeRequest();
    try {
      const result = await call();
      for (const { fault, waitMs } of passed) {
        ctx.issue({ code: fault.code, message: `${api} ${fault.what}; a retry after ${seconds(waitMs)} got through.`, recovered: true });
      }
      return result;
    } catch (error) {
      if (error instanceof AppError && error.code === 'SOURCE_REQUEST_CAP') throw error;
      const fault = classify(error);
      if (!fault.retryable || attempt >= policy.maxAttempts) {
        const tries = attempt > 1 ? ` (${attempt} tries)` : '';
        throw new AppError(fault.code, `${api} ${fault.what}${tries}.`, { cause: error, detail: { api, attempt } });
      }
      const waitMs = backoffMs(attempt, policy, fault.waitMs);
      passed.push({ fault, waitMs });
      await ctx.sleep(waitMs);
    }
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
