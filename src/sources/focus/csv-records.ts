/**
 * CSV records (RFC 4180) from a stream of lines, with recovery at line granularity.
 *
 * Why not a CSV library: the streaming parsers tried (csv-parse with skip_records_with_error)
 * lose every line after a broken quote, because they cannot find the next record again. Billing
 * exports must lose only the broken line. Records are framed here by quote parity, so a line
 * whose quote never closes is rejected alone and reading resumes on the next line.
 */
export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
}

export interface CsvProblem {
  line: number;
  message: string;
}

/** A quoted field may span lines, but not more than this; past it, the quote is taken as broken. */
const MAX_RECORD_LINES = 64;

export async function* csvRecords(lines: AsyncIterable<string>, onProblem: (p: CsvProblem) => void): AsyncGenerator<CsvRecord> {
  let lineNo = 0;
  let pending: { text: string; line: number }[] = [];
  let quotes = 0;

  function* frame(text: string, line: number): Generator<CsvRecord> {
    if (pending.length === 0 && text.length === 0) return;
    pending.push({ text, line });
    quotes += countQuotes(text);
    if (quotes % 2 === 0) {
      const first = pending[0]!;
      const joined = pending.length === 1 ? first.text : pending.map((p) => p.text).join('\n');
      pending = [];
      quotes = 0;
      const fields = splitRecord(joined);
      if (typeof fields === 'string') onProblem({ line: first.line, message: fields });
      else yield { fields, line: first.line };
      return;
    }
    if (pending.length >= MAX_RECORD_LINES) yield* abandonFirst();
  }

  /** The first pending line opened a quote that never closed: reject it, re-read the rest. */
  function* abandonFirst(): Generator<CsvRecord> {
    const [first, ...rest] = pending;
    pending = [];
    quotes = 0;
    onProblem({ line: first!.line, message: 'a quoted field is never closed' });
    for (const p of rest) yield* frame(p.text, p.line);
  }

  for await (const raw of lines) {
    lineNo += 1;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    yield* frame(text, lineNo);
  }
  while (pending.length > 0) yield* abandonFirst();
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n += 1;
  return n;
}

/** Splits one complete record into fields, or returns why it cannot. */
export function splitRecord(text: string): string[] | string {
  if (text.indexOf('"') === -1) return text.split(',');
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  while (true) {
    if (text.charCodeAt(i) === 34 /* " */) {
      let value = '';
      let j = i + 1;
      while (true) {
        const q = text.indexOf('"', j);
        if (q === -1) return 'a quoted field is never closed';
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === n) return fields;
      if (text.charCodeAt(i) !== 44 /* , */) return 'a quote is not followed by a comma or the end of the line';
      i += 1;
    } else {
      const comma = text.indexOf(',', i);
      if (comma === -1) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, comma));
      i = comma + 1;
    }
    if (i === n) {
      fields.push('');
      return fields;
    }
  }
}
