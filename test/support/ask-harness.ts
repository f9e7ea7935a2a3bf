/**
 * The question path over an in-memory store: AskService, QuestionAnswerer (with in-memory thread
 * contexts) and the command router, with a clock the test can move. For unit tests of routing,
 * threads and the LLM path; the integration and e2e tests use the real store.
 */
import type { Clock } from '../../src/ports/clock';
import type { DigestSubscriptions } from '../../src/ports/digests';
import type { LlmClient } from '../../src/ports/llm-client';
import { CommandRouter } from '../../src/commands/command-router';
import { AskService } from '../../src/services/ask';
import { LlmAnswerer } from '../../src/services/ask-llm/llm-answerer';
import { CostReports } from '../../src/services/cost-reports';
import { CostAnswers } from '../../src/services/cost-answers';
import { CostService } from '../../src/services/cost-service';
import { QuestionAnswerer } from '../../src/services/questions/question-answerer';
import { InMemoryCostStore } from '../fakes/in-memory-cost-store';
import { InMemoryThreadContexts } from '../fakes/in-memory-thread-contexts';
import { rec } from '../fixtures/records';
import { recordingLogger } from './silent-logger';
import { watchAsk } from './watch-ask';

export const B = 1_000_000_000n; // one currency unit in nanos
const S3 = { service: 'Amazon Simple Storage Service', resourceId: 'b-1' };
const STAGING = { subAccountId: '333333333333', subAccountName: 'staging', resourceId: 's-1' };

/** August and September 2024: EC2 in prod (A1), S3, and a staging account in eu-west-1. */
export const ASK_RECORDS = [
  rec('2024-08-05', 10n * B), rec('2024-08-20', 5n * B, S3),
  rec('2024-09-03', 12n * B, { tags: { env: 'prod' } }), rec('2024-09-17', 8n * B), rec('2024-09-18', 9n * B, S3),
  rec('2024-09-20', 4n * B, { ...STAGING, regionId: 'eu-west-1', regionName: 'Europe (Ireland)', tags: { env: 'staging' } }),
];

export class MovableClock implements Clock {
  constructor(public ms = Date.parse('2024-10-16T09:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
}

const noDigests: DigestSubscriptions = {
  upsert: async () => undefined, disable: async () => false, get: async () => undefined, listEnabled: async () => [],
};

export interface AskHarnessOptions {
  /** A model behind the real LLM answerer (the fake OpenAI server's client). */
  llm?: LlmClient;
  budgetMs?: number;
  /** Or the LLM path itself replaced, to test what happens around it. */
  llmPath?: Pick<LlmAnswerer, 'answer'>;
  /** Answer forecast, budget, anomaly and recommendation questions with the real services (in-memory repositories). */
  watch?: boolean;
}

export async function askHarness(options: AskHarnessOptions = {}) {
  const store = new InMemoryCostStore();
  await store.writeRecords(ASK_RECORDS);
  const clock = new MovableClock();
  const logger = recordingLogger();
  const watched = options.watch ? watchAsk({ store, clock }) : undefined;
  const costs = watched?.costs ?? new CostService({ store, clock, timeZone: 'UTC', currency: 'USD' });
  const answers = new CostAnswers(costs, new CostReports({ costs, hasProjects: async () => false }));
  const ask = watched?.ask ?? new AskService({ costs, names: store, clock });
  const threads = new InMemoryThreadContexts(clock);
  const llm = options.llmPath ?? (options.llm ? new LlmAnswerer({ llm: options.llm, ask, logger, ...(options.budgetMs ? { budgetMs: options.budgetMs } : {}) }) : undefined);
  const questions = new QuestionAnswerer({ ask, freshness: () => answers.freshness(), threads, logger, now: () => clock.now(), ...(llm ? { llm } : {}) });
  const router = new CommandRouter({ answers, digests: noDigests, clock, logger, defaultTimeZone: 'UTC', defaultDigestTime: '09:00', questions });
  return { store, clock, logger, costs, ask, threads, questions, router, watchdog: watched?.watchdog };
}
