/**
 * Budget names in a question: "the data-platform budget", "budget prod", "prod's budget". Only a
 * name next to the word "budget" counts, so a budget called "month" does not swallow "this month".
 */
export interface BudgetMention {
  /** The budget's name as stored. */
  name: string;
  /** The words as typed. */
  typed: string;
  /** The question without them. */
  rest: string;
}

export function findBudgetName(question: string, names: readonly string[]): BudgetMention | undefined {
  // Longest first: "data-platform-eu" before "data-platform".
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const words = name.trim().split(/[\s_-]+/).filter(Boolean).map(escape);
    if (words.length === 0) continue;
    const spelled = `(${words.join('[\\s_-]+')})`;
    const patterns = [
      new RegExp(`(?<![\\w-])${spelled}(?:'s)?(?=\\s+budget)`, 'i'),
      new RegExp(`(?<=budget\\s+(?:for\\s+|called\\s+|named\\s+)?(?:the\\s+)?)${spelled}(?![\\w-])`, 'i'),
    ];
    for (const pattern of patterns) {
      const m = pattern.exec(question);
      if (m) return { name, typed: m[0], rest: `${question.slice(0, m.index)} ${question.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim() };
    }
  }
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
