/**
 * The local console: type the same `/cost …` text as in Slack and read the answer as text.
 * Charts are saved as PNG files and report files next to them, with their paths printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandRouter } from '../commands/command-router';
import type { Reply } from '../commands/reply';
import { renderMessageText } from './render-text';

export interface ConsoleOptions {
  router: CommandRouter;
  input: Readable;
  output: Writable;
  /** Where charts and report files are written. */
  outputDir: string;
  prompt?: boolean;
  /** Views that have no command in Slack (the Home tab, a channel digest), shown as `:home`, `:digest`. */
  previews?: Record<string, () => Promise<string>>;
}

const BANNER =
  'Type a /cost command as you would in Slack (try "/cost help", "/cost top service last month").\n' +
  'Also ":home" for the App Home dashboard and ":digest" for today\'s channel digest. "exit" or Ctrl-D quits.\n';

export async function runConsole(options: ConsoleOptions): Promise<number> {
  const { router, input, output } = options;
  const outDir = resolve(options.outputDir);
  const rl = createInterface({ input, output: options.prompt ? output : undefined, terminal: Boolean(options.prompt) });
  const write = (text: string) => output.write(text);
  write(BANNER);
  if (options.prompt) rl.setPrompt('penny> ');
  rl.prompt?.();
  let answered = 0;
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'exit' || text === 'quit') break;
    const preview = options.previews?.[text.slice(1)];
    if (text.startsWith(':') && preview) {
      write(`${await preview()}\n`);
    } else if (text) {
      const reply = await router.run(text.replace(/^\/cost\b\s*/i, ''), { channelId: 'console', userId: 'console' });
      write(`${answerText(reply, outDir)}\n`);
      answered += 1;
    }
    if (options.prompt) rl.prompt();
  }
  rl.close();
  return answered;
}

function answerText(reply: Reply, outDir: string): string {
  let chartPath: string | undefined;
  const notes: string[] = [];
  if (reply.png) {
    chartPath = save(outDir, reply.png.filename, reply.png.data);
    notes.push(`Chart saved: ${chartPath}`);
  }
  if (reply.file) notes.push(`Report saved: ${save(outDir, reply.file.filename, reply.file.content)}`);
  if (reply.openDigestSettings) notes.push('(In Slack this opens the digest settings form.)');
  return [renderMessageText(reply.message, { chartPath }), ...notes].join('\n');
}

function save(dir: string, filename: string, data: Buffer | string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, filename.replace(/[^\w.-]/g, '_'));
  writeFileSync(path, data);
  return path;
}
