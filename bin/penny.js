#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm ci` through `prepare`).
const { spawn } = require('node:child_process');

try {
  require.resolve('../dist/cli/main.js');
} catch {
  process.stderr.write('penny: the build is missing. Run `npm run build` first.\n');
  process.exit(1);
}

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15, SIGKILL: 9, SIGABRT: 6 };

// An import folds one day at a time, so its live memory stays small; capping V8's heap keeps
// the process's memory small too (V8 otherwise lets garbage pile up to hundreds of MB).
const HEAP_FLAG = /--max-old-space-size/;
const capped = HEAP_FLAG.test(process.env.NODE_OPTIONS || '') || process.execArgv.some((a) => HEAP_FLAG.test(a));
if (process.argv[2] === 'import' && !capped) {
  const mb = Number(process.env.PENNY_IMPORT_HEAP_MB || 256);
  if (!Number.isInteger(mb) || mb < 64) {
    process.stderr.write('penny: PENNY_IMPORT_HEAP_MB must be a whole number of megabytes, at least 64.\n');
    process.exit(1);
  }
  // The import runs in a child with the capped heap. Stop signals sent to this launcher are passed
  // on, and the IPC channel closes if the launcher dies (even of SIGKILL): the child then stops
  // cleanly instead of writing on as an orphan (src/cli/stop-requests.ts).
  const child = spawn(process.execPath, [`--max-old-space-size=${mb}`, __filename, ...process.argv.slice(2)], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    process.stderr.write(`penny: could not start the import process: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (status, signal) => {
    if (signal === 'SIGABRT' || status === 134) {
      process.stderr.write(`penny: the import needed more memory than PENNY_IMPORT_HEAP_MB=${mb} allows (a file with very many distinct resources). Raise it and run again; nothing already stored was lost.\n`);
      process.exit(1);
    }
    process.exit(status ?? 128 + (SIGNAL_NUMBERS[signal] || 0));
  });
} else {
  require('../dist/cli/main.js')
    .main(process.argv.slice(2))
    .then(() => {
      // The answer is out; nothing may keep the process waiting (a stuck socket, a stray timer).
      setTimeout(() => process.exit(), 2_000).unref();
    });
}
