import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { LocalPngRenderer } from '../../charts';
import { createCommandRouter, type Core } from '../../composition';
import { runConsole } from '../../console/console';
import { renderMessageText, renderViewText } from '../../console/render-text';
import { digestMessage, homeView } from '../../slack/blocks';
import { EXIT, withCore, type CliIo } from '../runtime';

export function consoleCommand(io: CliIo): Command {
  return new Command('console')
    .description('Try Penny locally: type /cost commands and read the answers; charts are saved as PNG files')
    .action(async () => {
      io.exit(await withCore(io, (core) => startConsole(core, io)));
    });
}

export async function startConsole(core: Core, io: CliIo): Promise<number> {
  const charts = new LocalPngRenderer();
  const { router, views } = await createCommandRouter(core, charts);
  const previews = {
    home: async () => renderViewText(homeView(await views.home())),
    digest: async () => renderMessageText(digestMessage(await views.digest(core.costs.today(), []))),
  };
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      io.out(chunk.toString());
      done();
    },
  });
  await runConsole({ router, input: io.stdin, output, outputDir: join(core.config.dataDir, 'charts'), prompt: io.stdinIsTTY, previews });
  return EXIT.ok;
}
