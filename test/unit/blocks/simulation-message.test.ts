import type { SimulationAnswer } from '../../../src/answers/simulation';
import { simulationMessage } from '../../../src/slack/blocks';
import { messageProblems } from '../../fakes/fake-slack-api';
import { URL_CHART } from './sample-views';

type Json = Record<string, unknown>;
const usd = (n: number) => BigInt(Math.round(n * 100)) * 10_000_000n;

const answer: SimulationAnswer = {
  kind: 'simulation', asOf: '2026-12-02', currency: 'USD',
  changes: [{ text: 'EC2 -20% from 2026-12', description: 'EC2 (Amazon Elastic Compute Cloud) -20% from 2026-12-02 (the days before are spent)', kind: 'percent', from: '2026-12-02' }],
  periods: [
    { period: 'month', label: 'December 2026', from: '2026-12-01', to: '2026-12-31', actualToDate: usd(100), forecast: usd(3100), simulated: usd(2860) },
    { period: 'quarter', label: 'Q4 2026', from: '2026-10-01', to: '2026-12-31', actualToDate: usd(6200), forecast: usd(9200), simulated: usd(8960) },
    { period: 'year', label: '2026', from: '2026-01-01', to: '2026-12-31', actualToDate: usd(33500), forecast: usd(36500), simulated: usd(36260) },
  ],
  budgets: [{ name: 'All of it', scope: 'total', periodLabel: 'December 2026', amount: usd(2900), forecastBefore: usd(3100), forecastAfter: usd(2860), before: { status: 'projected', day: '2026-12-29' }, after: { status: 'within' } }],
  notes: ["Days before 2026-12-02 are actual spend; later days are today's forecast, changed."],
  chart: { kind: 'line', title: 'Spend in 2026', labels: ['2026-01-01'], currency: 'USD', series: [{ name: "Today's forecast", values: [1] }, { name: 'With the changes', values: [1] }] },
};

describe('simulation message', () => {
  it('shows each period beside today\'s forecast, the budgets before and after, and the chart', () => {
    const message = simulationMessage(answer, URL_CHART);
    expect(messageProblems(message as unknown as Json)).toEqual([]);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("*December 2026*\\nToday's forecast $3,100.00");
    expect(text).toContain('*With the changes*\\n$2,860.00 (-$240.00)');
    expect(text).toContain('All of it (total, December 2026, $2,900.00): runs out on 2026-12-29 → stays within ($3,100.00 → $2,860.00 forecast)');
    expect((message.blocks as unknown as Json[]).some((b) => b.type === 'image')).toBe(true);
    expect(message.text).toBe('What if: December 2026 $2,860.00 instead of $3,100.00.');
  });
});
