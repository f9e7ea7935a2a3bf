/**
 * The interactivity contract: buttons carry the `/cost` command text to run (without "/cost"),
 * taken from the answer's follow-up actions, so a click answers exactly like typing it.
 */
import type { FollowUp, FollowUpId } from '../../answers/follow-up';
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

/**
 * Drill-downs replace the message they sit on (penny_drill_*); shortcuts answer anew (penny_run_*),
 * since the Home tab and digests have no message of the asker's to replace.
 */
const DRILL_IDS: Partial<Record<FollowUpId, string>> = {
  'by-service': ACTION_IDS.drillService,
  'by-account': ACTION_IDS.drillAccount,
  'by-region': ACTION_IDS.drillRegion,
  previous: ACTION_IDS.drillPrevious,
};
const RUN_IDS: Record<FollowUpId, string> = {
  'by-service': ACTION_IDS.runTopService,
  'by-account': 'penny_run_top_account',
  'by-region': 'penny_run_top_region',
  previous: 'penny_run_previous',
  summary: ACTION_IDS.runSummary,
  daily: ACTION_IDS.runDaily,
  'top-service': ACTION_IDS.runTopService,
  'digest-settings': ACTION_IDS.runDigestSettings,
  'budget-edit': 'penny_budget_edit',
  budgets: 'penny_run_budgets',
  forecast: 'penny_run_forecast',
  anomalies: 'penny_run_anomalies',
};

function actionButton(f: FollowUp, mode: 'drill' | 'run'): Button | undefined {
  if (f.command.length > LIMITS.buttonValue) return undefined;
  const id = (mode === 'drill' ? DRILL_IDS[f.id] : undefined) ?? RUN_IDS[f.id];
  return button(truncate(f.label, LIMITS.buttonText), id, f.command, f.primary ? 'primary' : undefined);
}

/** Buttons for an answer's follow-ups (action ids are unique in the block), or nothing. */
export function followUpActions(actions: readonly FollowUp[], blockId: string, mode: 'drill' | 'run'): ActionsBlock | undefined {
  const elements = actions.map((f) => actionButton(f, mode)).filter((b): b is Button => b !== undefined);
  return elements.length > 0 ? { type: 'actions', block_id: blockId, elements } : undefined;
}
