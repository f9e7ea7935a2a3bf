/**
 * Runs the real `penny` launcher (bin/penny.js, as people run it) in a child process, with the
 * fault tests' short time limits, and waits for it within a generous bound instead of hanging.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const BIN = join(ROOT, 'bin/penny.js');

/** The launcher runs dist/: testing a build older than the sources would test the wrong code. */
function assertBuildIsCurrent(): void {
  const built = statSync(join(ROOT, 'dist/cli/main.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  if (built < newest(join(ROOT, 'src'))) throw new Error('dist/ is older than src/: run `npm run build` before the fault tests (they run bin/penny.js).');
}

/** Short limits so that faults show within seconds; the lease is short so a dead writer blocks briefly. */
export const FAULT_LIMITS = {
  PENNY_DB_CONNECT_TIMEOUT_MS: '3000',
  PENNY_DB_QUERY_TIMEOUT_MS: '5000',
  PENNY_DB_WRITE_TIMEOUT_MS: '15000',
  PENNY_WRITE_LEASE_MS: '3000',
  PENNY_WRITE_WAIT_MS: '60000',
};

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface PennyRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when it exits; rejects (after killing it) if it has not within `ms`. */
  endsWithin(ms: number): Promise<Ended>;
}

export function runPenny(args: string[], env: Record<string, string>): PennyRun {
  assertBuildIsCurrent();
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, PENNY_SECRETS_DIR: '/nonexistent', ...FAULT_LIMITS };
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<Ended>((done) => child.once('close', (code, signal) => done({ code, signal, stdout: out, stderr: err })));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    endsWithin: async (ms) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, fail) => {
        timer = setTimeout(() => {
          for (const pid of [child.pid!, ...childPids(child.pid!)]) tryKill(pid, 'SIGKILL');
          fail(new Error(`penny ${args.join(' ')} did not end within ${ms / 1000} s (it hung). stderr: ${err.slice(-500)}`));
        }, ms);
      });
      try {
        return await Promise.race([exited, late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The pids of a process's children (Linux). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Polls `check` every 50 ms until it holds; fails naming `what` after `ms`. */
export async function waitUntil(what: string, ms: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The last line of stdout as JSON (the --json answer or error). */
export function lastJson(stdout: string): Record<string, unknown> {
  const line = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error(`expected a JSON line on stdout, got: ${stdout.slice(-300)}`);
  }
}
