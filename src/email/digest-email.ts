/** The daily digest as an email: a subject, a plain-text part and an HTML part. Pure. */
import { shortDay, weekdayDay } from '../answers/dates';
import { freshnessLine } from '../answers/freshness';
import { changeText, money } from '../answers/phrases';
import type { DigestAnswer } from '../answers/types';
import { factsTable, footnote, heading, listSection, page, paragraph, type EmailContent } from './email-html';

export type { EmailContent } from './email-html';

export function digestEmail(d: DigestAnswer): EmailContent {
  const { yesterday, mtd, currency } = d;
  const day = weekdayDay(yesterday.day);
  const none = d.top.length === 0 && yesterday.total === 0n;
  const facts: [string, string][] = [];
  if (!none) {
    facts.push([shortDay(yesterday.day), money(yesterday.total, currency)]);
    if (yesterday.change) facts.push(['vs 7-day average', `${changeText(yesterday.change, yesterday.total) || 'no change'} (average ${money(yesterday.avg7, currency)})`]);
  }
  facts.push(['Month to date', money(mtd.total, currency)]);
  if (mtd.change) facts.push([`vs ${mtd.previousLabel}`, changeText(mtd.change, mtd.total) || 'no change']);
  const top = d.top.map((r, i) => `${i + 1}. ${r.label} — ${money(r.amount, currency)}${r.change ? ` (${changeText(r.change, r.amount)})` : ''}`);
  const intro = none ? `No costs recorded for ${day} yet. Cloud providers often publish a day or two late.` : `Cloud costs for ${day}.`;
  const footer = freshnessLine(d.freshness);

  const text = [
    `Penny · daily cost digest · ${day}`,
    '',
    intro,
    '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    ...(top.length > 0 ? ['', `Top services on ${shortDay(yesterday.day)}:`, ...top] : []),
    '',
    footer,
  ].join('\n');

  const html = page([
    heading(`Daily cost digest · ${day}`),
    paragraph(intro),
    factsTable(facts),
    listSection(`Top services on ${shortDay(yesterday.day)}`, top.map((t) => t.replace(/^\d+\. /, '')), true),
    footnote(footer),
  ]);

  const subject = none ? `Penny: no costs for ${day} yet; month to date ${money(mtd.total, currency)}` : `Penny: ${money(yesterday.total, currency)} on ${day}; month to date ${money(mtd.total, currency)}`;
  return { subject, text, html };
}
