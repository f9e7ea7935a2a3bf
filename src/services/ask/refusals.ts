/**
 * What Penny says when it will not answer: the reason, close names, and questions it can answer.
 */
import type { Refusal, RefusalCode } from './intent';

export const EXAMPLE_QUESTIONS = [
  'What did we spend last month?',
  'What did EC2 cost us last week?',
  'Why is Azure up this month?',
  'What will we spend this month?',
  'Are we over budget?',
  'Top 5 services in September',
  'Costs by region this month so far',
  'How did last month compare to the month before?',
  'Which service grew most vs last month?',
  'Daily AWS costs over the last 30 days',
  'Any anomalies last week?',
  'How can we save money?',
];

/** What Penny can answer, for a refusal's closing line. */
export const CAN_ANSWER = 'I can answer totals, breakdowns (by service, account, region, provider, charge category or tag), top N, comparisons between periods, biggest movers, daily or monthly trends, what drove a change, forecasts, budget status, anomalies and savings recommendations.';

export function refusal(code: RefusalCode, reason: string, suggestions: string[] = [], examples: string[] = []): Refusal {
  return { ok: false, code, reason, suggestions, examples: [...new Set([...examples, ...EXAMPLE_QUESTIONS])].slice(0, 5) };
}

/** The question again with a close name in place of the unknown words: "did you mean …?" */
export function rewritten(normalized: string, unknown: string, suggestion: string): string {
  const fixed = normalized.replace(unknown, suggestion.replace(/ \(.*\)$/, ''));
  return fixed.charAt(0).toUpperCase() + fixed.slice(1) + (fixed.endsWith('?') ? '' : '?');
}

export function quoteList(items: string[]): string {
  const quoted = items.map((s) => `"${s}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
