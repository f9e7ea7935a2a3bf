/** Every rule on stored data, run over one AdviceData. */
import type { AdviceData } from '../advice-data';
import type { AdviceSettings } from '../advice-settings';
import { DECISION_KINDS } from '../ranking';
import type { Recommendation } from '../recommendation';
import { commitments } from './commitment';
import { costRises } from './cost-rise';
import { idleResources } from './idle';
import { nonProductionSchedules } from './non-production';
import { previousGenerations } from './previous-generation';
import { renewals } from './renewals';

export type Rule = (data: AdviceData, settings: AdviceSettings) => Recommendation[];

/** Part of the kept list's stamp: bump it when a rule changes, so lists computed before are recomputed. */
export const RULES_VERSION = 1;

export const RULES: Readonly<Record<string, Rule>> = {
  idle: idleResources,
  'non-production': nonProductionSchedules,
  commitment: commitments,
  'previous-generation': previousGenerations,
  'cost-rise': costRises,
  renewals,
};

/** All rules; savings below the minimum are dropped, decision points (no saving) kept. */
export function runRules(data: AdviceData, settings: AdviceSettings): Recommendation[] {
  const out: Recommendation[] = [];
  for (const rule of Object.values(RULES)) {
    for (const r of rule(data, settings)) if (DECISION_KINDS.has(r.kind) || r.monthlySaving >= settings.minMonthlySaving) out.push(r);
  }
  return out;
}
