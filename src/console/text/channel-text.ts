/** The App Home dashboard, a channel digest and the digest status as terminal text. */
import { heldBackNote } from '../../answers/comparison';
import { shortDay, weekdayDay } from '../../answers/dates';
import { freshnessLine } from '../../answers/freshness';
import { syncStatusLine } from '../../answers/sync-status';
import { changeDetail, changeText, money, otherCurrencyText } from '../../answers/phrases';
import type { DigestAnswer, DigestStatusAnswer, HomeAnswer } from '../../answers/types';
import { changeRowText, chartLine, rankedText, type TextExtras } from './cost-text';
import { facts, followUps, list, notes, sections, title } from './layout';
import { watchdogSummaryText } from './watchdog-text';

/** Channel ids read as "#C123"; the console and DMs have no channel to name. */
function where(channel: string): string {
  return /^[CG][A-Z0-9]{2,}$/.test(channel) ? `#${channel}` : 'this conversation';
}

export function homeText(a: HomeAnswer, extras: TextExtras = {}): string {
  const month = new Date(`${a.today}T00:00:00Z`).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  let body: string;
  if (a.empty) {
    body = a.freshness.lastDay
      ? `No costs recorded this month or in the last 30 days. The latest data is from ${shortDay(a.freshness.lastDay, a.today)}.`
      : 'No cost data yet. Import a FOCUS CSV with `penny import <file>`, or load demo data with `npm run demo`.';
  } else {
    body = sections([
      facts([[`${month} to date`, money(a.mtd.total, a.currency)], ...(a.mtd.change ? [[`vs ${a.mtd.previousLabel}`, changeDetail(a.mtd.change, a.mtd.total, a.currency)] as const] : [])]),
      notes([heldBackNote(a.mtd.coverage, [a.mtd.change, ...a.movers.map((r) => r.change)])]),
      chartLine(extras),
      a.movers.length > 0 ? list(`Biggest changes vs ${a.mtd.previousLabel}`, a.movers.map((r, i) => changeRowText(i + 1, r, a.currency))) : '',
      a.byProvider.length > 0 ? list('By provider, month to date', a.byProvider.map((r, i) => rankedText(i + 1, r, a.currency))) : '',
      a.byAccount.length > 0 ? list('Top accounts, month to date', a.byAccount.map((r, i) => rankedText(i + 1, r, a.currency, r.key !== r.label ? r.key : undefined))) : '',
    ]);
  }
  const digests = a.digest && (a.digest.length === 0 ? notes(['No daily digest yet: `/cost digest on` in a channel sets one up.']) : list('Daily digests', a.digest.map((d) => `• ${where(d.channel)} at ${d.time} (${d.timeZone})`)));
  const sync = a.sources?.length ? list('Cloud sync', a.sources.map((s) => `• ${syncStatusLine(s)}`)) : '';
  return sections([title('Penny · cloud costs'), body, watchdogSummaryText(a.watchdog), followUps(a.actions), digests, sync, notes([freshnessLine(a.freshness), otherCurrencyText(a.currency, a.otherCurrencies)])]);
}

export function digestText(a: DigestAnswer, extras: TextExtras = {}): string {
  const { yesterday, mtd, currency } = a;
  const noYesterday = a.top.length === 0 && yesterday.total === 0n;
  const cells: [string, string][] = [];
  if (!noYesterday) {
    cells.push([shortDay(yesterday.day), money(yesterday.total, currency)]);
    if (yesterday.change) cells.push(['vs 7-day average', `${changeText(yesterday.change, yesterday.total) || 'no change'} (average ${money(yesterday.avg7, currency)})`]);
  }
  cells.push(['Month to date', money(mtd.total, currency)]);
  if (mtd.change) cells.push([`vs ${mtd.previousLabel}`, changeDetail(mtd.change, mtd.total, currency)]);
  const vsAverage = noYesterday || a.top.every((r) => !r.change) ? '' : "Service changes are vs each service's own 7-day average.";
  return sections([
    title(`Daily cost digest · ${weekdayDay(yesterday.day)}`),
    noYesterday ? `No costs recorded for ${weekdayDay(yesterday.day)} yet. Cloud providers often publish a day or two late.` : '',
    facts(cells),
    notes([heldBackNote(mtd.coverage, [mtd.change])]),
    noYesterday ? '' : list(`Top services on ${shortDay(yesterday.day)}`, a.top.map((r, i) => rankedText(i + 1, r, currency))),
    watchdogSummaryText(a.watchdog),
    chartLine(extras),
    followUps(a.actions),
    notes([freshnessLine(a.freshness), vsAverage, otherCurrencyText(currency, a.otherCurrencies)]),
  ]);
}

export function digestStatusText(a: DigestStatusAnswer): string {
  if (!a.subscribed) {
    return sections([`There is no daily cost digest in ${where(a.channel)}. Turn it on with \`/cost digest on 09:00 Europe/Berlin\` (time and zone optional).`, followUps(a.actions)]);
  }
  const at = a.time ? ` at ${a.time}${a.timeZone ? ` (${a.timeZone})` : ''}` : '';
  const next = a.nextRun ? ` Next one: ${a.nextRun.slice(0, 16).replace('T', ' ')} UTC.` : '';
  return sections([`✓ The daily cost digest is on for ${where(a.channel)}${at}.${next}`, followUps(a.actions), notes(['Turn it off with `/cost digest off`.'])]);
}
