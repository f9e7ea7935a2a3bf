/** What the recommendation marks repository must do, in memory or in MongoDB. */
import type { RecommendationMark } from '../../src/domain/advice/recommendation-state';
import type { RecommendationMarks } from '../../src/ports/recommendation-marks';

export interface MarksHarness {
  marks: RecommendationMarks;
  cleanup(): Promise<void>;
}

const dismissed: RecommendationMark = {
  id: 'rec-1', state: 'dismissed', by: 'U123', at: new Date('2026-11-30T10:00:00Z'),
  fingerprint: { monthlySaving: 12_345_678_901_234_567n, currency: 'USD', materialKey: 'm4.large' }, // past 2^53 nanos
};

export function recommendationMarksContract(name: string, open: () => Promise<MarksHarness>): void {
  describe(`recommendation marks: ${name}`, () => {
    let h: MarksHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(() => h.cleanup());

    it('keeps a mark whole, replaces it, and clears it', async () => {
      await h.marks.setMark(dismissed);
      expect(await h.marks.marks(['rec-1', 'rec-2'])).toEqual(new Map([['rec-1', dismissed]]));
      const snoozed: RecommendationMark = { ...dismissed, state: 'snoozed', until: '2026-12-30', by: 'U999' };
      await h.marks.setMark(snoozed);
      expect((await h.marks.marks(['rec-1'])).get('rec-1')).toEqual(snoozed);
      await h.marks.setMark(dismissed); // a dismissal after a snooze keeps no snooze day
      expect((await h.marks.marks(['rec-1'])).get('rec-1')).toEqual(dismissed);
      await h.marks.clearMark('rec-1');
      expect(await h.marks.marks(['rec-1'])).toEqual(new Map());
    });

    it('remembers the first day each recommendation was seen', async () => {
      expect(await h.marks.seen(['a', 'b'], '2026-11-01')).toEqual(new Map([['a', '2026-11-01'], ['b', '2026-11-01']]));
      expect(await h.marks.seen(['b', 'c'], '2026-11-08')).toEqual(new Map([['b', '2026-11-01'], ['c', '2026-11-08']]));
      expect(await h.marks.seen([], '2026-11-08')).toEqual(new Map());
    });

    it('lets exactly one caller claim a job key', async () => {
      const results = await Promise.all(['one', 'two', 'three'].map((owner) => h.marks.claim('refresh', '2026-11-30', owner)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await h.marks.claim('refresh', '2026-12-01', 'two')).toBe(true);
      expect(await h.marks.claim('weekly', '2026-11-30', 'two')).toBe(true);
    });
  });
}
