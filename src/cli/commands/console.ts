import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import type { Core } from '../../composition';
import { runConsole } from '../../console/console';
import { EXIT, withCore, type CliIo } from '../runtime';

export function consoleCommand(io: CliIo): Command {
  return new Command('console')
    .description('Try Penny locally: type /cost commands and read the answers; charts are saved as PNG files')
    .action(async () => {
      io.exit(await withCore(io, (core) => startConsole(core, io)));
    });
}

export async function startConsole(core: Core, io: CliIo): Promise<number> {
  const previews = {
    home: async () => ({ ...(await core.answers.home({ sources: await core.sync.status(core.config.cloud.sources) })), watchdog: await core.watchdog.summary(core.watchdog.today()) }),
    digest: async () => ({ ...(await core.answers.digest(core.costs.today(), [])), watchdog: await core.watchdog.summary(core.watchdog.today()) }),
  };
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      io.out(chunk.toString());
      done();
    },
  });
  const outputDir = join(core.config.dataDir, 'charts');
  await runConsole({ router: core.router, charts: core.charts('local'), input: io.stdin, output, outputDir, prompt: io.stdinIsTTY, previews });
  return EXIT.ok;
}
