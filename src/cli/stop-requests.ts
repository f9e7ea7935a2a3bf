/**
 * Turns the ways a long command is asked to stop into one AbortSignal: SIGINT, SIGTERM, SIGHUP,
 * and the `penny` launcher going away (bin/penny.js runs the import in a child process linked by
 * an IPC channel, which closes when the launcher dies, even of SIGKILL).
 *
 * The first request aborts, so the work stops at its next step and gives its lease back. The
 * same signal again within a second is the launcher forwarding what the terminal already sent,
 * and is ignored; any later one, or the grace time running out, exits at once.
 */
export interface StopRequests {
  signal: AbortSignal;
  /** The exit code for the request that stopped the work (128 + signal number), if any. */
  exitCode(): number | undefined;
  dispose(): void;
}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type StopSignal = keyof typeof SIGNALS;

export interface StopOptions {
  /** Exits the process when stopping takes longer than `graceMs`, or on a second request. */
  exit?: (code: number) => void;
  graceMs?: number;
  /** Also stop when the parent's IPC channel closes (the real CLI process only). */
  watchParent?: boolean;
}

export function watchStopRequests(options: StopOptions = {}): StopRequests {
  const controller = new AbortController();
  let code: number | undefined;
  let first: { what: string; at: number } | undefined;
  let grace: NodeJS.Timeout | undefined;
  const request = (what: string, exitCode: number) => {
    const now = Date.now();
    if (first) {
      if (first.what === what && now - first.at < 1_000) return;
      options.exit?.(exitCode);
      return;
    }
    first = { what, at: now };
    code = exitCode;
    controller.abort(new Error(`stopped by ${what}`));
    if (options.exit) {
      grace = setTimeout(() => options.exit!(exitCode), options.graceMs ?? 15_000);
      grace.unref();
    }
  };
  const handlers = (Object.keys(SIGNALS) as StopSignal[]).map((sig) => [sig, () => request(sig, 128 + SIGNALS[sig])] as const);
  for (const [sig, handler] of handlers) process.on(sig, handler);
  const onDisconnect = () => request('the penny launcher exiting', 1);
  const watching = Boolean(options.watchParent && process.channel);
  if (watching) {
    process.on('disconnect', onDisconnect);
    process.channel?.unref(); // the channel alone must not keep the process alive
  }
  return {
    signal: controller.signal,
    exitCode: () => code,
    dispose: () => {
      for (const [sig, handler] of handlers) process.off(sig, handler);
      if (watching) process.off('disconnect', onDisconnect);
      if (grace) clearTimeout(grace);
    },
  };
}

/** "SIGTERM" from the abort reason, for the sentence that says why the work stopped. */
export function stopReason(signal: AbortSignal): string {
  return String((signal.reason as Error | undefined)?.message ?? 'a stop request').replace(/^stopped by /, '');
}
