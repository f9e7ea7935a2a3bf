/** Runs `penny … --json` in-process against a test database and returns its parsed JSON (exit 0 expected). */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/main';

export async function cliJson(dbUri: string, argv: string[]): Promise<unknown> {
  const out: string[] = [];
  const code = await run([...argv, '--json'], {
    out: (t) => void out.push(t), err: () => undefined, isTTY: false, env: { MONGODB_URI: dbUri, PENNY_TIMEZONE: 'UTC' }, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false,
  });
  expect(code).toBe(0);
  return JSON.parse(out.join(''));
}
