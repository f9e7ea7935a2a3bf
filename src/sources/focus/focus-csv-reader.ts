/**
 * Streams a FOCUS CSV (plain or gzip) through csv-parse. A malformed line is reported with its
 * line number and skipped; the rest of the file is read.
 */
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse, type CsvError } from 'csv-parse';
import { AppError } from '../../domain/errors';
import type { CostFileReader, CostRowSink, ImportInput } from '../../ports/cost-file-reader';
import { mapHeader } from './focus-columns';
import { parseRow, RowContext } from './focus-row';

export class FocusCsvReader implements CostFileReader {
  constructor(private readonly source = 'focus') {}

  async read(input: ImportInput, sink: CostRowSink): Promise<{ rows: number }> {
    const raw = input.open();
    const counted = countBytes(raw, sink);
    const decoded = await maybeGunzip(counted, input.name);
    const parser = parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err: CsvError | undefined) => {
        if (err) sink.reject(Number(err.lines ?? 0), describeCsvError(err));
        rows += 1;
        return undefined;
      },
    });
    let ctx: RowContext | undefined;
    let rows = 0;
    try {
      decoded.on('error', (e) => parser.destroy(e));
      for await (const item of decoded.pipe(parser) as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (!ctx) {
          ctx = new RowContext(mapHeader(item.record), item.record.length, this.source);
          continue;
        }
        rows += 1;
        const result = parseRow(item.record, ctx);
        if (!result.ok) sink.reject(item.info.lines, result.message);
        else {
          sink.row(result.dims, result.day, result.amounts);
          if (result.warning) sink.warn(item.info.lines, result.warning);
        }
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('IMPORT_FILE_UNREADABLE', `Could not read ${input.name}: ${(error as Error).message}`, { cause: error });
    }
    if (!ctx) throw new AppError('IMPORT_HEADER_INVALID', `${input.name} is empty: it has no FOCUS header line.`);
    return { rows };
  }
}

function describeCsvError(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quote is not followed by a comma or the end of the line';
    default:
      return err.message.replace(/^Invalid [^:]+: /, '');
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
