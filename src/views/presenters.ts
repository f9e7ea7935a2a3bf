/**
 * Presenters: pure functions from CostAnswers to view models. One import for every face
 * (Slack, console, jobs); the work lives in the files re-exported here.
 */
export { dimLabelOf, presentCompare, presentDaily, presentSummary, presentTop } from './present-costs';
export { freshnessLine, presentDigest, presentHome } from './present-home';
export { reportCsv, reportJson, reportRowCount } from './report-file';
export { DEFAULT_CURRENCY } from './ranking';
