/** The daily costs answer: totals, the day-by-day list (or the highest days for long ranges), chart and drill-downs. */
import { providerLabel } from '../../domain/cost-record';
import { divRoundHalfEven } from '../../domain/money';
import type { RenderedChart } from '../../ports/chart-renderer';
import { weekdayDay } from '../../answers/dates';
import { freshnessLine } from '../../answers/freshness';
import type { DailyDay, DailyAnswer } from '../../answers/types';
import { chartBlocks, filterText, notes, otherCurrencyText } from './common';
import { followUpActions } from './commands';
import { esc, fields, header, listBlocks, metricText, money, section } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackMessage } from './types';

/** Up to a month, every day is listed; beyond that only the highest days, or the list drowns the message. */
const MAX_LISTED_DAYS = 31;
const HIGHEST_DAYS = 5;

/** Days after the last loaded day have no data yet; showing them as $0.00 would be a made-up number. */
function hasData(v: DailyAnswer, day: string): boolean {
  return v.freshness.lastDay !== undefined && day <= v.freshness.lastDay;
}

/** "(AWS $100.00 · Azure $23.45)" when more than one provider had costs that day. */
function providerSplit(v: DailyAnswer, d: DailyDay): string {
  if (v.providers.length < 2) return '';
  const parts = v.providers.filter((p) => (d.byProvider[p] ?? 0n) !== 0n).map((p) => `${esc(providerLabel(p))} ${money(d.byProvider[p] ?? 0n, v.currency)}`);
  return parts.length > 1 ? ` (${parts.join(' · ')})` : '';
}

function dayLine(v: DailyAnswer, d: DailyDay): string {
  if (!hasData(v, d.day) && d.total === 0n) return `• ${weekdayDay(d.day)} — _no data yet_`;
  return `• ${weekdayDay(d.day)} — *${money(d.total, v.currency)}*${providerSplit(v, d)}`;
}

function dayList(v: DailyAnswer): KnownBlock[] {
  if (v.days.length <= MAX_LISTED_DAYS) return listBlocks('days', 'Day by day', v.days.map((d) => dayLine(v, d)));
  const highest = [...v.days].sort((a, b) => (a.total === b.total ? a.day.localeCompare(b.day) : a.total > b.total ? -1 : 1)).slice(0, HIGHEST_DAYS);
  const lines = highest.filter((d) => d.total !== 0n).map((d, i) => `${i + 1}. ${weekdayDay(d.day)}, ${d.day.slice(0, 4)} — *${money(d.total, v.currency)}*${providerSplit(v, d)}`);
  return lines.length > 0 ? listBlocks('days', 'Highest days', lines) : [];
}

export function dailyMessage(v: DailyAnswer, chart?: RenderedChart): SlackMessage {
  const blocks: (KnownBlock | undefined)[] = [header(`Daily costs · ${v.periodLabel}`)];
  const empty = v.providers.length === 0 && v.total === 0n;
  const dataDays = v.days.filter((d) => hasData(v, d.day)).length;
  if (empty) {
    blocks.push(section(`No costs recorded for ${esc(v.periodLabel)}.`));
  } else {
    const facts = [`*Total*\n${money(v.total, v.currency)}`];
    // The average covers only days with data, so days still to come do not pull it down.
    if (dataDays > 0) facts.push(`*Daily average*\n${money(divRoundHalfEven(v.total, BigInt(dataDays)), v.currency)} over ${dataDays} ${dataDays === 1 ? 'day' : 'days'}`);
    if (v.peak) facts.push(`*Highest day*\n${weekdayDay(v.peak.day)}: ${money(v.peak.amount, v.currency)}`);
    facts.push(`*Providers*\n${v.providers.map((p) => esc(providerLabel(p))).join(', ')}`);
    blocks.push(fields(facts));
    blocks.push(...dayList(v));
    blocks.push(...chartBlocks(chart, v.chart?.title ?? `Daily cost by provider · ${v.periodLabel}`));
  }
  blocks.push(followUpActions(v.actions, 'penny_drill', 'drill'));
  blocks.push(...notes([`${metricText(v.metric)} · ${freshnessLine(v.freshness)}`, filterText(v.filters), otherCurrencyText(v.currency, v.otherCurrencies)]));
  const peak = v.peak ? `; highest ${v.peak.day} at ${money(v.peak.amount, v.currency)}` : '';
  const text = empty ? `No costs recorded for ${v.periodLabel}.` : `Daily costs for ${v.periodLabel}: ${money(v.total, v.currency)} in total${peak}`;
  return enforceLimits({ text, blocks: blocks.filter((b): b is KnownBlock => b !== undefined) }, { maxBlocks: LIMITS.messageBlocks });
}
