/**
 * The interactivity contract: buttons carry the `/cost` command text to run (without "/cost"),
 * in the grammar of commands/parse-command.ts, so a click answers exactly like typing it.
 */
import type { FilterNote } from '../../views/view-models';
import { button, truncate } from './format';
import { LIMITS } from './limits';
import type { ActionsBlock, Button } from './types';

export const ACTION_IDS = {
  drillService: 'penny_drill_service',
  drillAccount: 'penny_drill_account',
  drillRegion: 'penny_drill_region',
  drillPrevious: 'penny_drill_previous',
  runSummary: 'penny_run_summary',
  runDaily: 'penny_run_daily',
  runTopService: 'penny_run_top_service',
  runDigestSettings: 'penny_run_digest_settings',
} as const;

/** What the Home buttons run: the parser's default periods, spelled out. */
export const HOME_COMMANDS = {
  summary: 'summary this month',
  daily: 'daily 30d',
  topService: 'top service this month',
  digestSettings: 'digest settings',
} as const;

/** The filter dims the parser reads back as `dim:value` tokens. */
const FILTER_DIMS = new Set(['provider', 'account', 'service', 'region', 'tag']);

/** `service:"Amazon EC2"` — quoted when it has spaces; undefined when it cannot be typed (a quote inside). */
function filterToken(f: FilterNote): string | undefined {
  if (!FILTER_DIMS.has(f.dim) || f.input.includes('"') || f.input.trim() === '') return undefined;
  return /\s/.test(f.input) ? `${f.dim}:"${f.input}"` : `${f.dim}:${f.input}`;
}

/** "top account last month provider:aws": the same filters carry into the drill-down. */
export function commandText(words: string, filters: readonly FilterNote[] = []): string {
  const tokens = filters.map(filterToken).filter((t): t is string => t !== undefined);
  return [words.trim(), ...tokens].join(' ');
}

/** A button only when its command fits Slack's 2,000-character value. */
function commandButton(label: string, actionId: string, command: string): Button | undefined {
  return command.length <= LIMITS.buttonValue ? button(truncate(label, LIMITS.buttonText), actionId, command) : undefined;
}

export interface DrillOptions {
  periodText: string;
  /** The previous period as the parser reads it; no "Previous period" button without it. */
  previousCommand?: string;
  filters?: readonly FilterNote[];
  /** The dim already shown, whose "By …" button would repeat the answer. */
  skipDim?: string;
  /** An empty answer: breaking nothing down helps no one, but the period before may have costs. */
  previousOnly?: boolean;
}

/** "By service / By account / By region / Previous period": action ids are unique in the block. */
export function drillActions(options: DrillOptions): ActionsBlock | undefined {
  const filters = options.filters ?? [];
  const candidates: [string, string, string, string][] = [
    ['service', 'By service', ACTION_IDS.drillService, `top service ${options.periodText}`],
    ['account', 'By account', ACTION_IDS.drillAccount, `top account ${options.periodText}`],
    ['region', 'By region', ACTION_IDS.drillRegion, `top region ${options.periodText}`],
  ];
  const buttons = candidates
    .filter(([dim]) => dim !== options.skipDim && !options.previousOnly)
    .map(([, label, id, words]) => commandButton(label, id, commandText(words, filters)));
  if (options.previousCommand) buttons.push(commandButton('Previous period', ACTION_IDS.drillPrevious, commandText(options.previousCommand, filters)));
  const elements = buttons.filter((b): b is Button => b !== undefined);
  return elements.length > 0 ? { type: 'actions', block_id: 'penny_drill', elements } : undefined;
}

export function homeActions(): ActionsBlock {
  return {
    type: 'actions',
    block_id: 'penny_home_actions',
    elements: [
      button('Month summary', ACTION_IDS.runSummary, HOME_COMMANDS.summary, 'primary'),
      button('Daily, 30 days', ACTION_IDS.runDaily, HOME_COMMANDS.daily),
      button('Top services', ACTION_IDS.runTopService, HOME_COMMANDS.topService),
      button('Digest settings', ACTION_IDS.runDigestSettings, HOME_COMMANDS.digestSettings),
    ],
  };
}
