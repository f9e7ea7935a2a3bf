/**
 * Runs one FOCUS import in its own process so that its peak RSS is measured alone.
 * Prints one JSON line: { ms, rows, records, rejected, unchanged, maxRssMb }.
 */
import { createReadStream, statSync } from 'node:fs';
import { fixedClock } from '../src/ports/clock';
import { FocusImportService } from '../src/services/focus-import';
import { FocusCsvReader } from '../src/sources/focus/focus-csv-reader';
import { FileDaySpill } from '../src/spill/file-day-spill';
import { connectMongo } from '../src/store/connection';
import { MongoCostStore } from '../src/store/mongo-cost-store';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

async function main(): Promise<void> {
  const [uri, file] = process.argv.slice(2);
  const conn = await connectMongo(uri!);
  const store = new MongoCostStore(conn, { logger: silent });
  await store.init();
  const service = new FocusImportService({ store, reader: new FocusCsvReader(), spill: () => new FileDaySpill(), clock: fixedClock('2026-11-01T00:00:00Z'), logger: silent });
  const started = process.hrtime.bigint();
  const summary = await service.import([{ name: file!, size: statSync(file!).size, open: () => createReadStream(file!) }]);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  await conn.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, rows: summary.rows, rejected: summary.rejected, records: summary.records, unchanged: summary.unchanged, maxRssMb })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
