/**
 * Presenters: pure functions from the query engine's CostResults to face-neutral answers.
 * The work lives in the files re-exported here.
 */
export { dimLabelOf, presentCompare, presentDaily, presentSummary, presentTop } from './present-costs';
export { presentDigest, presentHome } from './present-home';
export { presentBreakdown } from './present-breakdown';
