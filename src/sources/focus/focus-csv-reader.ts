/**
 * Streams a FOCUS CSV (plain or gzip). A malformed line is reported with its line number and
 * skipped; the rest of the file is read. A file that is not CSV text, or whose header lacks
 * FOCUS columns, is refused before any row is read.
 */
import { createInterface } from 'node:readline';
import { Readable, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../domain/errors';
import type { CostFileReader, CostRowSink, ImportInput } from '../../ports/cost-file-reader';
import { csvRecords, splitRecord } from './csv-records';
import { mapHeader } from './focus-columns';
import { parseRow, RowContext } from './focus-row';

export class FocusCsvReader implements CostFileReader {
  constructor(private readonly source = 'focus') {}

  async read(input: ImportInput, sink: CostRowSink): Promise<{ rows: number }> {
    const decoded = await openText(countBytes(input.open(), sink), input.name);
    const lines = createInterface({ input: decoded, crlfDelay: Infinity });
    let ctx: RowContext | undefined;
    let rows = 0;
    try {
      const records = csvRecords(lines, (problem) => {
        rows += 1;
        sink.reject(problem.line, problem.message);
      });
      for await (const { fields, line } of records) {
        if (!ctx) {
          ctx = new RowContext(mapHeader(fields, input.name), fields.length, this.source);
          continue;
        }
        rows += 1;
        const result = parseRow(fields, ctx);
        if (!result.ok) sink.reject(line, result.message);
        else {
          sink.row(result.dims, result.day, result.amounts);
          if (result.warning) sink.warn(line, result.warning);
        }
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('IMPORT_FILE_UNREADABLE', `Could not read ${input.name}: ${(error as Error).message}`, { cause: error });
    } finally {
      lines.close();
    }
    if (!ctx) throw emptyFile(input.name);
    return { rows };
  }

  async check(input: ImportInput): Promise<void> {
    const raw = input.open();
    try {
      const header = await firstLine(await openText(raw, input.name));
      if (header === undefined) throw emptyFile(input.name);
      const fields = splitRecord(header);
      mapHeader(typeof fields === 'string' ? [] : fields, input.name);
    } finally {
      raw.destroy();
    }
  }
}

/** The first line of a text stream, reading no further than it (or 1 MB). */
async function firstLine(text: Readable): Promise<string | undefined> {
  const decoder = new StringDecoder('utf8');
  let start = '';
  for await (const chunk of text) {
    start += decoder.write(chunk as Buffer);
    const end = start.indexOf('\n');
    if (end >= 0) return start.slice(0, end).replace(/\r$/, '');
    if (start.length > 1 << 20) return start;
  }
  start += decoder.end();
  return start.length > 0 ? start : undefined;
}

function emptyFile(name: string): AppError {
  return new AppError('IMPORT_HEADER_INVALID', `${name} does not look like a FOCUS file: it is empty.`);
}

function countBytes(raw: Readable, sink: CostRowSink): Readable {
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      sink.bytes(total);
      done(null, chunk);
    },
  });
  raw.on('error', (e) => counter.destroy(e));
  return raw.pipe(counter);
}

/** The file as text: gunzipped when it is gzip, refused when it is not text at all. */
async function openText(stream: Readable, name: string): Promise<Readable> {
  const decoded = await maybeGunzip(stream, name);
  const { first, all } = await peek(decoded);
  const problem = first && notText(first);
  if (problem) throw new AppError('IMPORT_HEADER_INVALID', `${name} does not look like a FOCUS file: ${problem}.`);
  return all;
}

/** CSV text never holds a NUL byte; programs, images and archives almost always do early on. */
function notText(start: Buffer): string | undefined {
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) return 'it is UTF-16 text; save it as UTF-8 CSV';
  if (start.includes(0)) return 'it is binary data, not CSV text';
  return undefined;
}

/** Gzip is recognised by its magic bytes, whatever the file is called. */
async function maybeGunzip(stream: Readable, name: string): Promise<Readable> {
  const { first, all } = await peek(stream);
  if (first && first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b) {
    const gunzip = createGunzip();
    all.on('error', (e) => gunzip.destroy(e));
    return all.pipe(gunzip);
  }
  if (name.endsWith('.gz') && first) throw new AppError('IMPORT_FILE_UNREADABLE', `${name} ends in .gz but is not gzip data.`);
  return all;
}

/**
 * The first chunk of a stream, and a stream of all of it again. Not `unshift()`: on a short
 * stream that has already ended, an unshifted chunk is lost.
 */
async function peek(stream: Readable): Promise<{ first?: Buffer; all: Readable }> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head = await chunks.next().catch((e: Error) => {
    throw new AppError('IMPORT_FILE_UNREADABLE', `Could not read the file: ${e.message}`, { cause: e });
  });
  const first = head.done ? undefined : head.value;
  async function* again(): AsyncGenerator<Buffer> {
    try {
      if (first) yield first;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    } finally {
      await chunks.return?.();
    }
  }
  return { first, all: Readable.from(again(), { objectMode: false }) };
}
