/**
 * The recommendation and what-if words of the `/cost` grammar:
 *   recommend [all] [filters]            the list (all: dismissed and snoozed too)
 *   recommend dismiss|snooze|reopen ID   a decision (buttons send these)
 *   recommend evidence ID                one recommendation's numbers
 *   simulate CHANGE[; CHANGE…]           a what-if (read by domain/simulation/parse-changes.ts)
 */
import { AppError } from '../domain/errors';

export type RecommendIntent =
  | { kind: 'recommend'; action: 'list'; all: boolean }
  | { kind: 'recommend'; action: 'dismiss' | 'snooze' | 'reopen' | 'evidence'; id: string };

export interface SimulateIntent {
  kind: 'simulate';
  text: string;
}

const ACTIONS: Record<string, 'dismiss' | 'snooze' | 'reopen' | 'evidence'> = {
  dismiss: 'dismiss', snooze: 'snooze', reopen: 'reopen', undismiss: 'reopen', evidence: 'evidence', why: 'evidence', show: 'evidence',
};

export function isRecommendWord(word: string): boolean {
  const w = word.toLowerCase();
  return w === 'recommend' || w === 'recommends' || w.startsWith('recommendation') || w === 'advice';
}

export function recommendIntent(rest: string[]): RecommendIntent {
  const [first = '', second, ...extra] = rest;
  const word = first.toLowerCase();
  if (word === '') return { kind: 'recommend', action: 'list', all: false };
  if (word === 'all' && rest.length === 1) return { kind: 'recommend', action: 'list', all: true };
  const action = ACTIONS[word];
  if (action && second && /^rec-[0-9a-f]{6,}$/i.test(second) && extra.length === 0) return { kind: 'recommend', action, id: second.toLowerCase() };
  throw new AppError(
    'QUERY_INVALID',
    'Use `/cost recommend [all] [provider:… account:… service:… region:…]`, or `/cost recommend dismiss|snooze|reopen|evidence rec-…` with an id from the list.',
  );
}

/** "simulate EC2 -20% from 2026-12" → the text after the word, as typed (filters stay in it). */
export function simulateText(text: string): string | undefined {
  const m = /^\s*(?:simulate|what-?if)\b\s*(.*)$/is.exec(text);
  return m ? m[1]!.replace(/(^|\s)public(?=\s|$)/i, ' ').trim() : undefined;
}
