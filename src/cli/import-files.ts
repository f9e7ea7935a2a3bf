/**
 * The files named to `penny import`, checked before the database starts: each must exist, be a
 * readable file, and look like FOCUS. Errors name the file as it was typed, in plain words.
 */
import { closeSync, createReadStream, openSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError, isAppError } from '../domain/errors';
import type { CostFileReader, ImportInput } from '../ports/cost-file-reader';

export async function checkedInputs(paths: string[], reader?: CostFileReader): Promise<ImportInput[]> {
  const sizes = paths.map(readableFileSize);
  // Loaded only now: the composition brings the database stack (about a second to load), and a
  // missing file should be reported before that.
  const check = reader ?? (await import('../composition.js')).costFileReader();
  for (const [i, path] of paths.entries()) await check.check({ name: path, size: sizes[i], open: () => createReadStream(path) });
  return paths.map((path, i) => ({ name: basename(path), size: sizes[i], open: () => createReadStream(path) }));
}

function readableFileSize(path: string): number {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw cannotRead(path, 'it is a folder');
    if (!stat.isFile()) throw cannotRead(path, 'it is not a regular file');
    closeSync(openSync(path, 'r')); // permissions: stat alone does not tell
    return stat.size;
  } catch (error) {
    if (isAppError(error)) throw error;
    throw cannotRead(path, plainReason(error as NodeJS.ErrnoException), error);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
};

/** "EIO: i/o error, open '/x'" → "i/o error" when the code has no plain words here. */
function plainReason(error: NodeJS.ErrnoException): string {
  return REASONS[error.code ?? ''] ?? error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}

function cannotRead(path: string, reason: string, cause?: unknown): AppError {
  return new AppError('IMPORT_FILE_UNREADABLE', `cannot read ${path}: ${reason}`, { cause });
}
