/** Questions in people's words as terminal text: the answer, the chart's path, and what was queried. Pure. */
import { askContextLines, type AskAnswerView, type AskRefusalAnswer } from '../../answers/ask';
import { list, notes, sections } from './layout';

export function askText(v: AskAnswerView, chartPath?: string): string {
  const lines = askContextLines(v);
  if (v.answeredBy === 'llm') lines.push('Worded by an AI model; every number in it was checked against the cost store.');
  return sections([
    v.text,
    chartPath ? `Chart: ${chartPath}` : undefined,
    notes(lines),
    v.followUps.length ? notes([`Refine it: ${v.followUps.map((f) => `“${f}”`).join(' · ')}`]) : undefined,
  ]);
}

export function askRefusalText(r: AskRefusalAnswer): string {
  const guesses = [...(r.closestCommand ? [r.closestCommand] : []), ...r.suggestions.map((s) => `“${s}”`)];
  return sections([
    r.reason,
    guesses.length ? `Did you mean ${guesses.join(' or ')}?` : undefined,
    r.examples.length ? list('Questions I can answer:', r.examples.map((e) => `  • ${e}`)) : undefined,
    notes(['The /cost commands work too: /cost help.']),
  ]);
}
