import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { LocalPngRenderer } from '../../charts';
import { createCommandRouter, type Core } from '../../composition';
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
  const { router } = await createCommandRouter(core, new LocalPngRenderer());
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      io.out(chunk.toString());
      done();
    },
  });
  await runConsole({ router, input: io.stdin, output, outputDir: join(core.config.dataDir, 'charts'), prompt: io.stdinIsTTY });
  return EXIT.ok;
}
