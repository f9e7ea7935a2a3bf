/**
 * Follow-up actions: the next questions an answer offers. Each carries the `/cost` command text
 * (without "/cost") in the grammar of commands/parse-command.ts, so a click in Slack, a line in
 * the console and a link in the API all run exactly what typing it would.
 */
import type { FilterNote, FollowUp, FollowUpId } from './types';

export type { FollowUp, FollowUpId } from './types';

/** Commands longer than this cannot ride on a Slack button (its value holds 2,000 characters). */
export const MAX_COMMAND_LENGTH = 2000;

/** What the Home and digest shortcuts run: the parser's default periods, spelled out. */
export const SHORTCUTS = {
  summary: 'summary this month',
  daily: 'daily 30d',
  topService: 'top service this month',
  digestSettings: 'digest settings',
} as const;

/** The filter dims the parser reads back as `dim:value` tokens. */
const FILTER_DIMS = new Set(['provider', 'account', 'service', 'region', 'tag']);

/** `service:"Amazon EC2"`: quoted when it has spaces; undefined when it cannot be typed (a quote inside). */
function filterToken(f: FilterNote): string | undefined {
  if (!FILTER_DIMS.has(f.dim) || f.input.includes('"') || f.input.trim() === '') return undefined;
  return /\s/.test(f.input) ? `${f.dim}:"${f.input}"` : `${f.dim}:${f.input}`;
}

/** "top account last month provider:aws": the same filters carry into the drill-down. */
export function commandText(words: string, filters: readonly FilterNote[] = []): string {
  const tokens = filters.map(filterToken).filter((t): t is string => t !== undefined);
  return [words.trim(), ...tokens].join(' ');
}

export interface DrillOptions {
  periodText: string;
  /** The previous period as the parser reads it; no "Previous period" action without it. */
  previousCommand?: string;
  filters?: readonly FilterNote[];
  /** The dim already shown, whose "By …" action would repeat the answer. */
  skipDim?: string;
  /** An empty answer: breaking nothing down helps no one, but the period before may have costs. */
  previousOnly?: boolean;
}

/** "By service / By account / By region / Previous period", each within the command length limit. */
export function drillDowns(options: DrillOptions): FollowUp[] {
  const filters = options.filters ?? [];
  const candidates: [string, FollowUpId, string][] = [
    ['service', 'by-service', 'By service'],
    ['account', 'by-account', 'By account'],
    ['region', 'by-region', 'By region'],
  ];
  const out: FollowUp[] = options.previousOnly
    ? []
    : candidates
        .filter(([dim]) => dim !== options.skipDim)
        .map(([dim, id, label]) => ({ id, label, command: commandText(`top ${dim} ${options.periodText}`, filters) }));
  if (options.previousCommand) out.push({ id: 'previous', label: 'Previous period', command: commandText(options.previousCommand, filters) });
  return out.filter((f) => f.command.length <= MAX_COMMAND_LENGTH);
}

export const HOME_ACTIONS: readonly FollowUp[] = [
  { id: 'summary', label: 'Month summary', command: SHORTCUTS.summary, primary: true },
  { id: 'daily', label: 'Daily, 30 days', command: SHORTCUTS.daily },
  { id: 'top-service', label: 'Top services', command: SHORTCUTS.topService },
  { id: 'digest-settings', label: 'Digest settings', command: SHORTCUTS.digestSettings },
];
