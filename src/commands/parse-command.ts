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

export const LATER_FEATURES: readonly LaterFeature[] = ['anomalies', 'budget', 'forecast'];

export interface CommandFilters {
  providers: string[];
  accounts: string[];
  services: string[];
  regions: string[];
  tags: string[]; // KEY=VALUE
  projects: string[];
}

export type CostIntent =
  | { kind: 'summary'; periodText: string }
  | { kind: 'daily'; periodText: string }
  | { kind: 'top'; dim: GroupDim; periodText: string }
  | { kind: 'compare'; periodText: string; vsText?: string }
  | { kind: 'report'; cadence: 'weekly' | 'monthly'; format: 'csv' | 'json' }
  | ReportScheduleIntent
  | { kind: 'digest'; action: 'on'; time?: string; timeZone?: string; channel?: string }
  | { kind: 'digest'; action: 'off' | 'show'; channel?: string }
  | { kind: 'digest'; action: 'settings' }
  | { kind: 'help' }
  | ProjectIntent
  | { kind: 'anomalies'; periodText: string }
  | { kind: 'budget'; action: 'list' }
  | { kind: 'budget'; action: 'edit'; name?: string }
  | { kind: 'forecast'; by?: 'provider' | 'service' }
  | { kind: 'alerts'; action: 'on' | 'off' | 'show' }
  | { kind: 'later'; feature: LaterFeature }
  | { kind: 'sync'; source?: 'aws' | 'gcp' | 'azure' }
  | RecommendIntent
  | SimulateIntent
  | { kind: 'unknown'; text: string; closest?: string };

/** `/cost project …`: the registry. Accounts and tags of `add` come from the filters (account:…, tag:K=V). */
export type ProjectIntent =
  | { kind: 'project'; action: 'list' }
  | { kind: 'project'; action: 'show' | 'remove'; name: string }
  | { kind: 'project'; action: 'add'; name: string; owner?: string; channel?: string };

/** `/cost report weekly schedule [csv|json] [#channel]`, `… unschedule [#channel]`, `/cost report schedules`. */
export type ReportScheduleIntent =
  | { kind: 'report-schedule'; action: 'list' }
  | { kind: 'report-schedule'; action: 'on'; cadence: 'weekly' | 'monthly'; format: 'csv' | 'json'; channel?: string }
  | { kind: 'report-schedule'; action: 'off'; cadence: 'weekly' | 'monthly'; channel?: string };

export interface ParsedCommand {
  intent: CostIntent;
  /** "public" anywhere posts the answer to the channel; answers are private otherwise. */
  visibility: 'ephemeral' | 'in_channel';
  filters: CommandFilters;
}

export const DEFAULT_PERIODS = { summary: 'this month', daily: '30d', top: 'this month', compare: 'last month', anomalies: '30d' } as const;

const SUBCOMMANDS = ['summary', 'daily', 'top', 'compare', 'report', 'digest', 'project', 'help', 'alerts', 'recommend', 'simulate', 'sync', ...LATER_FEATURES];
const FILTER_KEYS: Record<string, keyof CommandFilters> = {
  provider: 'providers', cloud: 'providers', account: 'accounts', service: 'services', region: 'regions', project: 'projects',
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
  const filters: CommandFilters = { providers: [], accounts: [], services: [], regions: [], tags: [], projects: [] };
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
    case 'project':
    case 'projects':
      return projectIntent(rest);
    case 'help':
    case '?':
      return { kind: 'help' };
    case 'anomalies':
    case 'anomaly':
      return { kind: 'anomalies', periodText: restText || DEFAULT_PERIODS.anomalies };
    case 'budget':
    case 'budgets':
      return budgetIntent(rest);
    case 'forecast':
      return forecastIntent(rest);
    case 'alerts':
    case 'alert':
      return alertsIntent(rest);
    case 'sync':
      return syncIntent(rest);
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

const REPORT_USAGE =
  'Reports are `/cost report weekly` or `/cost report monthly`, optionally followed by `csv` (the default) or `json`. ' +
  'Add `schedule [#channel]` to get it every week or month, `unschedule` to stop; `/cost report schedules` lists them.';

function reportIntent(rest: string[]): CostIntent {
  const words = rest.map((w) => w.toLowerCase());
  if (words.length === 1 && (words[0] === 'schedules' || words[0] === 'scheduled')) return { kind: 'report-schedule', action: 'list' };
  const cadence = words.find((w) => w === 'weekly' || w === 'monthly') as 'weekly' | 'monthly' | undefined;
  const format = (words.find((w) => w === 'csv' || w === 'json') ?? 'csv') as 'csv' | 'json';
  const action = words.find((w) => w === 'schedule' || w === 'unschedule');
  const channel = rest.find((w) => w.startsWith('<#') || w.startsWith('#'));
  const known: (string | undefined)[] = [cadence, format, action];
  const extra = rest.filter((w) => !known.includes(w.toLowerCase()) && w !== channel);
  if (!cadence || extra.length > 0 || (channel && !action)) throw new CommandError(REPORT_USAGE);
  if (action === 'schedule') return { kind: 'report-schedule', action: 'on', cadence, format, ...(channel ? { channel } : {}) };
  if (action === 'unschedule') return { kind: 'report-schedule', action: 'off', cadence, ...(channel ? { channel } : {}) };
  return { kind: 'report', cadence, format };
}

function budgetIntent(rest: string[]): CostIntent {
  const [action = 'list', ...name] = rest;
  switch (action.toLowerCase()) {
    case 'list':
    case 'status':
    case 'show':
      return { kind: 'budget', action: 'list' };
    case 'new':
    case 'add':
    case 'set':
      // The amount and the rest are entered in the form (Slack: the modal).
      return { kind: 'budget', action: 'edit' };
    case 'edit':
      return name.length > 0 ? { kind: 'budget', action: 'edit', name: name.join(' ') } : { kind: 'budget', action: 'edit' };
  }
  throw new CommandError('Use `/cost budget` to see the budgets, or `/cost budget edit [name]` to create or change one.');
}

function forecastIntent(rest: string[]): CostIntent {
  const words = rest.map((w) => w.toLowerCase()).filter((w) => w !== 'by');
  if (words.length === 0) return { kind: 'forecast' };
  const by = words[0]!.replace(/s$/, '');
  if (words.length > 1 || (by !== 'provider' && by !== 'service')) throw new CommandError('Use `/cost forecast`, `/cost forecast by provider` or `/cost forecast by service`.');
  return { kind: 'forecast', by };
}

function alertsIntent(rest: string[]): CostIntent {
  const action = (rest[0] ?? 'show').toLowerCase();
  if ((action === 'on' || action === 'off' || action === 'show' || action === 'status') && rest.length <= 1) return { kind: 'alerts', action: action === 'status' ? 'show' : action };
  throw new CommandError('Use `/cost alerts on [provider:aws service:ec2 …]`, `/cost alerts off` or `/cost alerts show`.');
}

function digestIntent(rest: string[]): CostIntent {
  const [action = 'show', ...words] = rest;
  // A #channel names another channel than this one (admins only, checked by the router).
  const channel = words.find((w) => w.startsWith('<#') || w.startsWith('#'));
  const args = words.filter((w) => w !== channel);
  const where = channel ? { channel } : {};
  switch (action.toLowerCase()) {
    case 'on':
    case 'subscribe':
      if (args.length > 2) throw new CommandError('Turn the digest on like `/cost digest on 09:00 Europe/Berlin` (time and time zone are optional).');
      return { kind: 'digest', action: 'on', time: args[0], timeZone: args[1], ...where };
    case 'off':
    case 'unsubscribe':
      return { kind: 'digest', action: 'off', ...where };
    case 'show':
    case 'status':
      return { kind: 'digest', action: 'show', ...where };
    case 'settings':
    case 'edit':
      if (channel) throw new CommandError('Open the digest settings in the channel itself: `/cost digest settings`.');
      return { kind: 'digest', action: 'settings' };
  }
  throw new CommandError('Use `/cost digest on [HH:MM] [Time/Zone]`, `/cost digest off`, `/cost digest show` or `/cost digest settings`.');
}

const PROJECT_USAGE =
  'Use `/cost project list`, `/cost project show NAME`, `/cost project remove NAME`, or ' +
  '`/cost project add NAME [@owner] [#channel] account:ID… tag:KEY=VALUE…` (the owner and channel default to you and this channel).';

function projectIntent(rest: string[]): CostIntent {
  const [action = 'list', name, ...extra] = rest;
  switch (action.toLowerCase()) {
    case 'list':
      if (name) break;
      return { kind: 'project', action: 'list' };
    case 'show':
    case 'remove':
    case 'delete':
    case 'rm':
      if (!name || extra.length > 0) break;
      return { kind: 'project', action: action.toLowerCase() === 'show' ? 'show' : 'remove', name };
    case 'add': {
      if (!name) break;
      const intent: Extract<ProjectIntent, { action: 'add' }> = { kind: 'project', action: 'add', name };
      for (const word of extra) {
        const value = word.replace(/^(owner|channel):/i, '');
        const isChannel = /^channel:/i.test(word) || value.startsWith('<#') || value.startsWith('#');
        const isOwner = /^owner:/i.test(word) || value.startsWith('<@') || value.startsWith('<!subteam') || value.startsWith('@');
        if (isChannel && !intent.channel) intent.channel = value;
        else if (isOwner && !intent.owner) intent.owner = value;
        else throw new CommandError(`I can't read "${word}" in a project. ${PROJECT_USAGE}`);
      }
      return intent;
    }
  }
  throw new CommandError(PROJECT_USAGE);
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

/** `/cost sync [aws|gcp|azure]`: every enabled cloud source, or the one named. */
function syncIntent(rest: string[]): CostIntent {
  const [source, ...extra] = rest.map((w) => w.toLowerCase());
  if (extra.length > 0 || (source !== undefined && source !== 'aws' && source !== 'gcp' && source !== 'azure')) {
    throw new CommandError('Use `/cost sync` for every cloud source, or `/cost sync aws`, `/cost sync gcp` or `/cost sync azure` for one.');
  }
  return source ? { kind: 'sync', source } : { kind: 'sync' };
}
