/**
 * Cost Explorer's RECORD_TYPE (API spelling) decides a record's charge category. Anything not
 * listed here, including record types AWS adds later, is usage: discounts, Savings Plan
 * negation and covered usage all lower or make up usage cost, as in Cost Explorer's own views.
 */
import type { ChargeCategory } from '../../domain/cost-record';

export type AwsCategory = Extract<ChargeCategory, 'usage' | 'credit' | 'tax' | 'purchase'>;

export const NON_USAGE_RECORD_TYPES: Record<Exclude<AwsCategory, 'usage'>, string[]> = {
  // Refunds give money back like credits do; "exclude credits" should leave them out too.
  credit: ['Credit', 'Refund'],
  tax: ['Tax'],
  purchase: ['RIFee', 'Fee', 'SavingsPlanRecurringFee', 'SavingsPlanUpfrontFee'],
};

const BY_TYPE = new Map<string, AwsCategory>(
  Object.entries(NON_USAGE_RECORD_TYPES).flatMap(([category, types]) => types.map((t) => [t, category as AwsCategory])),
);

export function categoryOfRecordType(recordType: string): AwsCategory {
  return BY_TYPE.get(recordType) ?? 'usage';
}

export const ALL_NON_USAGE_RECORD_TYPES: string[] = Object.values(NON_USAGE_RECORD_TYPES).flat();
