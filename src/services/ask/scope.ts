/**
 * What an asker may see. Penny has no per-user data scopes yet; a face that has one (a channel's
 * project, an allow-list) passes it in, and every path (the parser, the LLM's tools, thread
 * follow-ups) is held to it here, after the question is read and before the store is asked.
 * No wording of a question can widen it: the scope is applied to the typed intent, not the text.
 */
import type { AskIntent, Refusal } from './intent';
import { refusal } from './refusals';

export interface AskScope {
  /** Allow-lists of stored values; an absent list means "any". */
  providers?: string[];
  accounts?: string[];
  services?: string[];
  regions?: string[];
  /** Every answer is held to these tags. */
  tags?: { key: string; value: string }[];
  /** What the scope is, for the refusal ("this channel's project"). */
  name?: string;
}

const DIMS = [['providers', 'provider'], ['accounts', 'account'], ['services', 'service'], ['regions', 'region']] as const;

export function isScoped(scope: AskScope | undefined): scope is AskScope {
  return scope !== undefined && (DIMS.some(([key]) => scope[key] !== undefined) || (scope.tags?.length ?? 0) > 0);
}

/** The intent narrowed to the scope, or a refusal when it names anything outside it. */
export function applyScope(intent: AskIntent, scope: AskScope | undefined): { ok: true; intent: AskIntent } | Refusal {
  if (!isScoped(scope)) return { ok: true, intent };
  const where = scope.name ?? 'here';
  const outside = (what: string) => refusal('out-of-scope', `You can only see some of the costs ${where}, and ${what} is outside them. Ask about the costs you can see.`);
  const filters = { ...intent.query.filters, tags: [...intent.query.filters.tags] };
  for (const [key, noun] of DIMS) {
    const allowed = scope[key];
    if (allowed === undefined) continue;
    const asked = filters[key];
    // Part of a question answered as if it were all of it would mislead: outside values are refused.
    const denied = asked.filter((v) => !allowed.includes(v));
    if (denied.length > 0) return outside(`${noun} ${denied.join(', ')}`);
    if (asked.length === 0) filters[key] = [...allowed];
  }
  for (const tag of scope.tags ?? []) {
    const other = filters.tags.find((t) => t.key === tag.key && t.value !== tag.value);
    if (other) return outside(`${other.key}=${other.value}`);
    if (!filters.tags.some((t) => t.key === tag.key)) filters.tags.push({ ...tag });
  }
  return { ok: true, intent: { ...intent, query: { ...intent.query, filters } } as AskIntent };
}
