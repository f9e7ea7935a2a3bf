/**
 * A generated FOCUS file for the fault tests, and what an import of it must store, computed by
 * the independent oracle (test/support/focus-oracle.ts: its own CSV reader, decimal sums).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFocusCsv } from '../../../bench/focus-csv-writer';
import { exact, readFocusRows } from '../../support/focus-oracle';

export interface FocusFile {
  path: string;
  rows: number;
  /** Billed cost at 1e-12 per month (YYYY-MM) and per service. */
  byMonth: Map<string, bigint>;
  byService: Map<string, bigint>;
  firstDay: string;
  lastDay: string;
  dispose(): void;
}

export async function focusFile(rows: number): Promise<FocusFile> {
  const dir = mkdtempSync(join(tmpdir(), 'penny-faults-csv-'));
  const path = join(dir, `focus-${rows}.csv`);
  await writeFocusCsv(path, rows);
  const parsed = readFocusRows(path);
  const byMonth = new Map<string, bigint>();
  const byService = new Map<string, bigint>();
  let firstDay = '9999-12-31';
  let lastDay = '0000-01-01';
  for (const r of parsed) {
    const day = r.ChargePeriodStart!.slice(0, 10);
    const billed = exact(r.BilledCost!);
    byMonth.set(day.slice(0, 7), (byMonth.get(day.slice(0, 7)) ?? 0n) + billed);
    byService.set(r.ServiceName!, (byService.get(r.ServiceName!) ?? 0n) + billed);
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  }
  return { path, rows: parsed.length, byMonth, byService, firstDay, lastDay, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
