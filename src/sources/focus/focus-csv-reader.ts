/**
 * Streams a FOCUS CSV (plain or gzip). A malformed line is reported with its line number and
 * skipped; the rest of the file is read.
 */
import { createInterface } from 'node:readline';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../domain/errors';
import type { CostFileReader, CostRowSink, ImportInput } from '../../ports/cost-file-reader';
import { csvRecords } from './csv-records';
import { mapHeader } from './focus-columns';
import { parseRow, RowContext } from './focus-row';

export class FocusCsvReader implements CostFileReader {
  constructor(private readonly source = 'focus') {}

  async read(input: ImportInput, sink: CostRowSink): Promise<{ rows: number }> {
    const counted = countBytes(input.open(), sink);
    const decoded = await maybeGunzip(counted, input.name);
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
          ctx = new RowContext(mapHeader(fields), fields.length, this.source);
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
    if (!ctx) throw new AppError('IMPORT_HEADER_INVALID', `${input.name} is empty: it has no FOCUS header line.`);
    return { rows };
  }
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

/** Gzip is recognised by its magic bytes, whatever the file is called. */
async function maybeGunzip(stream: Readable, name: string): Promise<Readable> {
  const first = await firstChunk(stream);
  if (first) stream.unshift(first);
  if (first && first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b) {
    const gunzip = createGunzip();
    stream.on('error', (e) => gunzip.destroy(e));
    return stream.pipe(gunzip);
  }
  if (name.endsWith('.gz') && first) throw new AppError('IMPORT_FILE_UNREADABLE', `${name} ends in .gz but is not gzip data.`);
  return stream;
}

function firstChunk(stream: Readable): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const onReadable = () => {
      const chunk = stream.read() as Buffer | null;
      if (chunk !== null || stream.readableEnded) {
        cleanup();
        resolve(chunk ?? undefined);
      }
    };
    const onEnd = () => {
      cleanup();
      resolve(undefined);
    };
    const onError = (e: Error) => {
      cleanup();
      reject(new AppError('IMPORT_FILE_UNREADABLE', `Could not read the file: ${e.message}`, { cause: e }));
    };
    const cleanup = () => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}
