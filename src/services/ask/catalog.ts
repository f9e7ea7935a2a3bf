/**
 * The names a question may use, built from the values actually in the store (CostStore.dimensionValues)
 * plus the curated aliases: one phrase index from words to stored values.
 */
import { providerLabel } from '../../domain/cost-record';
import { distance } from '../../domain/dimension-match';
import type { DimensionValue } from '../../ports/cost-store';
import { nameWords, PROVIDER_WORDS, REGION_NAMES, SERVICE_ALIASES, SERVICE_CATEGORY_WORDS, servicesForAlias, VAGUE_REGION_LABELS } from './aliases';
import type { NameDim } from './intent';
import { matchTagValue, type TagValueMatch } from './tag-values';
import { LEXICON } from './vocabulary';

export interface CatalogValues {
  provider: DimensionValue[];
  account: DimensionValue[];
  service: DimensionValue[];
  region: DimensionValue[];
  'tag-key': DimensionValue[];
  /** Values seen per stored tag key, when known up front (otherwise the service checks them per question). */
  tagValues?: Record<string, string[]>;
}


/** What a phrase stands for. `rank` breaks ties: exact names beat derived forms beat aliases. */
export interface NameEntry {
  dim: NameDim;
  values: string[];
  labels: string[];
  rank: number;
}

/** A word Penny knows (an alias, a provider) that no stored cost carries. */
export interface AbsentName {
  dim: NameDim;
  label: string;
}

const EXACT = 3;
const DERIVED = 2;
const ALIAS = 1;
const VENDOR_PREFIX = /^(?:amazon|aws|azure|microsoft|google cloud|google|oracle|oci) (.+)$/;

export class AskCatalog {
  readonly names = new Map<string, NameEntry[]>();
  readonly absent = new Map<string, AbsentName>();
  /** Tag keys by lower-case spelling (a key may be stored in several spellings). */
  readonly tagKeys = new Map<string, string[]>();
  /** Every word that is part of some name, for telling a typo in a name from one in grammar. */
  readonly nameWordSet = new Set<string>();
  maxWords = 1;

  constructor(readonly values: CatalogValues) {
    this.addProviders(values.provider);
    this.addServices(values.service);
    for (const a of values.account) this.addAccount(a);
    this.addRegions(values.region);
    for (const t of values['tag-key']) this.tagKeys.set(t.value.toLowerCase(), [...(this.tagKeys.get(t.value.toLowerCase()) ?? []), t.value]);
  }

  /** The best entries for a phrase: all of the highest rank, merged per dimension. */
  lookup(phrase: string): NameEntry[] | undefined {
    const entries = this.names.get(phrase);
    if (!entries?.length) return undefined;
    const top = Math.max(...entries.map((e) => e.rank));
    const byDim = new Map<NameDim, NameEntry>();
    for (const e of entries.filter((x) => x.rank === top)) {
      const seen = byDim.get(e.dim);
      byDim.set(e.dim, seen ? merge(seen, e) : e);
    }
    return [...byDim.values()];
  }

  /** The stored spelling of a tag value; undefined when the values of that key are not known. */
  tagValue(key: string, typed: string): TagValueMatch | undefined {
    const known = this.values.tagValues?.[key];
    return known ? matchTagValue(key, typed, known) : undefined;
  }

  /** Display names closest to what was typed ("did you mean"), using dimension-match's distance. */
  suggest(typed: string, limit = 3): string[] {
    const scored: { label: string; d: number }[] = [];
    for (const [phrase, entries] of this.names) {
      if (Math.abs(phrase.length - typed.length) > 4) continue;
      const d = distance(typed, phrase);
      if (d > Math.max(2, Math.ceil(phrase.length / 3))) continue;
      for (const e of entries) scored.push({ label: displayName(e), d: d - e.rank * 0.01 });
    }
    for (const [key, spellings] of this.tagKeys) {
      const d = distance(typed, key);
      if (d <= Math.max(1, Math.ceil(key.length / 3))) scored.push({ label: `tag ${spellings[0]}`, d });
    }
    scored.sort((a, b) => a.d - b.d || a.label.localeCompare(b.label));
    return [...new Set(scored.map((s) => s.label))].slice(0, limit);
  }

  private add(phrase: string, entry: NameEntry): void {
    const key = phrase.trim();
    if (!key) return;
    const list = this.names.get(key) ?? [];
    list.push(entry);
    this.names.set(key, list);
    for (const w of key.split(' ')) this.nameWordSet.add(w);
    this.maxWords = Math.max(this.maxWords, key.split(' ').length);
  }

  private addProviders(values: DimensionValue[]): void {
    const present = new Set(values.map((v) => v.value));
    for (const [phrase, id] of Object.entries(PROVIDER_WORDS)) {
      if (present.has(id)) this.add(phrase, { dim: 'provider', values: [id], labels: [providerLabel(id)], rank: EXACT });
      else this.absent.set(phrase, { dim: 'provider', label: providerLabel(id) });
    }
    for (const v of values) this.add(nameWords(v.value), { dim: 'provider', values: [v.value], labels: [providerLabel(v.value)], rank: EXACT });
  }

  private addServices(values: DimensionValue[]): void {
    const names = values.map((v) => v.value);
    for (const name of names) {
      const entry = (rank: number): NameEntry => ({ dim: 'service', values: [name], labels: [name], rank });
      const words = nameWords(name);
      // A bare category word ("COMPUTE", Oracle's name) would capture a generic question; see aliases.
      if (!SERVICE_CATEGORY_WORDS[words]) this.add(words, entry(EXACT));
      const acronym = /\(([A-Za-z0-9 ]{2,10})\)/.exec(name)?.[1];
      if (acronym) this.add(nameWords(acronym), entry(DERIVED));
      const withoutAcronym = nameWords(name.replace(/\([^)]*\)/g, ''));
      if (withoutAcronym !== words) this.add(withoutAcronym, entry(DERIVED));
      const bare = VENDOR_PREFIX.exec(withoutAcronym)?.[1];
      if (bare && isDistinctive(bare)) this.add(bare, entry(DERIVED));
    }
    for (const alias of SERVICE_ALIASES) {
      const matched = servicesForAlias(alias, names);
      for (const says of alias.says) {
        if (matched.length > 0) this.add(says, { dim: 'service', values: matched, labels: matched, rank: ALIAS });
        else if (!this.names.has(says)) this.absent.set(says, { dim: 'service', label: says });
      }
    }
  }

  private addAccount(v: DimensionValue): void {
    const label = v.label || v.value;
    const entry = (rank: number): NameEntry => ({ dim: 'account', values: [v.value], labels: [label], rank });
    this.add(v.value.toLowerCase(), entry(EXACT));
    const guid = /^\/subscriptions\/([0-9a-f-]+)$/i.exec(v.value)?.[1];
    if (guid) this.add(guid.toLowerCase(), entry(EXACT));
    if (v.label) {
      const words = nameWords(v.label);
      if (isDistinctive(words)) {
        this.add(words, entry(EXACT));
        if (words.includes('-')) this.add(words.replace(/-/g, ' '), entry(DERIVED));
      }
    }
  }

  private addRegions(values: DimensionValue[]): void {
    for (const v of values) {
      const entry = (rank: number): NameEntry => ({ dim: 'region', values: [v.value], labels: [v.value], rank });
      const id = v.value.toLowerCase();
      this.add(id, entry(EXACT));
      if (id.includes('-')) this.add(id.replace(/-/g, ' '), entry(DERIVED));
      for (const name of REGION_NAMES[id] ?? []) this.add(name, entry(DERIVED));
      const label = nameWords(v.label);
      if (label && label !== id && !VAGUE_REGION_LABELS.has(label)) this.add(label, entry(DERIVED));
    }
  }
}

/** A derived name must not be an everyday word of questions ("monitor", "functions" are fine; "support" is not). */
function isDistinctive(words: string): boolean {
  const w = LEXICON.get(words);
  return words.length >= 3 && (w === undefined || w.role === 'unsupported') && !SERVICE_CATEGORY_WORDS[words];
}

export function displayName(e: Pick<NameEntry, 'dim' | 'values' | 'labels'>): string {
  if (e.dim === 'account') return e.values.map((v, i) => (e.labels[i] && e.labels[i] !== v ? `${e.labels[i]} (${v})` : v)).join(', ');
  return e.labels.join(', ');
}

/** Values and labels stay aligned (one label per value), without repeats. */
function merge(a: NameEntry, b: NameEntry): NameEntry {
  const out = { ...a, values: [...a.values], labels: [...a.labels] };
  b.values.forEach((v, i) => {
    if (out.values.includes(v)) return;
    out.values.push(v);
    out.labels.push(b.labels[i] ?? v);
  });
  return out;
}
