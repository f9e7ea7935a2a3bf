/** Durations people type for token lifetimes. */

/** "30d", "12h", "90m", "3600s", "2w" in seconds; undefined when unreadable. */
export function parseTtl(text: string): number | undefined {
  const m = /^(\d{1,6})\s*([smhdw])$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }[m[2]!.toLowerCase() as 's' | 'm' | 'h' | 'd' | 'w'];
  const seconds = Number(m[1]) * unit;
  return seconds > 0 ? seconds : undefined;
}
