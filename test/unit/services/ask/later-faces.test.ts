/**
 * One forecast, budget, anomaly and recommendation answer, rendered by every face that renders
 * ask answers: Slack blocks, console text and `penny ask --json` show the same sentence, the same
 * context line and the same exact numbers.
 */
import { askJson, type AskAnswerView } from '../../../../src/answers/ask';
import type { Freshness } from '../../../../src/answers/types';
import { askText } from '../../../../src/console/text/ask-text';
import { daysIn } from '../../../../src/domain/days';
import { fixedClock } from '../../../../src/ports/clock';
import { askView, type AskReply } from '../../../../src/services/ask';
import { askMessage } from '../../../../src/slack/blocks';
import { InMemoryCostStore } from '../../../fakes/in-memory-cost-store';
import { rec } from '../../../fixtures/records';
import { watchAsk } from '../../../support/watch-ask';

const D = 1_000_000_000n;
const ASOF = '2026-03-15';
const FRESH: Freshness = { today: ASOF, lastDay: '2026-03-14', settlingDays: 2 };

async function views(): Promise<Record<'forecast' | 'budget' | 'anomalies' | 'recommendations', AskAnswerView>> {
  const store = new InMemoryCostStore();
  await store.writeRecords([...daysIn({ start: '2026-01-01', end: '2026-03-15' })].map((d) => rec(d, (d === '2026-03-14' ? 900n : 100n) * D)));
  const { ask, watchdog } = watchAsk({ store, clock: fixedClock(`${ASOF}T08:00:00Z`) });
  await watchdog.budgets.set({ name: 'aws', scope: { kind: 'provider', value: 'aws' }, period: 'month', amount: 1000n * D }, 'U1');
  const view = (r: AskReply) => {
    if (!r.ok) throw new Error(r.reason);
    return askView(r, FRESH, 'parser');
  };
  return {
    forecast: view(await ask.ask('What will we spend this month?', { asOf: ASOF })),
    budget: view(await ask.ask('Are we over budget?', { asOf: ASOF })),
    anomalies: view(await ask.ask('what spiked yesterday?', { asOf: ASOF })),
    recommendations: view(await ask.ask('how can we save money?', { asOf: ASOF })),
  };
}

describe('forecast, budget, anomaly and recommendation answers in every face', () => {
  it('show the same sentence and context line in Slack, the console and JSON', async () => {
    const all = await views();
    for (const [kind, v] of Object.entries(all)) {
      expect(v).toMatchObject({ available: true, query: { kind: kind === 'budget' ? 'budget' : kind } });
      const slack = JSON.stringify(askMessage(v));
      const console = askText(v);
      const json = askJson(v);
      expect(json.answer).toBe(v.text);
      for (const line of v.text.split('\n')) {
        expect(console).toContain(line);
        expect(slack).toContain(JSON.stringify(line).slice(1, -1));
      }
      expect(slack).toContain('Queried:');
      expect(console).toContain('Queried:');
    }
  });

  it('carry the exact numbers: the forecast and spend so far, the budget line, the impact', async () => {
    const { forecast, budget, anomalies } = await views();
    // $100 a day, $900 on the 14th: March 1–14 is 13 × 100 + 900 = 2,200; 17 more days at $100: 3,900.
    expect(askJson(forecast)).toMatchObject({ total: '3900', forecast: { actual_to_date: '2200', forecast: '3900' } });
    expect(forecast.chart).toMatchObject({ kind: 'line' });
    expect(askText(forecast)).toContain('Queried: March 2026 (Mar 1 – Mar 31, 2026) · all costs');
    // $1,000 reached on the 10th day at $100 a day.
    expect(askJson(budget)).toMatchObject({ budget_status: { budgets: [{ name: 'aws', amount: '1000', actual: '2200', percent: 220, projected_breach: '2026-03-10' }] } });
    expect(askJson(anomalies)).toMatchObject({ anomalies: { from: '2026-03-14', to: '2026-03-14', anomalies: [{ day: '2026-03-14', actual: '900', expected: '100', impact: '800' }] } });
  });
});
