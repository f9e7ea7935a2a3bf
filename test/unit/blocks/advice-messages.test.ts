import type { RecommendationsAnswer, RecommendationView } from '../../../src/answers/advice';
import { emptyScope, type Recommendation } from '../../../src/domain/advice/recommendation';
import { evidenceMessage, homeView, recommendationsMessage, REC_ACTION_IDS, weeklyRecommendationsMessage } from '../../../src/slack/blocks';
import { messageProblems } from '../../fakes/fake-slack-api';
import { home } from './sample-views';

type Json = Record<string, unknown>;

function item(i: number, over: Partial<RecommendationView> = {}): RecommendationView {
  const base: Recommendation = {
    id: `rec-${String(i).padStart(10, '0')}`,
    kind: 'idle-resource',
    origin: 'penny',
    title: `Delete the idle load balancer ${'very-long-name-'.repeat(8)}${i}`,
    scope: { ...emptyScope('aws'), account: '111111111111', accountName: 'prod-core', service: 'Elastic Load Balancing', region: 'us-east-1', resourceId: `arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/${'x'.repeat(32)}/${i}` },
    currency: 'USD',
    monthlySaving: 16_425_000_000n,
    savingMethod: 'Deleting it saves its average daily cost over 30 days × 730 / 24 a month.',
    evidence: {
      summary: `Its cost stayed within 2% of the same amount on each of 30 days in a row. ${'More words about it. '.repeat(30)}`,
      facts: Array.from({ length: 12 }, (_, k) => ({ key: `fact_${k}`, label: `Fact ${k}`, value: { type: 'money' as const, nanos: 540_000_000n, currency: 'USD' } })),
    },
    materialKey: 'load-balancer',
  };
  return { ...base, state: 'open', ...over };
}

function answer(items: RecommendationView[], over: Partial<RecommendationsAnswer> = {}): RecommendationsAnswer {
  return {
    kind: 'recommendations', asOf: '2026-12-02', currency: 'USD', items, total: 164_250_000_000n, openCount: 38, moreCount: 28, hiddenCount: 2,
    otherCurrencies: [], filters: [{ dim: 'provider', input: 'aws', matched: ['AWS'] }], adviserNotes: ["AWS's own recommendations as fetched on 2026-12-02."], ...over,
  };
}

const buttons = (blocks: unknown[]) => (blocks as Json[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements as Json[]);

describe('recommendation messages', () => {
  it('shows ten long recommendations inside Slack limits, each with its three buttons', () => {
    const message = recommendationsMessage(answer(Array.from({ length: 10 }, (_, i) => item(i))));
    expect(messageProblems(message as unknown as Json)).toEqual([]);
    const all = buttons(message.blocks);
    expect(all).toHaveLength(30);
    expect(all.slice(0, 3).map((b) => [b.action_id, b.value])).toEqual([
      [REC_ACTION_IDS.dismiss, 'recommend dismiss rec-0000000000 provider:aws'],
      [REC_ACTION_IDS.snooze, 'recommend snooze rec-0000000000 provider:aws'],
      [REC_ACTION_IDS.evidence, 'recommend evidence rec-0000000000'],
    ]);
    expect(message.text).toBe('38 recommendations, $164.25 a month possible.');
  });

  it('offers Reopen on a dismissed one, and says so', () => {
    const message = recommendationsMessage(answer([item(1, { state: 'dismissed', decidedBy: 'U42' })], { notice: 'Dismissed “x”.' }));
    expect(buttons(message.blocks).map((b) => b.action_id)).toEqual([REC_ACTION_IDS.reopen, REC_ACTION_IDS.evidence]);
    expect(JSON.stringify(message.blocks)).toContain('_dismissed by U42_');
    expect(JSON.stringify(message.blocks)).toContain(':white_check_mark: Dismissed “x”.');
  });

  it('says plainly when there is nothing to recommend', () => {
    const message = recommendationsMessage(answer([], { openCount: 0, total: 0n, moreCount: 0, hiddenCount: 0 }));
    expect(message.text).toBe('No open recommendations.');
  });

  it('shows the evidence, every fact, and the method', () => {
    const message = evidenceMessage({ kind: 'recommendation-evidence', asOf: '2026-12-02', item: item(3) });
    expect(messageProblems(message as unknown as Json)).toEqual([]);
    const text = JSON.stringify(message.blocks);
    for (let k = 0; k < 12; k++) expect(text).toContain(`*Fact ${k}*`);
    expect(text).toContain('How the saving is estimated: Deleting it saves');
    expect(buttons(message.blocks).map((b) => b.action_id)).toEqual([REC_ACTION_IDS.dismiss, REC_ACTION_IDS.snooze]);
  });
});

describe('the weekly post', () => {
  it('lists what is new, with no decision buttons in a shared channel', () => {
    const message = weeklyRecommendationsMessage(answer(Array.from({ length: 10 }, (_, i) => item(i)), { openCount: 12, moreCount: 2 }));
    expect(messageProblems(message as unknown as Json)).toEqual([]);
    expect(buttons(message.blocks).map((b) => [b.action_id, b.value])).toEqual([['penny_run_recommend', 'recommend']]);
    expect(message.text).toBe('12 new recommendations this week, $164.25 a month possible.');
  });
});

describe('recommendations on the App Home', () => {
  it('shows the top three and the total possible saving', () => {
    const view = homeView({ ...home(), advice: { items: [item(1), item(2), item(3)], total: 8_302_410_000_000n, currency: 'USD', openCount: 38 } });
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Top recommendations · $8,302.41 a month possible (38 open)');
    expect(text).toContain('3. Delete the idle load balancer');
    expect((view.blocks as unknown as Json[]).some((b) => b.type === 'actions' && (b.elements as Json[]).some((e) => e.value === 'recommend'))).toBe(true);
  });
});
