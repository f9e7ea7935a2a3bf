/** Recommendation marks in maps: the oracle the MongoDB repository is checked against, and a fast fake. */
import type { RecommendationMark } from '../../src/domain/advice/recommendation-state';
import type { RecommendationMarks } from '../../src/ports/recommendation-marks';

export class InMemoryRecommendationMarks implements RecommendationMarks {
  readonly all = new Map<string, RecommendationMark>();
  readonly firstSeen = new Map<string, string>();
  readonly claims = new Map<string, string>();

  async marks(ids: readonly string[]): Promise<Map<string, RecommendationMark>> {
    return new Map(ids.filter((id) => this.all.has(id)).map((id) => [id, structuredClone(this.all.get(id)!)]));
  }

  async setMark(mark: RecommendationMark): Promise<void> {
    this.all.set(mark.id, structuredClone(mark));
  }

  async clearMark(id: string): Promise<void> {
    this.all.delete(id);
  }

  async seen(ids: readonly string[], day: string): Promise<Map<string, string>> {
    for (const id of ids) if (!this.firstSeen.has(id)) this.firstSeen.set(id, day);
    return new Map(ids.map((id) => [id, this.firstSeen.get(id)!]));
  }

  async claim(job: string, key: string, owner: string): Promise<boolean> {
    const id = `${job}|${key}`;
    if (this.claims.has(id)) return false;
    this.claims.set(id, owner);
    return true;
  }
}
