/** Recommendations and their evidence as terminal text: the same facts Slack shows. */
import type { RecommendationEvidenceAnswer, RecommendationsAnswer, RecommendationView } from '../../answers/advice';
import { alsoSuggestedText, evidenceValueText, KIND_NAMES, savingText, scopeText, stateText } from '../../answers/advice-phrases';
import { filterParts, money } from '../../answers/phrases';
import { facts, notes, sections, title } from './layout';

function itemText(index: number, r: RecommendationView): string {
  const state = stateText(r);
  return [
    `${index}. ${r.title} — ${savingText(r)}`,
    `   ${KIND_NAMES[r.kind]}${r.origin === 'aws' ? ' (from AWS)' : ''} · ${scopeText(r.scope)}`,
    `   ${r.evidence.summary}`,
    ...(state ? [`   (${state})`] : []),
    `   id ${r.id}`,
  ].join('\n');
}

export function recommendationsText(a: RecommendationsAnswer): string {
  const head = title(`Recommendations · as of ${a.asOf}`);
  const filtered = filterParts(a.filters);
  const total = a.openCount === 0
    ? 'No open recommendations.'
    : `${a.openCount} open, ${money(a.total, a.currency)} a month possible${a.otherCurrencies.map((t) => ` + ${money(t.total, t.currency)}`).join('')} (the same dollars counted once).`;
  const body = a.items.map((r, i) => itemText(i + 1, r)).join('\n\n');
  return sections([
    head,
    a.notice,
    total,
    body,
    notes([
      a.moreCount > 0 ? `…and ${a.moreCount} more.` : '',
      a.hiddenCount > 0 ? `${a.hiddenCount} dismissed or snoozed left out (/cost recommend all shows them).` : '',
      filtered.length > 0 ? `Filtered: ${filtered.join('; ')}` : '',
      ...a.adviserNotes,
      'Decide with /cost recommend dismiss|snooze|evidence <id>.',
    ]),
  ]);
}

export function evidenceText(a: RecommendationEvidenceAnswer): string {
  const r = a.item;
  const state = stateText(r);
  return sections([
    title(r.title),
    `${KIND_NAMES[r.kind]}${r.origin === 'aws' ? ' (from AWS)' : ''} · ${scopeText(r.scope)}`,
    r.evidence.summary,
    facts(r.evidence.facts.map((f) => [f.label, evidenceValueText(f.value)] as const)),
    `Saving: ${savingText(r)}. ${r.savingMethod}`,
    notes([alsoSuggestedText(r), state ? `State: ${state}` : '', `id ${r.id} · numbers from days before ${a.asOf}`]),
  ]);
}
