/** The daily digest as an email: a subject, a plain-text part and an HTML part. Pure. */
import { shortDay, weekdayDay } from '../answers/dates';
import { freshnessLine } from '../answers/freshness';
import { changeText, money } from '../answers/phrases';
import type { DigestAnswer } from '../answers/types';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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

  const row = ([k, v]: [string, string]) => `<tr><td style="padding:2px 12px 2px 0;color:#52606d">${escapeHtml(k)}</td><td style="padding:2px 0;font-weight:600">${escapeHtml(v)}</td></tr>`;
  const html = [
    '<!doctype html><html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2933">',
    `<h2 style="margin:0 0 8px">Daily cost digest · ${escapeHtml(day)}</h2>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<table>${facts.map(row).join('')}</table>`,
    top.length > 0 ? `<h3 style="margin:16px 0 4px">Top services on ${escapeHtml(shortDay(yesterday.day))}</h3><ol>${top.map((t) => `<li>${escapeHtml(t.replace(/^\d+\. /, ''))}</li>`).join('')}</ol>` : '',
    `<p style="color:#7b8794;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('');

  const subject = none ? `Penny: no costs for ${day} yet; month to date ${money(mtd.total, currency)}` : `Penny: ${money(yesterday.total, currency)} on ${day}; month to date ${money(mtd.total, currency)}`;
  return { subject, text, html };
}
