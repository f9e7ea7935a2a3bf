/**
 * The `penny` command line.
 */
import { Command, CommanderError } from 'commander';
import { askCommand } from './commands/ask';
import { consoleCommand } from './commands/console';
import { costCommand } from './commands/cost';
import { demoCommand } from './commands/demo';
import { importCommand } from './commands/import';
import { syncCommand } from './commands/sync';
import { tokenCommand } from './commands/token';
import { projectCommand } from './commands/project';
import { reportCommand } from './commands/report';
import { anomaliesCommand } from './commands/anomalies';
import { budgetCommand } from './commands/budget';
import { forecastCommand } from './commands/forecast';
import { recommendCommand } from './commands/recommend';
import { simulateCommand } from './commands/simulate';
import { EXIT, processIo, type CliIo } from './runtime';

export function buildProgram(io: CliIo): Command {
  const program = new Command('penny')
    .description('Penny: cloud costs from AWS, GCP, Azure and FOCUS exports, in Slack and here')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  program.addCommand(costCommand(io));
  program.addCommand(importCommand(io));
  program.addCommand(demoCommand(io));
  program.addCommand(consoleCommand(io));
  program.addCommand(syncCommand(io));
  program.addCommand(tokenCommand(io));
  program.addCommand(projectCommand(io));
  program.addCommand(reportCommand(io));
  program.addCommand(askCommand(io));
  program.addCommand(anomaliesCommand(io));
  program.addCommand(budgetCommand(io));
  program.addCommand(forecastCommand(io));
  program.addCommand(recommendCommand(io));
  program.addCommand(simulateCommand(io));
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}

/** Runs the CLI and returns its exit code. */
export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const recording: CliIo = { ...io, exit: (c) => (code = c) };
  try {
    await buildProgram(recording).parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
  return code;
}

export async function main(argv: string[]): Promise<void> {
  process.exitCode = await run(argv);
}
