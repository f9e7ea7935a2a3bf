/** The look every Penny email shares: one page, a heading, a table of facts, a grey footnote. Pure. */

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page around the parts (already HTML). */
export function page(parts: string[]): string {
  return ['<!doctype html><html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2933">', ...parts, '</body></html>'].join('');
}

export function heading(text: string): string {
  return `<h2 style="margin:0 0 8px">${escapeHtml(text)}</h2>`;
}

export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

/** Label and value pairs, the value in bold. */
export function factsTable(facts: readonly [string, string][]): string {
  const row = ([k, v]: [string, string]) => `<tr><td style="padding:2px 12px 2px 0;color:#52606d">${escapeHtml(k)}</td><td style="padding:2px 0;font-weight:600">${escapeHtml(v)}</td></tr>`;
  return `<table>${facts.map(row).join('')}</table>`;
}

/** A titled list; `ordered` numbers it. Empty lists leave nothing. */
export function listSection(title: string, items: readonly string[], ordered = false): string {
  if (items.length === 0) return '';
  const tag = ordered ? 'ol' : 'ul';
  return `<h3 style="margin:16px 0 4px">${escapeHtml(title)}</h3><${tag}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
}

export function footnote(text: string): string {
  return `<p style="color:#7b8794;font-size:12px">${escapeHtml(text)}</p>`;
}
