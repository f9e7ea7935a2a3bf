/**
 * Recommendations, as every face asks for them: the ranked list (rules on stored data plus the
 * clouds' own advisers, merged), one recommendation's evidence, and people's decisions. The list
 * for a day is computed once and kept (MetaStore) until new cost data or new adviser advice
 * arrives; advisers are asked only by refresh() (the daily job), each request counted against
 * the source's monthly cap.
 */
import { createHash } from 'node:crypto';
import type { HomeAdvice, RecommendationEvidenceAnswer, RecommendationsAnswer } from '../../answers/advice';
import type { AdviceSettings } from '../../domain/advice/advice-settings';
import { mergeAndRank } from '../../domain/advice/ranking';
import type { Recommendation } from '../../domain/advice/recommendation';
import { fingerprintOf } from '../../domain/advice/recommendation-state';
import { runRules, RULES_VERSION } from '../../domain/advice/rules';
import { addDays, fromDate, todayIn, type Day } from '../../domain/days';
import { AppError } from '../../domain/errors';
import type { AnomalyLookup, RecommendationAdviser } from '../../ports/advisers';
import type { Clock } from '../../ports/clock';
import type { CostStore } from '../../ports/cost-store';
import type { Logger } from '../../ports/logger';
import type { MetaStore } from '../../ports/meta-store';
import type { RecommendationMarks } from '../../ports/recommendation-marks';
import type { CostRecordScanner } from '../../ports/record-scanner';
import type { RequestCap, RequestCountRepository } from '../../ports/request-counts';
import { RequestBudget } from '../request-budget';
import { filterRecommendations, type AdviceFilters } from './advice-filters';
import { lastCompleteMonthRange, loadAdviceData } from './load-advice-data';
import { presentRecommendations, viewOf } from './present-advice';
import { decodeRecommendations, encodeRecommendations } from './recommendation-codec';

export interface RecommendationServiceDeps {
  store: CostStore;
  scanner: CostRecordScanner;
  marks: RecommendationMarks;
  meta: MetaStore;
  clock: Clock;
  timeZone: string;
  currency: string;
  settings: AdviceSettings;
  logger: Logger;
  /** The anomaly service's seam; without it no cost rise counts as explained. */
  anomalies?: AnomalyLookup;
  advisers?: RecommendationAdviser[];
  requestCounts?: RequestCountRepository;
  caps?: Partial<Record<string, RequestCap>>;
  sleep?: (ms: number) => Promise<void>;
}

export interface AdviceRequest {
  asOf?: Day;
  filters?: AdviceFilters;
  /** Show dismissed and snoozed ones too. */
  includeClosed?: boolean;
  limit?: number;
  notice?: string;
}

export type Decision = 'dismiss' | 'snooze' | 'reopen';

export const SNOOZE_DAYS = 30;

interface AdviserCache {
  fetchedAt: string;
  day: Day;
  json: string;
}

interface ListCache {
  asOf: Day;
  stamp: string;
  json: string;
}

const LIST_KEY = 'advice.latest';
const adviserKey = (id: string) => `advice.adviser.${id}`;

export class RecommendationService {
  constructor(private readonly deps: RecommendationServiceDeps) {}

  today(): Day {
    return todayIn(this.deps.timeZone, this.deps.clock.now());
  }

  /** Every recommendation for as-of (rules and advisers, merged and ranked), before any filter or mark. */
  async recommendations(asOf: Day = this.today()): Promise<Recommendation[]> {
    const advisers = await this.adviserAdvice(asOf);
    const coverage = await this.deps.store.coverage();
    // Anomalies raised since the list was kept change what explains a cost rise: they are part of the stamp.
    const anomalyImpact = this.deps.anomalies ? await this.deps.anomalies.impactByService(lastCompleteMonthRange(asOf)) : undefined;
    const impactText = anomalyImpact ? [...anomalyImpact].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(',') : '-';
    const stamp = hash([String(RULES_VERSION), coverage.lastIngestedAt?.toISOString() ?? '', ...advisers.map((a) => a.fetchedAt), settingsText(this.deps.settings), impactText]);
    const cached = await this.deps.meta.get<ListCache>(LIST_KEY);
    if (cached && cached.asOf === asOf && cached.stamp === stamp) return decodeRecommendations(cached.json);
    const data = await loadAdviceData(this.deps, asOf, this.deps.settings, { anomalyImpact });
    const ranked = mergeAndRank([...runRules(data, this.deps.settings), ...advisers.flatMap((a) => a.recs)]);
    await this.deps.meta.set<ListCache>(LIST_KEY, { asOf, stamp, json: encodeRecommendations(ranked) });
    return ranked;
  }

  async list(request: AdviceRequest = {}): Promise<RecommendationsAnswer> {
    const today = this.today();
    const asOf = request.asOf ?? today;
    const all = await this.recommendations(asOf);
    const { items, notes } = filterRecommendations(all, request.filters);
    const ids = items.map((r) => r.id);
    const marks = await this.deps.marks.marks(ids);
    return presentRecommendations({
      asOf,
      views: items.map((r) => viewOf(r, marks.get(r.id), today)),
      filters: notes,
      includeClosed: request.includeClosed ?? false,
      limit: request.limit ?? Number.MAX_SAFE_INTEGER,
      defaultCurrency: this.deps.currency,
      notice: request.notice,
      adviserNotes: await this.adviserNotes(asOf),
    });
  }

  /** The App Home's top three and the total possible saving. */
  async homeSummary(): Promise<HomeAdvice> {
    const answer = await this.list({ limit: 3 });
    return { items: answer.items, total: answer.total, currency: answer.currency, openCount: answer.openCount };
  }

  async evidence(id: string, asOf?: Day): Promise<RecommendationEvidenceAnswer> {
    const day = asOf ?? this.today();
    const rec = await this.find(id, day);
    const marks = await this.deps.marks.marks([id]);
    return { kind: 'recommendation-evidence', asOf: day, item: viewOf(rec, marks.get(id), this.today()) };
  }

  /** Records a decision and returns the sentence that confirms it. */
  async decide(id: string, decision: Decision, by: string, asOf?: Day): Promise<string> {
    const rec = await this.find(id, asOf ?? this.today());
    const at = this.deps.clock.now();
    if (decision === 'reopen') {
      await this.deps.marks.clearMark(id);
      return `Reopened “${rec.title}”.`;
    }
    if (decision === 'dismiss') {
      await this.deps.marks.setMark({ id, state: 'dismissed', by, at, fingerprint: fingerprintOf(rec) });
      return `Dismissed “${rec.title}”. It comes back only if its evidence changes materially.`;
    }
    const until = addDays(this.today(), SNOOZE_DAYS);
    await this.deps.marks.setMark({ id, state: 'snoozed', by, at, until, fingerprint: fingerprintOf(rec) });
    return `Snoozed “${rec.title}” until ${until}.`;
  }

  /**
   * The daily refresh: asks each adviser (requests counted and capped), recomputes today's list
   * and records when each recommendation was first seen. Returns the ids first seen today.
   */
  async refresh(): Promise<{ count: number; newIds: string[]; adviserErrors: string[] }> {
    const adviserErrors: string[] = [];
    for (const adviser of this.deps.advisers ?? []) {
      try {
        await this.fetchAdviser(adviser);
      } catch (error) {
        this.deps.logger.warn({ err: error, adviser: adviser.id }, 'recommendation adviser failed; its earlier advice is kept');
        adviserErrors.push(`${adviser.id}: ${error instanceof AppError ? error.message : 'failed (see the log)'}`);
      }
    }
    const today = this.today();
    const recs = await this.recommendations(today);
    const firstSeen = await this.deps.marks.seen(recs.map((r) => r.id), today);
    const newIds = recs.filter((r) => firstSeen.get(r.id) === today).map((r) => r.id);
    return { count: recs.length, newIds, adviserErrors };
  }

  /** Open recommendations first seen on or after `since`: what the weekly post lists. */
  async newSince(since: Day): Promise<RecommendationsAnswer> {
    const today = this.today();
    const recs = await this.recommendations(today);
    const firstSeen = await this.deps.marks.seen(recs.map((r) => r.id), today);
    const fresh = recs.filter((r) => (firstSeen.get(r.id) ?? today) >= since);
    const marks = await this.deps.marks.marks(fresh.map((r) => r.id));
    return presentRecommendations({
      asOf: today, views: fresh.map((r) => viewOf(r, marks.get(r.id), today, firstSeen.get(r.id))), filters: [], includeClosed: false,
      limit: 10, defaultCurrency: this.deps.currency, adviserNotes: [],
    });
  }

  private async find(id: string, asOf: Day): Promise<Recommendation> {
    const rec = (await this.recommendations(asOf)).find((r) => r.id === id);
    if (!rec) throw new AppError('QUERY_INVALID', `There is no recommendation ${id} for ${asOf}. Run \`/cost recommend\` to see the current list.`, { detail: { id, asOf } });
    return rec;
  }

  private async fetchAdviser(adviser: RecommendationAdviser): Promise<void> {
    const { requestCounts, clock, caps } = this.deps;
    const budget = requestCounts ? new RequestBudget(requestCounts, adviser.id, clock, caps?.[adviser.id]) : undefined;
    await budget?.open();
    const recs = await adviser.recommendations({
      beforeRequest: async () => budget?.take(),
      issue: (issue) => this.deps.logger.info({ adviser: adviser.id, issue }, 'recommendation adviser issue'),
      sleep: this.deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    });
    const now = clock.now();
    await this.deps.meta.set<AdviserCache>(adviserKey(adviser.id), { fetchedAt: now.toISOString(), day: fromDate(now), json: encodeRecommendations(recs) });
    this.deps.logger.info({ adviser: adviser.id, recommendations: recs.length, requests: budget?.taken }, 'recommendation adviser refreshed');
  }

  /** Advisers' advice fetched no later than as-of: it rests on days before its fetch day. */
  private async adviserAdvice(asOf: Day): Promise<{ fetchedAt: string; recs: Recommendation[] }[]> {
    const out: { fetchedAt: string; recs: Recommendation[] }[] = [];
    for (const adviser of this.deps.advisers ?? []) {
      const cached = await this.deps.meta.get<AdviserCache>(adviserKey(adviser.id));
      if (cached && cached.day <= asOf) out.push({ fetchedAt: cached.fetchedAt, recs: decodeRecommendations(cached.json) });
    }
    return out;
  }

  private async adviserNotes(asOf: Day): Promise<string[]> {
    const notes: string[] = [];
    for (const adviser of this.deps.advisers ?? []) {
      const cached = await this.deps.meta.get<AdviserCache>(adviserKey(adviser.id));
      const name = adviser.id === 'aws' ? "AWS's own recommendations" : `${adviser.id} recommendations`;
      if (!cached) notes.push(`${name} are fetched by the daily refresh; none yet.`);
      else if (cached.day > asOf) notes.push(`${name} (fetched ${cached.day}) are left out: they rest on days after ${asOf}.`);
      else notes.push(`${name} as fetched on ${cached.day}.`);
    }
    return notes;
  }
}

function hash(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 16);
}

function settingsText(settings: AdviceSettings): string {
  return JSON.stringify(settings, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
