/**
 * Provider-neutral cost rows that every cloud fake serves in its own API's shape. Tests compute
 * their expected sums from these rows (decimal strings, added exactly), never from the adapters.
 */
export type FakeCategory = 'usage' | 'credit' | 'tax' | 'purchase' | 'adjustment';

export interface FakeCostRow {
  day: string; // YYYY-MM-DD
  account: string; // AWS linked account, GCP project, Azure subscription
  accountName: string;
  service: string;
  region: string; // '' when the provider has none
  category: FakeCategory;
  billed: string; // decimal text, as the provider sends it
  effective: string;
  currency: string;
}

export interface RowSpec {
  from: string; // first day
  days: number;
  accounts: { id: string; name: string }[];
  services: string[];
  regions: string[];
  /** Categories besides usage, each on a few (account, service) pairs. */
  extras: FakeCategory[];
  /** Effective differs from billed (false for providers with one cost metric). */
  distinctEffective: boolean;
  seed?: number;
}

/** Deterministic rows: each (account, service) lives in one or two regions, with odd decimals. */
export function generateRows(spec: RowSpec): FakeCostRow[] {
  const rows: FakeCostRow[] = [];
  let n = spec.seed ?? 7;
  const next = () => (n = (n * 1103515245 + 12345) % 2147483648);
  for (let d = 0; d < spec.days; d++) {
    const day = addDaysText(spec.from, d);
    spec.accounts.forEach((account, a) => {
      spec.services.forEach((service, s) => {
        const regions = spec.regions.length === 0 ? [''] : [spec.regions[(a + s) % spec.regions.length]!, ...(s % 3 === 0 ? [''] : [])];
        for (const region of regions) {
          const billed = decimal(next() % 900_000_000_000, 9);
          const effective = spec.distinctEffective ? decimal(next() % 900_000_000_000, 9) : billed;
          rows.push({ day, account: account.id, accountName: account.name, service, region, category: 'usage', billed, effective, currency: 'USD' });
        }
        spec.extras.forEach((category, e) => {
          if ((a + s + e + d) % 4 !== 0) return;
          const sign = category === 'credit' ? '-' : '';
          const billed = sign + decimal(next() % 50_000_000_000, 9);
          const effective = spec.distinctEffective && category === 'purchase' ? '0' : billed;
          rows.push({ day, account: account.id, accountName: account.name, service, region: category === 'tax' ? '' : spec.regions[0] ?? '', category, billed, effective, currency: 'USD' });
        });
      });
    });
  }
  return rows;
}

/** 123456789012, 9 -> "123.456789012" */
function decimal(units: number, scale: number): string {
  const text = String(units).padStart(scale + 1, '0');
  return `${text.slice(0, -scale)}.${text.slice(-scale)}`;
}

export function addDaysText(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Exact decimal sum at 1e-9 (test-side arithmetic, independent of src/domain/money). */
export function nanosOf(text: string): bigint {
  const t = text.trim();
  const neg = t.startsWith('-');
  const [whole, frac = ''] = t.replace(/^[-+]/, '').split('.');
  const v = BigInt((whole || '0') + frac.padEnd(9, '0').slice(0, 9));
  return neg ? -v : v;
}

/** Exact sum of decimal texts, at the finest scale among them (a fake must not round). */
export function sumText(texts: string[]): string {
  const scale = Math.max(0, ...texts.map((t) => (t.split('.')[1] ?? '').length));
  const scaled = (t: string) => {
    const neg = t.trim().startsWith('-');
    const [whole, frac = ''] = t.trim().replace(/^[-+]/, '').split('.');
    const v = BigInt((whole || '0') + frac.padEnd(scale, '0'));
    return neg ? -v : v;
  };
  const total = texts.reduce((s, t) => s + scaled(t), 0n);
  const neg = total < 0n;
  const abs = (neg ? -total : total).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${scale ? `${abs.slice(0, -scale)}.${abs.slice(-scale)}` : abs}`;
}
