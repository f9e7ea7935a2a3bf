/**
 * "Any anomalies last week?", "what spiked yesterday": the watchdog's anomalies in the period
 * (AnomalyService.list, judged from the days before each), each with its impact and top driver.
 * Filters narrow the judged series (a provider, accounts, services, or one tag key's values);
 * what the watchdog does not judge (regions, one charge category) is said plainly.
 */
import type { AnomalyDriver, AnomalyView } from '../../../answers/watchdog';
import type { SeriesFilter } from '../../../domain/anomaly/series-scope';
import { formatMoney, type Nanos } from '../../../domain/money';
import type { AnomalyService } from '../../watchdog';
import { periodText, scopeWords } from '../compose';
import type { AskFilters, LaterIntent, Refusal } from '../intent';
import { clipToToday } from '../question-periods';
import { refusal } from '../refusals';
import { billedOnly, laterAnswer, plural, type LaterAnswerer } from './later-common';

export interface AnomalyAnswerDeps {
  anomalies: Pick<AnomalyService, 'list' | 'judgedTagKeys'>;
  /** The currency when no anomaly names one. */
  defaultCurrency: string;
}

const EXAMPLE = 'Any anomalies last week?';
const SHOWN = 10;
const KIND_WORDS: Record<AnomalyView['kind'], string> = { spike: 'Spike', 'level-shift': 'Level shift', ramp: 'Slow ramp', new: 'New spend' };

export function anomalyAnswerer(deps: AnomalyAnswerDeps): LaterAnswerer {
  return async (intent, { today }) => {
    const problem = billedOnly(intent, 'Anomalies', EXAMPLE) ?? filterProblem(intent.query.filters, deps.anomalies.judgedTagKeys());
    if (problem) return problem;
    // Only complete days are judged: the period ends before today, as totals do.
    const clipped = clipToToday(intent.query.period, today);
    if (!clipped.ok) return refusal(clipped.code, clipped.reason);
    const asked: LaterIntent = { ...intent, query: { ...intent.query, period: clipped.period } };
    const answer = await deps.anomalies.list(clipped.period.range, today, seriesFilter(intent.query.filters));
    const found = answer.anomalies;
    const currency = found[0]?.currency ?? deps.defaultCurrency;
    const scope = scopeWords(asked);
    const subject = scope.noun.replace(/ ?(costs|usage)$/, '');
    const where = `${subject ? ` in ${subject}` : ''}${scope.where}`;
    const period = `for ${periodText(clipped.period)}`;
    const base = { currency, details: { kind: 'anomalies' as const, anomalies: answer } };
    if (found.length === 0) {
      return laterAnswer(asked, { ...base, text: `No anomalies${where} ${period}: daily usage stayed within its usual range.` });
    }
    // Biggest first: the one worth a look leads.
    const ranked = [...found].sort((a, b) => (b.impact > a.impact ? 1 : b.impact < a.impact ? -1 : a.day.localeCompare(b.day)));
    const lines = [`${plural(found.length, 'anomaly', 'anomalies')}${where} ${period}:`, ...ranked.slice(0, SHOWN).map(lineText)];
    if (found.length > SHOWN) lines.push(`• … and ${found.length - SHOWN} more`);
    const chart = found.length === 1 ? found[0]!.chart : undefined;
    return laterAnswer(asked, { ...base, text: lines.join('\n'), ...(chart ? { chart } : {}), figures: { more: Math.max(0, found.length - SHOWN) } });
  };
}

function lineText(x: AnomalyView): string {
  const money = (n: Nanos) => formatMoney(n, x.currency);
  const signed = (n: Nanos) => (n < 0n ? `-${money(-n)}` : `+${money(n)}`);
  const pct = x.deviationPct === null ? 'new' : `${x.deviationPct >= 0 ? '+' : '-'}${Math.abs(x.deviationPct).toFixed(0)}%`;
  const since = x.startDay !== x.day ? ` (since ${x.startDay})` : '';
  const driver = topDriver(x.drivers);
  const cause = driver ? `; top driver: ${driver.dimension} ${driver.label} ${signed(driver.impact)}` : '';
  const retracted = x.status === 'retracted' ? ' [retracted after the data was revised]' : '';
  const scope = x.scopeText === 'Total spend' ? 'total spend' : x.scopeText;
  return `• ${KIND_WORDS[x.kind]} in ${scope} on ${x.day}${since}: ${money(x.actual)} against ${money(x.expected)} expected, an impact of ${signed(x.impact)} (${pct})${cause}${retracted}`;
}

function topDriver(drivers: AnomalyDriver[]): AnomalyDriver | undefined {
  return drivers.reduce<AnomalyDriver | undefined>((best, d) => (!best || d.impact > best.impact ? d : best), undefined);
}

/** The watchdog judges the total, each provider, account and service, and configured tag keys' values. */
function filterProblem(f: AskFilters, tagKeys: readonly string[]): Refusal | undefined {
  const fail = (reason: string, example = EXAMPLE) => refusal('unsupported', reason, [], [example]);
  if (f.regions.length) return fail("Anomalies are judged per provider, account and service, not per region. Ask about an account or a service instead.", 'Any anomalies in EC2 last week?');
  const onlyUsage = f.chargeCategories.every((c) => c === 'usage') && !f.excludeChargeCategories.includes('usage');
  if (!onlyUsage) return fail('Anomalies are judged on usage, not on credits, tax or purchases.');
  if (f.accounts.length && f.services.length) return fail('Anomalies are judged per account or per service, not both at once. Ask about one of them.');
  if (f.tags.length && (f.providers.length || f.accounts.length || f.services.length)) return fail('Anomalies of a tag value are judged across clouds, not together with a provider, account or service. Ask about one of them.');
  const unjudged = f.tags.find((t) => !tagKeys.includes(t.key));
  if (unjudged) {
    const judged = tagKeys.length ? `only the values of ${tagKeys.join(', ')} (PENNY_ANOMALY_TAG_KEYS)` : 'no tag keys (PENNY_ANOMALY_TAG_KEYS is empty)';
    return fail(`Anomalies are not judged per ${unjudged.key} tag here: the watchdog watches ${judged}.`);
  }
  if (f.tags.length > 1) return fail('I can look for anomalies of one tag value at a time.');
  return undefined;
}

function seriesFilter(f: AskFilters): SeriesFilter | undefined {
  const out: SeriesFilter = {};
  if (f.providers.length) out.providers = f.providers;
  if (f.accounts.length) out.accounts = f.accounts;
  if (f.services.length) out.services = f.services;
  if (f.tags.length) out.tags = f.tags;
  return Object.keys(out).length ? out : undefined;
}
