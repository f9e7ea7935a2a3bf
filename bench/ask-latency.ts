/**
 * ASK: offline answer latency over the evaluation questions (FOCUS sample + demo data), next to the
 * cost engine answering the same requests (CostService.query). Both run warm (names and tag values
 * cached), interleaved per question so that server noise hits both alike.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { CostRecord } from '../src/domain/cost-record';
import { fixedClock } from '../src/ports/clock';
import { AskService, type AskIntent } from '../src/services/ask';
import { CostService, type CostRequest } from '../src/services/cost-service';
import { FocusImportService } from '../src/services/focus-import';
import { DemoCostSource } from '../src/sources/demo/demo-source';
import { FocusCsvReader } from '../src/sources/focus/focus-csv-reader';
import { FileDaySpill } from '../src/spill/file-day-spill';
import { connectMongo } from '../src/store/connection';
import { MongoCostStore } from '../src/store/mongo-cost-store';
import { DEMO_ANCHOR, DEMO_QUESTIONS, DEMO_RANGE } from '../test/support/ask-questions-demo';
import { FOCUS_QUESTIONS } from '../test/support/ask-questions-focus';
import { dbUri, percentile } from './bench-server';

export interface AskBenchResult {
  questions: number;
  rounds: number;
  ask: { p50: number; p95: number };
  engine: { p50: number; p95: number };
  parse: { p50: number; p95: number };
  coldFirstAsk: number;
  ratioP50: number;
  ratioP95: number;
}

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const clock = fixedClock('2025-02-20T12:00:00Z');

interface Case {
  q: string;
  asOf: string;
  ask: AskService;
  costs: CostService;
  requests: CostRequest[];
}

async function service(uri: string): Promise<{ store: MongoCostStore; costs: CostService; ask: AskService; close: () => Promise<void> }> {
  const conn = await connectMongo(uri);
  await conn.dropDatabase();
  const store = new MongoCostStore(conn, { logger: silent });
  await store.init();
  const costs = new CostService({ store, clock, timeZone: 'UTC', currency: 'USD' });
  return { store, costs, ask: new AskService({ costs, names: store, clock }), close: () => conn.close() };
}

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

export async function runAskBench(baseUri: string, root: string, rounds = 3): Promise<AskBenchResult> {
  const focus = await service(dbUri(baseUri, 'bench_ask_focus'));
  const importer = new FocusImportService({ store: focus.store, reader: new FocusCsvReader(), spill: () => new FileDaySpill(), clock, logger: silent });
  await importer.import([{ name: 'focus_sample.csv', open: () => createReadStream(resolve(root, 'data/focus_sample.csv')) }]);
  const demo = await service(dbUri(baseUri, 'bench_ask_demo'));
  const records: CostRecord[] = [];
  for await (const batch of new DemoCostSource(DEMO_ANCHOR).fetch(DEMO_RANGE)) records.push(...batch);
  await demo.store.writeRecords(records, { importId: 'bench-ask' });

  let t = process.hrtime.bigint();
  await focus.ask.ask(FOCUS_QUESTIONS[0]!.q, { asOf: FOCUS_QUESTIONS[0]!.asOf });
  const coldFirstAsk = ms(t);

  // Only questions the engine answers: refusals make no engine requests, and forecast, budget, anomaly and
  // recommendation questions go to their own services (this bench's AskService has none plugged in).
  const cases: Case[] = [];
  for (const [items, s] of [[FOCUS_QUESTIONS, focus], [DEMO_QUESTIONS, demo]] as const) {
    for (const item of items) {
      const parsed = await s.ask.parse(item.q, { asOf: item.asOf });
      if (!parsed.ok) continue;
      const planned = await s.ask.plan(parsed.intent as AskIntent);
      if (!planned.ok || planned.requests.length === 0) continue;
      cases.push({ q: item.q, asOf: item.asOf, ask: s.ask, costs: s.costs, requests: planned.requests });
      await s.ask.ask(item.q, { asOf: item.asOf }); // warm: tag values, server caches
    }
  }
  process.stderr.write(`ASK: ${cases.length} questions × ${rounds} rounds, ask and engine interleaved…\n`);
  const askMs: number[] = [];
  const engineMs: number[] = [];
  const parseMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      t = process.hrtime.bigint();
      await c.ask.parse(c.q, { asOf: c.asOf });
      parseMs.push(ms(t));
      // Alternate which goes first, so neither always meets a warmer server.
      const pair = [
        async () => { const s = process.hrtime.bigint(); await c.ask.ask(c.q, { asOf: c.asOf }); askMs.push(ms(s)); },
        async () => { const s = process.hrtime.bigint(); await Promise.all(c.requests.map((q) => c.costs.query(q))); engineMs.push(ms(s)); },
      ];
      for (const run of r % 2 === 0 ? pair : pair.reverse()) await run();
    }
  }
  await focus.close();
  await demo.close();
  const stat = (s: number[]) => ({ p50: percentile(s, 50), p95: percentile(s, 95) });
  const ask = stat(askMs);
  const engine = stat(engineMs);
  return { questions: cases.length, rounds, ask, engine, parse: stat(parseMs), coldFirstAsk, ratioP50: ask.p50 / engine.p50, ratioP95: ask.p95 / engine.p95 };
}
