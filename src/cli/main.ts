/**
 * The `penny` command line.
 */
import { Command, CommanderError } from 'commander';
import { costCommand } from './commands/cost';
import { demoCommand } from './commands/demo';
import { importCommand } from './commands/import';
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
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<void> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    throw error;
  }
}
