/**
 * A FerretDB server of the fault tests' own, on its own port and data directory, which a test
 * may kill (SIGKILL), freeze (SIGSTOP: it still accepts connections but answers nothing), and
 * start again on the same port and data. dispose() leaves no process and no directory behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFerretdb, freePort } from '../../../src/store/ferretdb-process';

export interface FerretServer {
  readonly port: number;
  /** A URI for database `db` on this server. */
  uri(db: string): string;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data. */
  restart(): Promise<void>;
  /** SIGSTOP: connections are still accepted, nothing is answered. */
  freeze(): void;
  thaw(): void;
  dispose(): Promise<void>;
}

export async function startFerretServer(): Promise<FerretServer> {
  const binary = findFerretdb(process.env.PENNY_FERRETDB_BIN);
  if (!binary) throw new Error('The fault tests need a FerretDB binary: run .ci/build-ferretdb.sh (or set PENNY_FERRETDB_BIN).');
  const dataDir = mkdtempSync(join(tmpdir(), 'penny-faults-db-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let frozen = false;

  const start = async () => {
    const proc = spawn(binary, [
      '--handler=sqlite', `--sqlite-url=file:${dataDir}/`, `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-', '--state-dir=-', '--telemetry=disable', '--log-level=error',
    ], { stdio: 'ignore' });
    child = proc;
    const deadline = Date.now() + 15_000;
    while (!(await canConnect(port))) {
      if (proc.exitCode !== null) throw new Error(`ferretdb exited with code ${proc.exitCode}`);
      if (Date.now() > deadline) throw new Error(`ferretdb did not listen on ${port} within 15 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const kill = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await gone;
    frozen = false;
  };

  await start();
  return {
    port,
    uri: (db) => `mongodb://127.0.0.1:${port}/${db}`,
    kill,
    restart: start,
    freeze: () => {
      child?.kill('SIGSTOP');
      frozen = true;
    },
    thaw: () => {
      child?.kill('SIGCONT');
      frozen = false;
    },
    dispose: async () => {
      if (frozen) child?.kill('SIGCONT');
      await kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
