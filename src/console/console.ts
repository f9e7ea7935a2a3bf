/**
 * The local console: type the same `/cost …` text as in Slack and read the answer as text.
 * Charts are rendered locally and saved as PNG files, report files next to them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Answer, DigestAnswer, HomeAnswer } from '../answers/types';
import type { CommandRouter } from '../commands/command-router';
import type { ChartRenderer } from '../ports/chart-renderer';
import { answerText, type AnswerTextExtras } from './text/answer-text';

export interface ConsoleOptions {
  router: CommandRouter;
  /** Renders charts as PNG files. */
  charts: ChartRenderer;
  input: Readable;
  output: Writable;
  /** Where charts and report files are written. */
  outputDir: string;
  prompt?: boolean;
  /** Views that have no command in Slack (the Home tab, a channel digest), shown as `:home`, `:digest`. */
  previews?: Record<string, () => Promise<HomeAnswer | DigestAnswer>>;
}

const BANNER =
  'Type a /cost command as you would in Slack (try "/cost help", "/cost top service last month"),\n' +
  'or ask in your own words ("what did EC2 cost last week?"); a next line like "by region" refines it.\n' +
  'Also ":home" for the App Home dashboard and ":digest" for today\'s channel digest. "exit" or Ctrl-D quits.\n';

export async function runConsole(options: ConsoleOptions): Promise<number> {
  const { router, input, output } = options;
  const outDir = resolve(options.outputDir);
  const rl = createInterface({ input, output: options.prompt ? output : undefined, terminal: Boolean(options.prompt) });
  output.write(BANNER);
  if (options.prompt) rl.setPrompt('penny> ');
  rl.prompt?.();
  let answered = 0;
  // The session is one conversation: a line can refine the question before it.
  const thread = { channel: 'console', thread: `${process.pid}-${Date.now()}` };
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'exit' || text === 'quit') break;
    const preview = options.previews?.[text.slice(1)];
    if (text.startsWith(':') && preview) {
      output.write(`${await show(await preview(), options.charts, outDir)}\n`);
    } else if (text) {
      // Whoever runs the console has the database itself: an admin.
      const result = await router.run(text.replace(/^\/cost\b\s*/i, ''), { channelId: 'console', userId: 'console', thread, role: async () => 'admin' });
      const note = result.openDigestSettings ? '\n  (In Slack this opens the digest settings form.)' : '';
      output.write(`${await show(result.answer, options.charts, outDir)}${note}\n`);
      answered += 1;
    }
    if (options.prompt) rl.prompt();
  }
  rl.close();
  return answered;
}

/** The answer as text, with its chart and report file saved first so the text can point at them. */
async function show(answer: Answer | HomeAnswer | DigestAnswer, charts: ChartRenderer, outDir: string): Promise<string> {
  const extras: AnswerTextExtras = {};
  if ('chart' in answer && answer.chart) {
    const chart = await charts.render(answer.chart).catch(() => undefined);
    if (chart?.type === 'png') extras.chartPath = save(outDir, chart.filename, chart.png);
  }
  if (answer.kind === 'report') extras.filePath = save(outDir, answer.filename, answer.content);
  return answerText(answer, extras);
}

function save(dir: string, filename: string, data: Buffer | string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, filename.replace(/[^\w.-]/g, '_'));
  writeFileSync(path, data);
  return path;
}
