/** `penny token create --role admin|finance|viewer [--ttl 30d] [--subject NAME]`: prints one API token. */
import { Command } from 'commander';
import { createTokens } from '../../composition';
import { loadConfig } from '../../config/config';
import { withFileSecrets } from '../../config/secrets';
import { parseTtl } from '../../domain/duration';
import { AppError } from '../../domain/errors';
import { parseRole } from '../../domain/roles';
import { EXIT, reportError, type CliIo } from '../runtime';

const MAX_TTL_DAYS = 366;

interface CreateOptions {
  role: string;
  ttl: string;
  subject: string;
}

export function tokenCommand(io: CliIo): Command {
  const create = new Command('create')
    .description('Create an API token (JWT) and print it as one line')
    .requiredOption('--role <role>', 'admin, finance or viewer')
    .option('--ttl <duration>', `how long it is valid: 30d, 12h, 90m, 2w (at most ${MAX_TTL_DAYS}d)`, '30d')
    .option('--subject <name>', 'who or what the token is for (shown in logs)', 'api-client')
    .action(async (opts: CreateOptions) => io.exit(await createToken(io, opts)))
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  return new Command('token').description('API tokens for the REST API (/api/v1)').addCommand(create);
}

async function createToken(io: CliIo, opts: CreateOptions): Promise<number> {
  try {
    const role = parseRole(opts.role);
    if (!role) throw new AppError('QUERY_INVALID', `--role must be admin, finance or viewer, not "${opts.role}".`);
    const ttlSeconds = parseTtl(opts.ttl);
    if (!ttlSeconds || ttlSeconds > MAX_TTL_DAYS * 86_400) throw new AppError('QUERY_INVALID', `--ttl must be a duration like 30d, 12h or 2w, at most ${MAX_TTL_DAYS}d; "${opts.ttl}" is not.`);
    const subject = opts.subject.trim();
    if (!subject) throw new AppError('QUERY_INVALID', '--subject must not be empty.');
    const token = await createTokens(loadConfig(withFileSecrets(io.env))).issue({ role, subject, ttlSeconds });
    io.out(`${token}\n`);
    return EXIT.ok;
  } catch (error) {
    return reportError(io, undefined, error);
  }
}
