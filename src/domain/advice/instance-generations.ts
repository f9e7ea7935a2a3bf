/**
 * Previous-generation instance families and the current family that replaces each, with how
 * much cheaper the replacement is per hour at list price (Linux on-demand, us-east-1 for AWS,
 * us-central1 for Google Cloud, East US for Azure; the same size on both sides). A family whose
 * successor is not cheaper (g3 → g4dn) is left out: moving is then about speed, not money.
 */

export interface GenerationStep {
  provider: string;
  /** Matches the instance type, e.g. /^m4\./ */
  family: RegExp;
  from: string;
  to: string;
  /** Per-hour saving of `to` against `from`, in percent (rounded down). */
  savingPct: number;
  /** The two list prices the percentage comes from. */
  basis: string;
}

export const GENERATION_STEPS: readonly GenerationStep[] = [
  { provider: 'aws', family: /^t2\./i, from: 't2', to: 't3', savingPct: 10, basis: 't2.micro $0.0116/h vs t3.micro $0.0104/h' },
  { provider: 'aws', family: /^m3\./i, from: 'm3', to: 'm6i', savingPct: 27, basis: 'm3.large $0.133/h vs m6i.large $0.096/h' },
  { provider: 'aws', family: /^m4\./i, from: 'm4', to: 'm6i', savingPct: 4, basis: 'm4.large $0.100/h vs m6i.large $0.096/h' },
  { provider: 'aws', family: /^c3\./i, from: 'c3', to: 'c6i', savingPct: 19, basis: 'c3.large $0.105/h vs c6i.large $0.085/h' },
  { provider: 'aws', family: /^c4\./i, from: 'c4', to: 'c6i', savingPct: 15, basis: 'c4.large $0.100/h vs c6i.large $0.085/h' },
  { provider: 'aws', family: /^r3\./i, from: 'r3', to: 'r6i', savingPct: 24, basis: 'r3.large $0.166/h vs r6i.large $0.126/h' },
  { provider: 'aws', family: /^r4\./i, from: 'r4', to: 'r6i', savingPct: 5, basis: 'r4.large $0.133/h vs r6i.large $0.126/h' },
  { provider: 'gcp', family: /^n1-/i, from: 'N1', to: 'E2', savingPct: 29, basis: 'n1-standard-2 $0.0950/h vs e2-standard-2 $0.0670/h' },
  { provider: 'azure', family: /^standard_ds?\d+_v2$/i, from: 'Dv2', to: 'Dsv5', savingPct: 15, basis: 'Standard_D2_v2 $0.114/h vs Standard_D2s_v5 $0.096/h' },
];

export function generationStep(provider: string, instanceType: string): GenerationStep | undefined {
  return GENERATION_STEPS.find((s) => s.provider === provider && s.family.test(instanceType));
}
