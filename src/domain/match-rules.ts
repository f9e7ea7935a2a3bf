/**
 * What a project owns: costs of some sub-accounts (AWS accounts, GCP projects, Azure
 * subscriptions), or costs carrying a tag. A cost belongs to a rule set when any rule matches.
 */
export type MatchRule = { accounts: string[] } | { tag: { key: string; value: string } };

export interface RuledRecord {
  subAccountId: string;
  tags: Record<string, string>;
}

export function ruleMatches(rule: MatchRule, record: RuledRecord): boolean {
  return 'accounts' in rule ? rule.accounts.includes(record.subAccountId) : record.tags[rule.tag.key] === rule.tag.value;
}

export function anyRuleMatches(rules: readonly MatchRule[], record: RuledRecord): boolean {
  return rules.some((rule) => ruleMatches(rule, record));
}

/** Does answering these rules need the tags of each record (which rollups do not keep)? */
export function rulesNeedTags(rules: readonly MatchRule[] | undefined): boolean {
  return (rules ?? []).some((rule) => 'tag' in rule);
}

/** "accounts 123, 456" / "tag team=data", for messages. */
export function ruleText(rule: MatchRule): string {
  return 'accounts' in rule ? `account${rule.accounts.length === 1 ? '' : 's'} ${rule.accounts.join(', ')}` : `tag ${rule.tag.key}=${rule.tag.value}`;
}
