/** Face-neutral answers, and the small display helpers every face shares. Imports only domain. */
export type * from './types';
export type { ChartKind, ChartSeries, ChartSpec } from './chart-spec';
export { commandText, drillDowns, HOME_ACTIONS, MAX_COMMAND_LENGTH, SHORTCUTS, type DrillOptions, type FollowUp, type FollowUpId } from './follow-up';
export { freshnessLine } from './freshness';
export { rangeCommandText, rangeText, shortDay, weekdayDay } from './dates';
export { FILTER_HELP, HELP_LINES, MEANWHILE, notReadyText, PERIOD_HELP, ROUNDING_NOTE } from './help-text';
export { syncStatusLine } from './sync-status';
export { syncDone, syncProgressLine, syncQueued, type SyncProgressAnswer, type SyncSourceProgress, type SyncSourceState } from './sync-progress';
export { askContextLines, askJson, costBasisText, queriedText, refusalText, type AskAnswerView, type AskFiltersView, type AskGroupView, type AskPath, type AskPeriodView, type AskQueryView, type AskRefusalAnswer } from './ask';
export type * from './advice';
export type * from './simulation';
