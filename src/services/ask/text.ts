/**
 * Question text → plain lower-case words: Slack markup, smart quotes, politeness punctuation
 * and contractions removed, while the characters names need (us-east-1, team=data, /subscriptions/…) stay.
 */

/** Removes Slack's mrkdwn and entity markup, keeping the readable text. */
export function stripSlackMarkup(text: string): string {
  return text
    .replace(/<[@#!][^>]*>/g, ' ') // <@U123>, <#C123|general>, <!here>
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, '$1') // <http://x|label>
    .replace(/<(?:https?|mailto):[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/```|`/g, ' ')
    // *bold*, _italic_, ~strike~ at word edges only: business_unit keeps its underscore.
    .replace(/(^|[\s(])[*_~]+(?=\S)/g, '$1')
    .replace(/(\S)[*_~]+(?=[\s).,!?:;]|$)/g, '$1');
}

/** One spelling for quotes, dashes and spaces, so that patterns can stay simple. */
function plainCharacters(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ');
}

export function normalizeQuestion(text: string): string {
  let t = plainCharacters(stripSlackMarkup(text))
    .replace(/:[a-z0-9_+-]+:/g, ' ') // Slack emoji codes, :pray:
    .replace(/\p{Extended_Pictographic}|\u200d|\ufe0f/gu, ' ')
    .toLowerCase();
  t = t
    .replace(/n't\b/g, ' not')
    .replace(/'(?:s|re|ve|ll|d|m)\b/g, '')
    .replace(/['"]/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/\s+-\s+/g, ' to ') // "Sep 1 - Sep 15"
    .replace(/(^|\s)(\d{1,2})-(\d{1,2})(?![\d-])/g, '$1$2 to $3') // "sep 1-15", but not 2024-09
    .replace(/[?!,;()[\]{}<>|$%#+]/g, ' ')
    .replace(/:(?=\s|$)/g, ' ')
    .replace(/\.(?=\s|$)/g, ' ') // sentence ends and "N. Virginia"
    .replace(/(^|\s)\.+/g, '$1');
  // "aws/azure" is two words; a word that starts with a slash is an id (/subscriptions/…).
  return t.split(/\s+/).map((w) => (w.startsWith('/') && w.length > 1 ? w : w.replace(/\//g, ' '))).join(' ').replace(/\s+/g, ' ').trim();
}

export function words(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}

/** Optimal-string-alignment distance: a swapped pair of letters ("waht") counts as one typo. */
export function typoDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/** How many typos a word of this length may carry and still be recognised. */
export function typoAllowance(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}
