/**
 * Reading the words around a piece: which dimension a question groups by ("by region", "which
 * GCP project", "top 5 accounts"), what a "not" or a "vs" applies to, and names set side by side.
 */
import type { GroupDim } from '../../domain/cost-query';
import type { AskCatalog } from './catalog';
import type { NameMatch } from './intent';
import { quoteList, refusal } from './refusals';
import type { Piece } from './scan';
import type { Cue } from './vocabulary';

export interface Grouping {
  dim?: GroupDim;
  top?: number;
  plural: boolean;
  /** Grouped by "which"/"what" or a superlative: the question asks for a ranking. */
  ranking: boolean;
}

/** "by region", "which service", "top 5 accounts", "per team", "daily": the one dimension asked for. */
export function groupingOf(pieces: Piece[]): Grouping | { refusal: ReturnType<typeof refusal> } {
  const found: { dim: GroupDim; plural: boolean; ranking: boolean }[] = [];
  let top: number | undefined;
  pieces.forEach((p, i) => {
    if (p.kind === 'top') top = p.n;
    const dim: { dim: GroupDim; plural: boolean; implied?: boolean } | undefined =
      p.kind === 'tag-dim' ? { dim: `tag:${p.key}`, plural: p.plural } : p.kind === 'word' && p.word.role === 'dim' ? p.word : undefined;
    if (!dim) return;
    const next = pieces[i + 1];
    // "the prod-core account", "the EC2 service": a noun right after a name of its kind only names it.
    const before = previousMeaningful(pieces, i);
    if (before?.kind === 'name' && before.entries.some((e) => e.dim === dim.dim)) return;
    // "which GCP project": names of another kind may sit between the cue and the noun.
    const prev = previousMeaningful(pieces, i, true);
    const byCue = prev?.kind === 'word' && prev.word.role === 'cue' && (prev.word.cue === 'group' || prev.word.cue === 'superlative');
    const ranking = (prev?.kind === 'word' && prev.word.role === 'cue' && (prev.word.cue === 'superlative' || /^(which|what)$/.test(prev.text))) || prev?.kind === 'top';
    const after = next?.kind === 'word' && next.word.role === 'cue' && next.word.cue === 'group' && /^(breakdown|split)/.test(next.text);
    // "by service and region": a dimension right after a grouped one is grouped too (and then refused).
    const chained = prev !== undefined && found.length > 0 && (prev.kind === 'tag-dim' || (prev.kind === 'word' && prev.word.role === 'dim'));
    // "account 11353890204", "the service EC2": the noun only introduces a name.
    if (next?.kind === 'name' && next.entries.some((e) => e.dim === dim.dim)) return;
    if (dim.implied || byCue || ranking || after || chained) found.push({ dim: dim.dim, plural: dim.plural, ranking: Boolean(ranking) });
  });
  const dims = [...new Set(found.map((f) => f.dim))];
  if (dims.length > 1) {
    return { refusal: refusal('unsupported', `I can break costs down one way at a time, and this asks for ${dims.join(' and ')}.`) };
  }
  const superlative = pieces.some((p) => p.kind === 'word' && p.word.role === 'cue' && p.word.cue === 'superlative');
  const ranking = found.some((f) => f.ranking) || superlative || top !== undefined;
  // "movers", "changes", "drivers" ask for several, whatever the noun.
  const pluralWord = pieces.some((p) => p.kind === 'word' && p.word.role === 'cue' && /^(movers|changes|increases|decreases|drivers|drops)$/.test(p.text));
  const plural = found.some((f) => f.plural) || (top !== undefined && top > 1) || pluralWord;
  const dim = dims[0] ?? (top !== undefined || (superlative && !dims.length) ? 'service' : undefined);
  const timeDim = dim === 'day' || dim === 'month';
  return { dim, top: top ?? (superlative && dim ? (plural && !timeDim ? 5 : 1) : undefined), plural, ranking };
}

/** Words that name a tag in most companies: "by team" must not quietly become a total when there is no team tag. */
const TAG_LIKE = /^(teams?|owners?|env|envs|environments?|apps?|applications?|departments?|orgs?|organizations?|squads?|cost ?centers?|business units?)$/;

export function untaggedGrouping(pieces: Piece[], catalog: AskCatalog): ReturnType<typeof refusal> | undefined {
  const i = pieces.findIndex((p, j) => p.kind === 'word' && p.word.role === 'filler' && TAG_LIKE.test(p.text) && previousMeaningful(pieces, j)?.kind === 'word');
  if (i < 0) return undefined;
  const prev = previousMeaningful(pieces, i);
  if (!(prev?.kind === 'word' && prev.word.role === 'cue' && (prev.word.cue === 'group' || prev.word.cue === 'superlative'))) return undefined;
  const keys = [...catalog.tagKeys.values()].map((k) => k[0]!);
  const hint = keys.length ? ` The tags I see are ${quoteList(keys.slice(0, 8))}.` : ' Your costs carry no tags.';
  return refusal('unknown-name', `I don't see a "${pieces[i]!.text}" tag in your costs.${hint}`, keys.slice(0, 3).map((k) => `tag ${k}`));
}

/** The piece before i, skipping filler and cost words ("the most expensive day"), and names when asked. */
export function previousMeaningful(pieces: Piece[], i: number, skipNames = false): Piece | undefined {
  for (let j = i - 1; j >= 0; j--) {
    const p = pieces[j]!;
    if (p.kind === 'word' && (p.word.role === 'filler' || (p.word.role === 'cue' && p.word.cue === 'cost'))) continue;
    if (skipNames && p.kind === 'name') continue;
    return p;
  }
  return undefined;
}

/** Piece i is a comparison's baseline: right after "vs"/"than", or after "to"/"with" in "compare A to B". */
export function isBaseline(pieces: Piece[], i: number, compareVerb: boolean): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const p = pieces[j]!;
    if (p.kind === 'word' && p.word.role === 'cue' && p.word.cue === 'baseline') return true;
    if (compareVerb && p.kind === 'word' && /^(to|with|and)$/.test(p.text)) return true;
    if (!(p.kind === 'word' && (p.word.role === 'filler' || (p.word.role === 'cue' && p.word.cue === 'cost')))) return false;
  }
  return false;
}

/** "GCP vs AWS", "compare prod-core and staging": two names of one kind set side by side. */
export function namesCompared(pieces: Piece[], matched: NameMatch[], cues: Set<Cue>, periodCount: number): GroupDim | undefined {
  const baselineName = pieces.findIndex((p, i) => p.kind === 'name' && isBaseline(pieces, i, cues.has('compare')));
  const dims = (['provider', 'service', 'account', 'region'] as const).filter((d) => matched.filter((m) => m.dim === d).length >= 2);
  if (baselineName >= 0) {
    const dim = (pieces[baselineName] as Extract<Piece, { kind: 'name' }>).entries[0]!.dim;
    return dims.includes(dim) ? dim : undefined;
  }
  return cues.has('compare') && !cues.has('baseline') && periodCount <= 1 && dims.length === 1 ? dims[0] : undefined;
}

/** A cue within the two meaningful pieces before piece i ("excluding the credits", "vs the month before"). */
export function precededBy(pieces: Piece[], i: number, cue: Cue): boolean {
  let seen = 0;
  for (let j = i - 1; j >= 0 && seen < 2; j--) {
    const p = pieces[j]!;
    // A bare "not"/"no" negates only the word right after it ("not EC2"; not "why did not AWS…").
    if (p.kind === 'word' && p.word.role === 'cue' && p.word.cue === cue) return !(p.text === 'not' || p.text === 'no') || j === i - 1;
    if (!(p.kind === 'word' && (p.word.role === 'filler' || p.word.role === 'category'))) seen++;
  }
  return false;
}
