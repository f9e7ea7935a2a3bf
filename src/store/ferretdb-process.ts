/**
 * Runs a FerretDB v1 binary (MongoDB wire protocol over SQLite) as a child process.
 * Used where mongod cannot be had: tests on machines without it, and the embedded fallback.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';

export const FERRETDB_VERSION = 'v1.24.2';

export interface RunningServer {
  uri: string;
  stop(): Promise<void>;
}

/** Where `.ci/build-ferretdb.sh` puts the binary. */
export function cachedFerretdbPath(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'penny', `ferretdb-${FERRETDB_VERSION}`, 'ferretdb');
}

/** An explicit path, then PATH, then the build cache. */
export function findFerretdb(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'ferretdb'))) return join(dir, 'ferretdb');
  }
  const cached = cachedFerretdbPath(env);
  return existsSync(cached) ? cached : undefined;
}

/** The build script in a source checkout (it is not in the Docker image, which uses MONGODB_URI). */
export const FERRETDB_BUILD_SCRIPT = resolve(__dirname, '../../.ci/build-ferretdb.sh');

/**
 * Builds FerretDB into the cache with Go (about 2 minutes, once per machine) and returns the
 * binary. For checkouts where mongod cannot be downloaded; throws why when it cannot build.
 * Go's progress (`go: downloading …`) goes to `log`.
 */
export async function buildFerretdb(log: Writable = process.stderr): Promise<string> {
  if (!existsSync(FERRETDB_BUILD_SCRIPT)) throw new Error(`no build script at ${FERRETDB_BUILD_SCRIPT}`);
  const stdout = await new Promise<string>((done, fail) => {
    const child = execFile(FERRETDB_BUILD_SCRIPT, { encoding: 'utf8', maxBuffer: 1 << 20 }, (error, out) => (error ? fail(error) : done(out)));
    child.stderr?.pipe(log, { end: false });
  });
  const binary = stdout.trim().split('\n').pop();
  if (!binary || !existsSync(binary)) throw new Error('the FerretDB build reported no binary');
  return binary;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startFerretdb(binary: string, dataDir: string): Promise<RunningServer> {
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--handler=sqlite', `--sqlite-url=file:${dataDir.endsWith('/') ? dataDir : `${dataDir}/`}`,
      `--listen-addr=127.0.0.1:${port}`, '--debug-addr=-', '--state-dir=-', '--telemetry=disable', '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  await waitForPort(port, child, () => stderr);
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    stop: () => stopChild(child),
  };
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ferretdb exited with code ${child.exitCode}: ${stderr()}`);
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`ferretdb did not listen on port ${port} within 15 s: ${stderr()}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
