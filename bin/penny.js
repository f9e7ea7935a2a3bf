#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm ci` through `prepare`).
try {
  require.resolve('../dist/cli/main.js');
} catch {
  process.stderr.write('penny: the build is missing. Run `npm run build` first.\n');
  process.exit(1);
}
require('../dist/cli/main.js').main(process.argv.slice(2));
