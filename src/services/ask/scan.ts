/**
 * Reads a normalized question into pieces, left to right: tags, periods, "top N", then the
 * longest known phrase at each point (names first). What is left is reported as unknown.
 */
import { SERVICE_CATEGORY_WORDS } from './aliases';
import type { AbsentName, AskCatalog, NameEntry } from './catalog';
import { findPeriodPhrases, type PeriodPhrase } from './period-phrases';
import { typoAllowance, typoDistance, words } from './text';
import { LEXICON, NUMBER_WORDS, type Word } from './vocabulary';

export type Piece =
  | { kind: 'period'; text: string; phrase: PeriodPhrase }
  | { kind: 'name'; text: string; entries: NameEntry[] }
  | { kind: 'absent'; text: string; absent: AbsentName }
  | { kind: 'tag'; text: string; key: string; value: string }
  | { kind: 'tag-dim'; text: string; key: string; plural: boolean }
  | { kind: 'top'; text: string; n: number }
  | { kind: 'word'; text: string; word: Word }
  | { kind: 'unknown'; text: string };

export interface Scan {
  normalized: string;
  pieces: Piece[];
  corrections: { from: string; to: string }[];
}

/** Tag-key spellings people use for the keys they mean. */
const KEY_SYNONYMS: Record<string, string[]> = {
  env: ['environment', 'stage'], environment: ['env'], team: ['squad', 'owner'], 'cost-center': ['cost center', 'costcenter'],
  application: ['app'], app: ['application'],
};
const MONTH_OR_PERIOD_WORDS = ['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'yesterday', 'today', 'week', 'weeks', 'month', 'months', 'quarter', 'quarters', 'year', 'years', 'days', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'since', 'last', 'past', 'previous', 'before', 'ago', 'between', 'through', 'until'];
const VOCABULARY = [...new Set([...[...LEXICON.keys()].filter((k) => !k.includes(' ') && /^[a-z]+$/.test(k)), ...MONTH_OR_PERIOD_WORDS])];
const TOP_N = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)';
const TOP_PATTERNS = [
  new RegExp(`(?<![\\w-])top ${TOP_N}(?![\\w-])`, 'g'),
  new RegExp(`(?<![\\w-])${TOP_N} (?:biggest|largest|most expensive|costliest|highest|priciest|top)(?![\\w-])`, 'g'),
  new RegExp(`(?<![\\w-])(?:the )?(?:biggest|largest|most expensive|costliest|highest|priciest) ${TOP_N}(?![\\w-])`, 'g'),
];

export function scanQuestion(normalized: string, catalog: AskCatalog, today: string): Scan {
  const corrections: Scan['corrections'] = [];
  const tokens = words(normalized);
  const taken: (Piece | null | undefined)[] = tokens.map(() => undefined); // a piece at its first token, null after
  const claim = (from: number, to: number, piece: Piece) => {
    if (taken.slice(from, to).some((t) => t !== undefined)) return false;
    taken[from] = piece;
    for (let i = from + 1; i < to; i++) taken[i] = null;
    return true;
  };
  const keyOf = tagKeyResolver(catalog);

  scanTags(tokens, keyOf, catalog, claim);
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] !== undefined) continue;
    const fixed = correctTypo(tokens[i]!, catalog);
    if (fixed) {
      corrections.push({ from: tokens[i]!, to: fixed });
      tokens[i] = fixed;
    }
  }
  const text = tokens.join(' ');
  const starts = tokens.map((_, i) => tokens.slice(0, i).join(' ').length + (i > 0 ? 1 : 0));
  const span = (s: number, e: number): [number, number] => [starts.findIndex((x) => x === s), starts.filter((x) => x < e).length];
  for (const phrase of findPeriodPhrases(text, today)) {
    const [from, to] = span(phrase.start, phrase.end);
    if (from >= 0) claim(from, to, { kind: 'period', text: phrase.text, phrase });
  }
  for (const re of TOP_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const [from, to] = span(m.index, m.index + m[0].length);
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!]!;
      if (from >= 0 && n >= 1) claim(from, to, { kind: 'top', text: m[0], n });
    }
  }
  scanPhrases(tokens, taken, catalog, keyOf, claim);

  const pieces: Piece[] = [];
  tokens.forEach((token, i) => {
    const t = taken[i];
    if (t) pieces.push(t);
    else if (t === undefined) {
      const last = pieces[pieces.length - 1];
      // Adjacent unknown words are one unknown name ("atlas orian").
      if (last?.kind === 'unknown' && taken[i - 1] === undefined) last.text += ` ${token}`;
      else pieces.push({ kind: 'unknown', text: token });
    }
  });
  return { normalized, pieces, corrections };
}

type Claim = (from: number, to: number, piece: Piece) => boolean;

function tagKeyResolver(catalog: AskCatalog): (word: string) => string | undefined {
  return (word: string) => {
    const direct = catalog.tagKeys.get(word);
    if (direct) return direct[0];
    for (const [key, synonyms] of Object.entries(KEY_SYNONYMS)) {
      if (synonyms.includes(word) && catalog.tagKeys.get(key)) return catalog.tagKeys.get(key)![0];
    }
    return undefined;
  };
}

/** "team=data", "team:data", "tagged env production", "tag team data", "the data team". */
function scanTags(tokens: string[], keyOf: (w: string) => string | undefined, catalog: AskCatalog, claim: Claim): void {
  const isWordy = (w: string | undefined) => w === undefined || LEXICON.has(w) || /^\d+$/.test(w) || catalog.lookup(w) !== undefined;
  tokens.forEach((token, i) => {
    const pair = /^([^=:]+)[=:](.+)$/.exec(token);
    if (pair && keyOf(pair[1]!)) {
      claim(i, i + 1, { kind: 'tag', text: token, key: keyOf(pair[1]!)!, value: pair[2]! });
      return;
    }
    if ((token === 'tag' || token === 'tagged') && tokens[i + 1]) {
      let k = i + 1;
      if (['with', 'as'].includes(tokens[k]!)) k++;
      const key = tokens[k] && keyOf(tokens[k]!);
      let v = k + 1;
      if (['=', 'is', 'of', 'as'].includes(tokens[v] ?? '')) v++;
      if (key && tokens[v] && !isWordy(tokens[v])) claim(i, v + 1, { kind: 'tag', text: tokens.slice(i, v + 1).join(' '), key, value: tokens[v]! });
      return;
    }
    // "env prod", "costcenter 1234": a key then a value the store has seen under it.
    const keyFirst = keyOf(token);
    const next = tokens[i + 1];
    const known = keyFirst && next ? catalog.tagValue(keyFirst, next) : undefined;
    // With values unknown here, any word that is not grammar or a name may be one (checked before answering).
    if (keyFirst && next && (known ? known.ok : !isWordy(next) || /^\d+$/.test(next)) && !MONTH_OR_PERIOD_WORDS.includes(next)) {
      claim(i, i + 2, { kind: 'tag', text: `${token} ${next}`, key: keyFirst, value: next });
      return;
    }
    // "the data team", "prod env": a value word right before a key word that is not a grammar word ("project").
    const key = keyOf(token);
    const before = tokens[i - 1];
    const grammar = LEXICON.get(token);
    if (key && before && !isWordy(before) && (!grammar || grammar.role === 'filler')) claim(i - 1, i + 1, { kind: 'tag', text: `${before} ${token}`, key, value: before });
  });
}

function scanPhrases(tokens: string[], taken: (Piece | null | undefined)[], catalog: AskCatalog, keyOf: (w: string) => string | undefined, claim: Claim): void {
  const maxWords = Math.max(catalog.maxWords, 4);
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] !== undefined) continue;
    for (let len = Math.min(maxWords, tokens.length - i); len >= 1; len--) {
      if (taken.slice(i, i + len).some((t) => t !== undefined)) continue;
      const phrase = tokens.slice(i, i + len).join(' ');
      const piece = phrasePiece(phrase, catalog, keyOf);
      if (piece && claim(i, i + len, piece)) {
        i += len - 1;
        break;
      }
    }
  }
}

/** Names win over grammar words of the same length: a service called "Monitor" is a name. */
function phrasePiece(phrase: string, catalog: AskCatalog, keyOf: (w: string) => string | undefined): Piece | undefined {
  const entries = catalog.lookup(phrase);
  if (entries) return { kind: 'name', text: phrase, entries };
  const absent = catalog.absent.get(phrase);
  if (absent) return { kind: 'absent', text: phrase, absent };
  const word = LEXICON.get(phrase);
  // A tag key ("team", "org") groups like a dimension, unless it is a grammar word ("project" means account).
  const singular = phrase.replace(/s$/, '');
  const key = keyOf(phrase) ?? (singular !== phrase ? keyOf(singular) : undefined);
  if (key && (!word || word.role === 'filler')) return { kind: 'tag-dim', text: phrase, key, plural: singular !== phrase };
  if (SERVICE_CATEGORY_WORDS[phrase]) return { kind: 'word', text: phrase, word: { role: 'unsupported', what: `service categories like "${phrase}"` } };
  return word ? { kind: 'word', text: phrase, word } : undefined;
}

/** A grammar word with a typo ("spnd", "yesterdy") is fixed; a name with a typo is not (it gets "did you mean"). */
function correctTypo(token: string, catalog: AskCatalog): string | undefined {
  if (!/^[a-z]+$/.test(token) || LEXICON.has(token) || catalog.nameWordSet.has(token) || MONTH_OR_PERIOD_WORDS.includes(token)) return undefined;
  if (catalog.tagKeys.has(token) || catalog.tagKeys.has(token.replace(/s$/, '')) || LEXICON.has(token.replace(/s$/, '')) || SERVICE_CATEGORY_WORDS[token]) return undefined;
  if (/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)$/.test(token)) return undefined;
  // Three-letter words get only a swap of two letters ("hwo"); shorter ones nothing.
  const allowance = token.length === 3 ? 0.5 : typoAllowance(token);
  if (allowance === 0) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  let tie = false;
  // Two equally close words only conflict when they mean different things ("waht": what/want are both filler).
  const meaning = (w: string) => JSON.stringify(LEXICON.get(w) ?? w);
  const letters = [...token].sort().join('');
  for (const w of VOCABULARY) {
    if (Math.abs(w.length - token.length) > allowance) continue;
    // Swapped letters are the commonest typo: an anagram beats an equally close other word.
    const d = typoDistance(token, w) - ([...w].sort().join('') === letters ? 0.5 : 0);
    if (d < bestD) [best, bestD, tie] = [w, d, false];
    else if (d === bestD && best !== undefined && meaning(w) !== meaning(best)) tie = true;
  }
  if (!best || bestD > allowance || tie) return undefined;
  for (const name of catalog.nameWordSet) if (Math.abs(name.length - token.length) <= bestD && typoDistance(token, name) <= Math.ceil(bestD)) return undefined;
  return best;
}
