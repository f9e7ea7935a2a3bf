/**
 * The `/cost` grammar, shared by Slack and the local console. Pure: text in, intent out.
 * Periods are only split off here; they are read (against "today") where the command runs.
 */
import { parseGroupDim, type GroupDim } from '../domain/cost-query';
import { distance } from '../domain/dimension-match';
import { AppError } from '../domain/errors';
import { parsePeriod } from '../domain/period';

import type { LaterFeature } from '../answers/types';
import { isRecommendWord, recommendIntent, simulateText, type RecommendIntent, type SimulateIntent } from './advice-commands';

export const LATER_FEATURES: readonly LaterFeature[] = ['anomalies', 'budget', 'forecast', 'sync'];

export interface CommandFilters {
  providers: string[];
  accounts: string[];
  services: string[];
  regions: string[];
  tags: string[]; // KEY=VALUE
}

export type CostIntent =
  | { kind: 'summary'; periodText: string }
  | { kind: 'daily'; periodText: string }
  | { kind: 'top'; dim: GroupDim; periodText: string }
  | { kind: 'compare'; periodText: string; vsText?: string }
  | { kind: 'report'; cadence: 'weekly' | 'monthly'; format: 'csv' | 'json' }
  | { kind: 'digest'; action: 'on'; time?: string; timeZone?: string }
  | { kind: 'digest'; action: 'off' | 'show' | 'settings' }
  | { kind: 'help' }
  | { kind: 'later'; feature: LaterFeature }
  | RecommendIntent
  | SimulateIntent
  | { kind: 'unknown'; text: string; closest?: string };

export interface ParsedCommand {
  intent: CostIntent;
  /** "public" anywhere posts the answer to the channel; answers are private otherwise. */
  visibility: 'ephemeral' | 'in_channel';
  filters: CommandFilters;
}

export const DEFAULT_PERIODS = { summary: 'this month', daily: '30d', top: 'this month', compare: 'last month' } as const;

const SUBCOMMANDS = ['summary', 'daily', 'top', 'compare', 'report', 'digest', 'help', 'recommend', 'simulate', ...LATER_FEATURES];
const FILTER_KEYS: Record<string, keyof CommandFilters> = {
  provider: 'providers', cloud: 'providers', account: 'accounts', service: 'services', region: 'regions',
};

export class CommandError extends AppError {
  constructor(message: string) {
    super('QUERY_INVALID', message);
  }
}

/** Splits on spaces, keeping "quoted phrases" together. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /([A-Za-z]+:)"([^"]*)"|"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) tokens.push(m[1] ? m[1] + m[2] : (m[3] ?? m[4] ?? m[5] ?? ''));
  return tokens.filter((t) => t !== '');
}

export function parseCommand(text: string): ParsedCommand {
  const filters: CommandFilters = { providers: [], accounts: [], services: [], regions: [], tags: [] };
  let visibility: ParsedCommand['visibility'] = 'ephemeral';
  const words: string[] = [];
  const normalized = text.replace(/[\u201c\u201d]/g, '"');
  // A what-if keeps its words whole: "for service:BigQuery" is part of a change, not a filter.
  const whatIf = simulateText(normalized);
  if (whatIf !== undefined) return { intent: { kind: 'simulate', text: whatIf }, visibility: /(^|\s)public(\s|$)/i.test(normalized) ? 'in_channel' : 'ephemeral', filters };
  for (const token of tokenize(normalized)) {
    const lower = token.toLowerCase();
    if (lower === 'public') {
      visibility = 'in_channel';
      continue;
    }
    const filter = /^([a-z]+):(.+)$/i.exec(token);
    if (filter && FILTER_KEYS[filter[1]!.toLowerCase()]) {
      filters[FILTER_KEYS[filter[1]!.toLowerCase()]!].push(filter[2]!);
      continue;
    }
    if (filter && filter[1]!.toLowerCase() === 'tag' && filter[2]!.includes('=')) {
      filters.tags.push(filter[2]!);
      continue;
    }
    words.push(token);
  }
  const intent = intentOf(words);
  if (intent.kind === 'unknown') {
    const closest = closestCommand(words, normalized);
    return { intent: closest ? { ...intent, closest } : intent, visibility, filters };
  }
  return { intent, visibility, filters };
}

function intentOf(words: string[]): CostIntent {
  const [first = '', ...rest] = words;
  const sub = first.toLowerCase();
  const restText = rest.join(' ');
  switch (sub) {
    case '':
      return { kind: 'summary', periodText: DEFAULT_PERIODS.summary };
    case 'summary':
      return { kind: 'summary', periodText: restText || DEFAULT_PERIODS.summary };
    case 'daily':
    case 'trend':
      return { kind: 'daily', periodText: restText || DEFAULT_PERIODS.daily };
    case 'top':
      return topIntent(rest);
    case 'compare':
      return compareIntent(rest);
    case 'report':
      return reportIntent(rest);
    case 'digest':
      return digestIntent(rest);
    case 'help':
    case '?':
      return { kind: 'help' };
  }
  if (isRecommendWord(sub)) return recommendIntent(rest);
  const later = LATER_FEATURES.find((f) => sub === f || sub === `${f}s`);
  if (later) return { kind: 'later', feature: later };
  // "/cost last month" is a summary of last month; anything else goes to help (or, later, the NL answerer).
  return { kind: 'unknown', text: words.join(' ') };
}

function topIntent(rest: string[]): CostIntent {
  const [dimText, ...period] = rest;
  if (!dimText) throw new CommandError('Top what? Try `/cost top service`, `/cost top account last month` or `/cost top tag:team`.');
  return { kind: 'top', dim: parseGroupDim(dimText), periodText: period.join(' ') || DEFAULT_PERIODS.top };
}

function compareIntent(rest: string[]): CostIntent {
  const vsAt = rest.findIndex((w) => /^(vs\.?|versus|against|with)$/i.test(w));
  if (vsAt < 0) return { kind: 'compare', periodText: rest.join(' ') || DEFAULT_PERIODS.compare };
  const periodText = rest.slice(0, vsAt).join(' ');
  const vsText = rest.slice(vsAt + 1).join(' ');
  if (!periodText || !vsText) throw new CommandError('Compare two periods like `/cost compare last month vs 2024-09`.');
  return { kind: 'compare', periodText, vsText };
}

function reportIntent(rest: string[]): CostIntent {
  const words = rest.map((w) => w.toLowerCase());
  const cadence = words.find((w) => w === 'weekly' || w === 'monthly');
  const format = words.find((w) => w === 'csv' || w === 'json') ?? 'csv';
  const extra = words.filter((w) => w !== cadence && w !== format);
  if (!cadence || extra.length > 0) throw new CommandError('Reports are `/cost report weekly` or `/cost report monthly`, optionally followed by `csv` (the default) or `json`.');
  return { kind: 'report', cadence: cadence as 'weekly' | 'monthly', format: format as 'csv' | 'json' };
}

function digestIntent(rest: string[]): CostIntent {
  const [action = 'show', ...args] = rest;
  switch (action.toLowerCase()) {
    case 'on':
    case 'subscribe':
      if (args.length > 2) throw new CommandError('Turn the digest on like `/cost digest on 09:00 Europe/Berlin` (time and time zone are optional).');
      return { kind: 'digest', action: 'on', time: args[0], timeZone: args[1] };
    case 'off':
    case 'unsubscribe':
      return { kind: 'digest', action: 'off' };
    case 'show':
    case 'status':
      return { kind: 'digest', action: 'show' };
    case 'settings':
    case 'edit':
      return { kind: 'digest', action: 'settings' };
  }
  throw new CommandError('Use `/cost digest on [HH:MM] [Time/Zone]`, `/cost digest off`, `/cost digest show` or `/cost digest settings`.');
}

/** Any fixed day: whether text reads as a period does not depend on the day it is read against. */
const REFERENCE_DAY = '2026-01-15';

function readsAsPeriod(text: string): boolean {
  try {
    parsePeriod(text, REFERENCE_DAY);
    return true;
  } catch {
    return false;
  }
}

/** A typo of `command`: one letter wrong, missing, extra or two swapped; two edits for longer words. */
function nearMiss(word: string, command: string): boolean {
  const d = distance(word, command);
  if (d <= 1) return true;
  const swapped = word.length === command.length && [...word].some((_, i) => i + 1 < word.length && word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) === command);
  return swapped || (d === 2 && word.length >= 6);
}

/** Whether the rest of the command makes sense with that first word: periods that read, a known dim. */
function restParses(intent: CostIntent): boolean {
  switch (intent.kind) {
    case 'summary':
    case 'daily':
    case 'top':
      return readsAsPeriod(intent.periodText);
    case 'compare':
      return readsAsPeriod(intent.periodText) && (intent.vsText === undefined || readsAsPeriod(intent.vsText));
    default:
      return true;
  }
}

/**
 * The command someone most likely meant, only when it is close: the first word is a typo of a
 * subcommand and the rest parses with it ("sumary last month provider:aws"). A question in plain
 * words ("how much did we spend on EC2 last month?") gets no guess, only the list of commands.
 */
function closestCommand(words: string[], text: string): string | undefined {
  const [first = '', ...rest] = words;
  const typed = first.toLowerCase();
  if (!typed) return undefined;
  const near = SUBCOMMANDS.filter((c) => nearMiss(typed, c));
  if (near.length !== 1) return undefined; // none, or ambiguous
  const command = near[0]!;
  if (command === 'help' && rest.length > 0) return undefined;
  try {
    if (!restParses(intentOf([command, ...rest]))) return undefined;
  } catch {
    return undefined; // e.g. "top" with a word that is no dim
  }
  // The typed text with only the first word replaced, so filters and quotes stay as typed.
  const at = new RegExp(`(^|\\s)${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`);
  return at.test(text) ? `/cost ${text.trim().replace(at, `$1${command}`)}` : undefined;
}
