/**
 * Answers to questions in people's words: the sentence, the chart, and under them what was
 * queried, how fresh the data is and the cost basis. Refusals say why, offer close names and
 * questions that can be answered. Pure.
 */
import { askContextLines, type AskAnswerView, type AskRefusalAnswer } from '../../answers/ask';
import type { RenderedChart } from '../../ports/chart-renderer';
import { chartBlocks } from './common';
import { context, esc, section, truncate } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackMessage } from './types';

const LLM_NOTE = 'Worded by an AI model from the numbers above; every number in it was checked against the cost store.';

export function askMessage(v: AskAnswerView, chart?: RenderedChart): SlackMessage {
  const blocks: KnownBlock[] = [section(esc(v.text))];
  blocks.push(...chartBlocks(chart, v.chart?.title ?? 'Costs'));
  const notes = askContextLines(v).map(esc);
  if (v.answeredBy === 'llm') notes.push(LLM_NOTE);
  blocks.push(context(notes));
  if (v.followUps.length) blocks.push(context([`Reply to refine it: ${v.followUps.map((f) => `“${esc(f)}”`).join(' · ')}`]));
  return enforceLimits({ text: truncate(esc(v.text), LIMITS.fallbackText), blocks }, { maxBlocks: LIMITS.messageBlocks });
}

export function askRefusalMessage(r: AskRefusalAnswer): SlackMessage {
  const blocks: KnownBlock[] = [section(`:thinking_face: ${esc(r.reason)}`)];
  const guesses = [...(r.closestCommand ? [`\`${esc(r.closestCommand)}\``] : []), ...r.suggestions.map((s) => `“${esc(s)}”`)];
  if (guesses.length) blocks.push(section(`Did you mean ${guesses.join(' or ')}?`));
  if (r.examples.length) blocks.push(section(`*Questions I can answer*\n${r.examples.map((e) => `• ${esc(e)}`).join('\n')}`));
  blocks.push(context(['I answer only what I can read exactly, so that no answer is a guess. The `/cost` commands work too: `/cost help`.']));
  const did = guesses.length ? ` Did you mean ${[...(r.closestCommand ? [r.closestCommand] : []), ...r.suggestions].join(' or ')}?` : '';
  return enforceLimits({ text: truncate(esc(`${r.reason}${did}`), LIMITS.fallbackText), blocks }, { maxBlocks: LIMITS.messageBlocks });
}
