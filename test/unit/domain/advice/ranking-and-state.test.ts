import { mergeAndRank } from '../../../../src/domain/advice/ranking';
import { emptyScope, type Recommendation } from '../../../../src/domain/advice/recommendation';
import { fingerprintOf, resolveState, type RecommendationMark } from '../../../../src/domain/advice/recommendation-state';
import { usd } from './advice-fixtures';

const rec = (over: Partial<Recommendation> & Pick<Recommendation, 'id' | 'kind'>): Recommendation => ({
  origin: 'penny', title: over.id, scope: emptyScope('aws'), currency: 'USD', monthlySaving: 0n, savingMethod: '', evidence: { summary: '', facts: [] }, materialKey: '', ...over,
});
const on = (resourceId: string) => ({ ...emptyScope('aws'), resourceId });

describe('ranking', () => {
  it('ranks by saving and counts the same dollars once', () => {
    const ranked = mergeAndRank([
      rec({ id: 'aws-rightsize', kind: 'rightsizing', origin: 'aws', scope: on('i-0abc'), monthlySaving: usd('40') }),
      rec({ id: 'penny-schedule', kind: 'non-production-schedule', scope: on('arn:aws:ec2:us-east-1:1:instance/i-0abc'), monthlySaving: usd('93.86') }),
      rec({ id: 'penny-commit', kind: 'commitment', monthlySaving: usd('760') }),
      rec({ id: 'aws-commit', kind: 'commitment', origin: 'aws', monthlySaving: usd('500') }),
      rec({ id: 'idle-nat', kind: 'idle-resource', scope: on('nat-1'), monthlySaving: usd('32.85') }),
      rec({ id: 'renewal', kind: 'purchase-renewal' }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['aws-commit', 'penny-schedule', 'idle-nat', 'renewal']);
    expect(ranked[0]!.alsoSuggested).toEqual([{ id: 'penny-commit', kind: 'commitment', origin: 'penny', monthlySaving: usd('760') }]);
    expect(ranked[1]!.alsoSuggested?.map((a) => a.id)).toEqual(['aws-rightsize']);
  });
});

describe('dismissed and snoozed', () => {
  const base = rec({ id: 'r1', kind: 'idle-resource', monthlySaving: usd('100'), materialKey: 'volume' });
  const dismissed: RecommendationMark = { id: 'r1', state: 'dismissed', by: 'U1', at: new Date('2026-11-01T00:00:00Z'), fingerprint: fingerprintOf(base) };

  it('stays dismissed until the evidence changes materially', () => {
    expect(resolveState(base, dismissed, '2026-11-30').state).toBe('dismissed');
    expect(resolveState({ ...base, monthlySaving: usd('120') }, dismissed, '2026-11-30').state).toBe('dismissed'); // 20%
    expect(resolveState({ ...base, monthlySaving: usd('125') }, dismissed, '2026-11-30')).toMatchObject({ state: 'open', reopened: 'evidence-changed' }); // 25%
    expect(resolveState({ ...base, monthlySaving: usd('70') }, dismissed, '2026-11-30').state).toBe('open');
    expect(resolveState({ ...base, materialKey: 'load-balancer' }, dismissed, '2026-11-30').state).toBe('open');
  });

  it('ignores changes under 1 unit, and keeps decision points with no saving dismissed', () => {
    const small = rec({ id: 'r2', kind: 'idle-resource', monthlySaving: usd('2') });
    const mark = { ...dismissed, fingerprint: fingerprintOf(small) };
    expect(resolveState({ ...small, monthlySaving: usd('2.90') }, mark, '2026-11-30').state).toBe('dismissed');
    const renewal = rec({ id: 'r3', kind: 'purchase-renewal', materialKey: '2026-12-05' });
    expect(resolveState(renewal, { ...dismissed, fingerprint: fingerprintOf(renewal) }, '2026-11-30').state).toBe('dismissed');
  });

  it('snoozes until a day', () => {
    const snoozed: RecommendationMark = { ...dismissed, state: 'snoozed', until: '2026-12-30' };
    expect(resolveState(base, snoozed, '2026-12-29').state).toBe('snoozed');
    expect(resolveState(base, snoozed, '2026-12-30')).toMatchObject({ state: 'open', reopened: 'snooze-over' });
  });
});
