/**
 * What the watchdog keeps between runs: which channels want alerts, the anomaly events it has
 * raised, per-series tuning from feedback, and each alert's delivery to each channel.
 *
 * Exactly-once rests on unique inserts (the one atomic write on MongoDB and FerretDB v1): an
 * event is created by inserting its key, and a delivery is claimed by inserting
 * (alert, channel, attempt) before anything is posted, as the digests do.
 */
import type { Anomaly } from '../domain/anomaly/anomaly-types';
import type { SeriesScope } from '../domain/anomaly/series-scope';
import type { SeriesTuning } from '../domain/anomaly/series-tuning';
import type { DateRange, Day } from '../domain/days';
import type { ChartSpec } from '../answers/chart-spec';
import type { AnomalyDriver, FeedbackNote } from '../answers/watchdog';

export interface AlertFilters {
  providers: string[];
  accounts: string[];
  services: string[];
  regions: string[];
  tags: string[];
}

export interface AlertSubscription {
  channel: string;
  filters: AlertFilters;
  enabled: boolean;
  createdBy: string;
  /** When alerts were (last) turned on: older alerts are not sent to the channel. */
  since: Date;
}

export interface AlertSubscriptions {
  upsert(sub: AlertSubscription): Promise<void>;
  disable(channel: string): Promise<boolean>;
  get(channel: string): Promise<AlertSubscription | undefined>;
  listEnabled(): Promise<AlertSubscription[]>;
}

export interface AnomalyEvent {
  /** anomalyEventKey(series, startDay of the first alert). */
  id: string;
  seriesKey: string;
  scope: SeriesScope;
  scopeText: string;
  currency: string;
  /** The latest judgement of the event's latest day. */
  anomaly: Anomaly;
  drivers: AnomalyDriver[];
  /** The series and its baseline around the latest day, as the alert shows it. */
  chart?: ChartSpec;
  status: 'open' | 'retracted';
  /** Grows with every change worth re-rendering the messages for. */
  revision: number;
  feedback: FeedbackNote[];
  /** The series' gate multiplier when the event was raised: re-judging a revision uses it, so
   *  "Expected" feedback on this alert tunes later alerts without retracting this one. */
  thresholdMultiplier?: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface AnomalyEvents {
  /** Inserts a new event; false when one with that id exists already. */
  create(event: AnomalyEvent): Promise<boolean>;
  get(id: string): Promise<AnomalyEvent | undefined>;
  /** Replaces the event's judgement (anomaly, drivers, status) and bumps its revision. */
  revise(id: string, patch: Pick<AnomalyEvent, 'anomaly' | 'drivers' | 'status' | 'chart'>, at: Date): Promise<AnomalyEvent | undefined>;
  addFeedback(id: string, note: FeedbackNote): Promise<AnomalyEvent | undefined>;
  /** Events whose latest day is in the range, oldest first. */
  inRange(range: DateRange): Promise<AnomalyEvent[]>;
  /** The latest event of a series whose latest day is on or after `sinceDay`. */
  latestOf(seriesKey: string, sinceDay: Day): Promise<AnomalyEvent | undefined>;
}

export interface SeriesTunings {
  get(seriesKey: string): Promise<SeriesTuning | undefined>;
  all(): Promise<Map<string, SeriesTuning>>;
  set(seriesKey: string, tuning: SeriesTuning): Promise<void>;
}

export type AlertDeliveryState = 'claimed' | 'sent' | 'released';

export interface AlertDelivery {
  alertKey: string;
  channel: string;
  state: AlertDeliveryState;
  ts?: string;
  /** The alert revision the message shows. */
  revision: number;
  attempts: number;
}

export interface AlertDeliveries {
  /** The right to post `alertKey` to `channel`: true for exactly one caller while unsent and unheld. */
  claim(alertKey: string, channel: string, owner: string): Promise<boolean>;
  markSent(alertKey: string, channel: string, owner: string, ts: string, revision: number): Promise<void>;
  /** Gives a claim back after a failed post so a later run tries again. */
  release(alertKey: string, channel: string, owner: string, reason: string): Promise<void>;
  /** The posted messages of an alert, one per channel. */
  sent(alertKey: string): Promise<AlertDelivery[]>;
  /** Records that a message now shows `revision`. */
  markRevision(alertKey: string, channel: string, revision: number): Promise<void>;
}
