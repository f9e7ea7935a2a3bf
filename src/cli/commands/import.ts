import { Command } from 'commander';
import type { ImportProgress, ImportSummary } from '../../services/focus-import';
import { checkThenRun } from '../checked-command';
import { checkedInputs } from '../import-files';
import { EXIT, type CliIo } from '../runtime';
import { watchStopRequests } from '../stop-requests';

export function importCommand(io: CliIo): Command {
  return new Command('import')
    .description('Import FOCUS billing export files (.csv or .csv.gz). Parts of one export go in one command.')
    .argument('<files...>', 'FOCUS 1.0+ CSV files, plain or gzip')
    .option('--json', 'print a JSON summary')
    .option('--strict', 'write nothing if any line is rejected')
    .action(async (files: string[], opts: { json?: boolean; strict?: boolean }) => {
      io.exit(await runImport(io, files, opts));
    });
}

export async function runImport(io: CliIo, files: string[], opts: { json?: boolean; strict?: boolean }): Promise<number> {
  // SIGINT/SIGTERM/SIGHUP or the launcher's death stop the import cleanly (its lease given back);
  // only the real process may be exited when stopping takes too long.
  const stop = watchStopRequests(io.ownsProcess ? { exit: (code) => process.exit(code), watchParent: true } : {});
  try {
    const code = await checkThenRun(io, () => checkedInputs(files), async (core, inputs) => {
      const progress = io.isTTY && !opts.json ? progressPrinter(io) : undefined;
      const notice = (text: string) => io.err(`${progress ? '\r\u001b[K' : ''}penny: ${text}\n`);
      const summary = await core.imports.import(inputs, { strict: opts.strict, onProgress: progress, onNotice: notice, signal: stop.signal });
      if (progress) io.err('\r\u001b[K');
      io.out(opts.json ? `${JSON.stringify(importJson(summary))}\n` : importText(summary));
      return summary.rejected > 0 ? EXIT.partial : EXIT.ok;
    }, { json: opts.json });
    return code === EXIT.failed ? (stop.exitCode() ?? code) : code;
  } finally {
    stop.dispose();
  }
}

/** The JSON contract: {"rows","imported","rejected","errors":[{"line","message"}]} plus extras. */
export function importJson(s: ImportSummary): Record<string, unknown> {
  return {
    rows: s.rows,
    imported: s.imported,
    rejected: s.rejected,
    errors: s.errors,
    errorsOmitted: s.errorsOmitted,
    records: s.records,
    inserted: s.inserted,
    replaced: s.replaced,
    unchanged: s.unchanged,
    written: s.written,
    warnings: s.warnings,
    files: s.files,
    importId: s.importId,
  };
}

const n = (v: number) => v.toLocaleString('en-US');

function importText(s: ImportSummary): string {
  const lines = [
    `Read ${s.rows.toLocaleString('en-US')} rows from ${s.files.join(', ')}: ${s.imported.toLocaleString('en-US')} imported, ${s.rejected.toLocaleString('en-US')} rejected.`,
    s.written
      ? `Folded into ${n(s.records)} daily cost records: ${n(s.inserted)} new, ${n(s.replaced)} changed, ${n(s.unchanged)} already stored as they are.`
      : 'Nothing was written (--strict and some lines were rejected).',
  ];
  for (const e of s.errors) lines.push(`  ${e.file ? `${e.file}:` : 'line '}${e.line}: ${e.message}`);
  if (s.errorsOmitted > 0) lines.push(`  … and ${s.errorsOmitted} more rejected lines.`);
  for (const w of s.warnings.slice(0, 10)) lines.push(`  warning, ${w.file ? `${w.file}:` : 'line '}${w.line}: ${w.message}`);
  return `${lines.join('\n')}\n`;
}

function progressPrinter(io: CliIo): (p: ImportProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 200 && p.phase === 'reading') return;
    last = now;
    const pct = p.bytesTotal ? ` (${Math.min(100, Math.round((p.bytesRead / p.bytesTotal) * 100))}%)` : '';
    const text = p.phase === 'reading' ? `Reading ${p.file}: ${p.rows.toLocaleString('en-US')} rows${pct}` : `Writing daily records (${p.bytesTotal ? Math.round((p.bytesRead / p.bytesTotal) * 100) : 0}%)…`;
    io.err(`\r\u001b[K${text}`);
  };
}
