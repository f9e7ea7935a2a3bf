/**
 * Recommendations as Slack messages: the ranked list, each with Dismiss, Snooze 30 days and Show
 * evidence buttons (their values are `/cost` commands, so a click does what typing it would),
 * and one recommendation's evidence.
 */
import type { RecommendationEvidenceAnswer, RecommendationsAnswer, RecommendationView } from '../../answers/advice';
import { alsoSuggestedText, evidenceValueText, KIND_NAMES, savingText, scopeText, stateText } from '../../answers/advice-phrases';
import { commandText } from '../../answers/follow-up';
import type { FilterNote } from '../../answers/types';
import { filterText, notes } from './common';
import { actions, button, context, esc, fields, header, money, section, truncate } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { Button, KnownBlock, SlackMessage } from './types';

export const REC_ACTION_IDS = {
  dismiss: 'penny_rec_dismiss',
  snooze: 'penny_rec_snooze',
  reopen: 'penny_rec_reopen',
  evidence: 'penny_rec_evidence',
} as const;

/** The first sentence of the evidence, short enough for a list. */
function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return truncate(end > 0 ? text.slice(0, end + 1) : text, 220);
}

export function decisionButtons(r: RecommendationView, filters: readonly FilterNote[], withEvidence: boolean): Button[] {
  const run = (words: string) => commandText(`recommend ${words} ${r.id}`, filters);
  const out: Button[] = r.state === 'open'
    ? [button('Dismiss', REC_ACTION_IDS.dismiss, run('dismiss')), button('Snooze 30 days', REC_ACTION_IDS.snooze, run('snooze'))]
    : [button('Reopen', REC_ACTION_IDS.reopen, run('reopen'))];
  if (withEvidence) out.push(button('Show evidence', REC_ACTION_IDS.evidence, `recommend evidence ${r.id}`));
  return out;
}

function itemBlocks(index: number, r: RecommendationView, filters: readonly FilterNote[]): KnownBlock[] {
  const state = stateText(r);
  const lines = [
    `*${index}. ${esc(r.title)}*`,
    `*${esc(savingText(r))}* · ${esc(KIND_NAMES[r.kind])}${r.origin === 'aws' ? ' (AWS)' : ''} · ${esc(scopeText(r.scope))}`,
    esc(firstSentence(r.evidence.summary)),
    ...(state ? [`_${esc(state)}_`] : []),
  ];
  return [section(lines.join('\n')), actions(decisionButtons(r, filters, true), `penny_rec_${r.id}`)];
}

export function recommendationsMessage(a: RecommendationsAnswer): SlackMessage {
  const blocks: KnownBlock[] = [header('Recommendations')];
  if (a.notice) blocks.push(section(`:white_check_mark: ${esc(a.notice)}`));
  const possible = `${money(a.total, a.currency)}${a.otherCurrencies.map((t) => ` + ${money(t.total, t.currency)}`).join('')}`;
  if (a.openCount === 0) blocks.push(section('No open recommendations: nothing in the data points at a saving right now.'));
  else blocks.push(fields([`*Possible saving*\n${possible} a month`, `*Open*\n${a.openCount}`]));
  a.items.forEach((r, i) => blocks.push(...itemBlocks(i + 1, r, a.filters)));
  blocks.push(...notes([
    a.moreCount > 0 ? `…and ${a.moreCount} more (\`penny recommend\` lists them all).` : '',
    a.hiddenCount > 0 ? `${a.hiddenCount} dismissed or snoozed left out: \`/cost recommend all\`.` : '',
    filterText(a.filters),
    ...a.adviserNotes.map(esc),
    `Savings are per month, the same dollars counted once; numbers from days before ${a.asOf}.`,
  ]));
  const text = a.openCount === 0 ? 'No open recommendations.' : `${a.openCount} recommendations, ${possible} a month possible.`;
  return enforceLimits({ text, blocks }, { maxBlocks: LIMITS.messageBlocks, maxChars: LIMITS.messageChars });
}

export function evidenceMessage(a: RecommendationEvidenceAnswer): SlackMessage {
  const r = a.item;
  const blocks: KnownBlock[] = [header(r.title), section(`*${esc(savingText(r))}* · ${esc(KIND_NAMES[r.kind])}${r.origin === 'aws' ? ' (AWS)' : ''}\n${esc(scopeText(r.scope))}`)];
  blocks.push(section(esc(r.evidence.summary)));
  const facts = r.evidence.facts.map((f) => `*${esc(f.label)}*\n${esc(evidenceValueText(f.value))}`);
  for (let i = 0; i < facts.length; i += LIMITS.fields) blocks.push(fields(facts.slice(i, i + LIMITS.fields)));
  blocks.push(context([esc(`How the saving is estimated: ${r.savingMethod}`)]));
  const state = stateText(r);
  blocks.push(...notes([esc(alsoSuggestedText(r)), state ? esc(`State: ${state}`) : '', `id \`${r.id}\` · numbers from days before ${a.asOf}`]));
  blocks.push(actions(decisionButtons(r, [], false), `penny_rec_${r.id}`));
  return enforceLimits({ text: `${r.title}: ${savingText(r)}`, blocks }, { maxBlocks: LIMITS.messageBlocks, maxChars: LIMITS.messageChars });
}

/**
 * The weekly post: what is new since a week ago. A channel post carries no decision buttons (a
 * click would change the message for everyone); one button opens the list in a direct message.
 */
export function weeklyRecommendationsMessage(a: RecommendationsAnswer): SlackMessage {
  const lines = a.items.map((r, i) => `${i + 1}. ${esc(r.title)} — *${esc(savingText(r))}*\n   ${esc(firstSentence(r.evidence.summary))}`);
  const blocks: KnownBlock[] = [
    header('New recommendations this week'),
    section(lines.join('\n')),
    ...notes([a.moreCount > 0 ? `…and ${a.moreCount} more new ones.` : '', `${a.openCount} new, ${money(a.total, a.currency)} a month possible. Each is backed by the numbers in its evidence.`]),
    actions([button('Open recommendations', 'penny_run_recommend', 'recommend', 'primary')], 'penny_weekly_advice'),
  ];
  return enforceLimits({ text: `${a.openCount} new recommendations this week, ${money(a.total, a.currency)} a month possible.`, blocks }, { maxBlocks: LIMITS.messageBlocks, maxChars: LIMITS.messageChars });
}
