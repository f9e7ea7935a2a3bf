import type { Recommendation } from '../domain/advice/recommendation';
import type { DateRange } from '../domain/days';
import type { Nanos } from '../domain/money';
import type { SyncContext } from './cost-source';

/**
 * A cloud's own adviser (AWS Cost Explorer's rightsizing and Savings Plans recommendations),
 * mapped to Penny's model. Every API request goes through ctx.beforeRequest, which counts it
 * against the source's monthly request cap.
 */
export interface RecommendationAdviser {
  /** The source id whose request count and cap it shares ("aws"). */
  readonly id: string;
  recommendations(ctx: SyncContext): Promise<Recommendation[]>;
}

/**
 * The seam to the anomaly service: how much of each service's cost over a range anomalies
 * explain, keyed by serviceKey(provider, service) (domain/advice/advice-data.ts). The provider is
 * '' where an anomaly named a service without its cloud (a driver of a total-spend anomaly).
 */
export interface AnomalyLookup {
  impactByService(range: DateRange): Promise<Map<string, Nanos>>;
}
