/** The App Home's recommendations: the top three, what all open ones could save, and a way to the list. */
import type { HomeAdvice } from '../../answers/advice';
import { savingText } from '../../answers/advice-phrases';
import { actions, button, divider, esc, listBlocks, money } from './format';
import type { KnownBlock } from './types';

export function adviceBlocks(a: HomeAdvice): KnownBlock[] {
  if (a.openCount === 0) return [];
  const heading = `Top recommendations · ${money(a.total, a.currency)} a month possible (${a.openCount} open)`;
  const lines = a.items.map((r, i) => `${i + 1}. ${esc(r.title)} — *${esc(savingText(r))}*`);
  // Home buttons answer in a DM (penny_run_*): decisions are made on the list there.
  return [divider(), ...listBlocks('advice', heading, lines), actions([button('All recommendations', 'penny_run_recommend', 'recommend')], 'penny_home_advice')];
}
