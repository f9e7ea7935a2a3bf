/** Series colours: fixed for the clouds, hashed for everything else so a key looks the same everywhere. */

export const PROVIDER_COLORS: Readonly<Record<string, string>> = {
  aws: '#FF9900',
  azure: '#0078D4',
  gcp: '#34A853',
  oci: '#C74634',
};

/** Reserved for the folded "Other" series: neutral so it never competes with real series. */
export const OTHER_COLOR = '#A0A8B4';
export const OTHER_KEY = 'other';

// Chosen to stay clear of the four provider colours and of each other.
export const PALETTE: readonly string[] = [
  '#7B61FF', // violet
  '#00A3A3', // teal
  '#E15FAB', // pink
  '#8C6D46', // brown
  '#3F5BA9', // indigo
  '#B5B82B', // olive
  '#F08A5D', // coral
  '#2E8B57', // sea green
  '#6B4C9A', // plum
  '#D4A72C', // mustard
];

export function normalizeKey(key: string): string {
  return key.trim().toLowerCase();
}

/** FNV-1a: tiny, stable across runs and platforms. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fixedColor(key: string): string | undefined {
  return key === OTHER_KEY ? OTHER_COLOR : PROVIDER_COLORS[key];
}

/** The colour a key gets on its own: provider colour, or a palette slot by hash. */
export function colorForKey(key: string): string {
  const k = normalizeKey(key);
  return fixedColor(k) ?? PALETTE[hash(k) % PALETTE.length] ?? OTHER_COLOR;
}

/**
 * Colours for the keys of one chart. Same key -> same colour, except that two hashed keys
 * colliding in one chart: the later one moves to the next free slot so both stay distinct.
 */
export function assignColors(keys: readonly string[]): string[] {
  const used = new Set<string>();
  return keys.map((key) => {
    const k = normalizeKey(key);
    const fixed = fixedColor(k);
    if (fixed) return fixed;
    const start = hash(k) % PALETTE.length;
    for (let step = 0; step < PALETTE.length; step++) {
      const candidate = PALETTE[(start + step) % PALETTE.length];
      if (candidate && !used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
    return colorForKey(k); // more keys than slots: repeats are unavoidable
  });
}

/** "#RRGGBB" + alpha (0..1) as "#RRGGBBAA", which Chart.js understands. */
export function withAlpha(hex: string, alpha: number): string {
  const byte = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
  return `${hex}${byte.toString(16).padStart(2, '0').toUpperCase()}`;
}
