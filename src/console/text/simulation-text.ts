/** A what-if as terminal text: the same facts Slack shows. */
import { signedMoney } from '../../answers/phrases';
import type { SimulationAnswer } from '../../answers/simulation';
import { budgetLine } from '../../answers/simulation-phrases';
import { formatMoney } from '../../domain/money';
import { list, notes, sections, title } from './layout';
import type { TextExtras } from './cost-text';

export function simulationText(a: SimulationAnswer, extras: TextExtras = {}): string {
  const money = (n: bigint) => formatMoney(n, a.currency);
  const rows = [['', "TODAY'S FORECAST", 'WITH THE CHANGES', 'DIFFERENCE'], ...a.periods.map((p) => [p.label, money(p.forecast), money(p.simulated), signedMoney(p.simulated - p.forecast, a.currency)])];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ')).join('\n');
  return sections([
    title(`What if · as of ${a.asOf}`),
    list('Changes', a.changes.map((c, i) => `  ${i + 1}. ${c.description}`)),
    table,
    a.budgets.length > 0 ? list('Budgets (before → after)', a.budgets.map((b) => `  • ${budgetLine(b, a.currency)}`)) : a.budgetNote,
    extras.chartPath ? `Chart: ${extras.chartPath}` : '',
    notes(a.notes),
  ]);
}
