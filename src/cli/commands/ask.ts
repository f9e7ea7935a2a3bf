/**
 * `penny ask "QUESTION" [--as-of YYYY-MM-DD] [--json]`: a question in people's words, answered
 * like in Slack (the model when OPENAI_API_KEY is set, else the offline parser). Exit 0 when
 * answered, 1 when Penny declined (the reason and close names are printed), 2 for usage errors.
 */
import { Command } from 'commander';
import { askJson } from '../../answers/ask';
import { isDay } from '../../domain/days';
import { AppError } from '../../domain/errors';
import { askRefusalText, askText } from '../../console/text/ask-text';
import { checkThenRun } from '../checked-command';
import { EXIT, type CliIo } from '../runtime';

interface AskOptions {
  asOf?: string;
  json?: boolean;
}

export function askCommand(io: CliIo): Command {
  return new Command('ask')
    .description('Ask about costs in your own words, e.g. penny ask "what did EC2 cost us last week?"')
    .argument('<question...>', 'the question (quote it, or type it after the options)')
    .option('--as-of <YYYY-MM-DD>', 'read relative periods ("last month") as if today were this date')
    .option('--json', 'print {"answer", "query", "total", "groups"}; amounts are exact decimal strings')
    .action(async (words: string[], opts: AskOptions) => {
      io.exit(await runAsk(io, words.join(' '), opts));
    });
}

export async function runAsk(io: CliIo, question: string, opts: AskOptions): Promise<number> {
  return checkThenRun(
    io,
    () => {
      if (opts.asOf !== undefined && !isDay(opts.asOf)) throw new AppError('QUERY_INVALID', `--as-of takes a day as YYYY-MM-DD, not "${opts.asOf}".`);
      if (!question.trim()) throw new AppError('QUERY_INVALID', 'Ask a question, e.g. penny ask "what did we spend last month?"');
      return { question: question.trim(), ...(opts.asOf ? { asOf: opts.asOf } : {}) };
    },
    async (core, request) => {
      const answer = await core.questions.answer(request);
      if (opts.json) io.out(`${JSON.stringify(askJson(answer))}\n`);
      else io.out(`${answer.kind === 'ask' ? askText(answer) : askRefusalText(answer)}\n`);
      return answer.kind === 'ask' ? EXIT.ok : EXIT.failed;
    },
  );
}
