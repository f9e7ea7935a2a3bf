/** Plain-text tables for the terminal: left-aligned first column, right-aligned numbers. */
export function renderTable(header: string[], rows: string[][], options: { maxFirst?: number } = {}): string {
  const maxFirst = options.maxFirst ?? 48;
  const clip = (s: string) => (s.length > maxFirst ? `${s.slice(0, maxFirst - 1)}…` : s);
  const all = [header, ...rows].map((r) => r.map((c, i) => (i === 0 ? clip(c) : c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}
