/** A what-if in Slack: the changes, each period beside today's forecast, the budgets, a chart of both lines. */
import type { SimulationAnswer } from '../../answers/simulation';
import { budgetLine } from '../../answers/simulation-phrases';
import type { RenderedChart } from '../../ports/chart-renderer';
import { chartBlocks, notes } from './common';
import { esc, fields, header, money, section, signedMoney } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackMessage } from './types';

export function simulationMessage(a: SimulationAnswer, chart?: RenderedChart): SlackMessage {
  const blocks: KnownBlock[] = [header('What if')];
  blocks.push(section(`*Changes*\n${a.changes.map((c, i) => `${i + 1}. ${esc(c.description)}`).join('\n')}`));
  for (const p of a.periods) {
    blocks.push(fields([
      `*${esc(p.label)}*\nToday's forecast ${money(p.forecast, a.currency)}`,
      `*With the changes*\n${money(p.simulated, a.currency)} (${signedMoney(p.simulated - p.forecast, a.currency)})`,
    ]));
  }
  if (a.budgets.length > 0) blocks.push(section(`*Budgets, before → after*\n${a.budgets.map((b) => `• ${esc(budgetLine(b, a.currency))}`).join('\n')}`));
  blocks.push(...chartBlocks(chart, a.chart?.title ?? 'What if'));
  blocks.push(...notes([a.budgetNote ? esc(a.budgetNote) : '', ...a.notes.map(esc)]));
  const month = a.periods[0]!;
  const text = `What if: ${month.label} ${money(month.simulated, a.currency)} instead of ${money(month.forecast, a.currency)}.`;
  return enforceLimits({ text, blocks }, { maxBlocks: LIMITS.messageBlocks, maxChars: LIMITS.messageChars });
}
