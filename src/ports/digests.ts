/**
 * Daily channel digests: who wants one, and which (channel, local day) has been delivered.
 *
 * Exactly-once delivery rests on `DigestDeliveries.claim`: a claim is a document inserted under a
 * unique `_id` before anything is posted, so of any number of app instances racing for the same
 * channel and local day, exactly one gets `true`. (Inserts with a unique `_id` are the one write
 * that is atomic on both MongoDB and FerretDB v1; conditional updates are not atomic on FerretDB.)
 */

/** A channel's wish for a daily digest. One per channel. */
export interface DigestSubscription {
  channel: string;
  /** Local wall-clock time, normalized `HH:MM` (24 h). */
  time: string;
  /** IANA zone the time is read in, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Provider ids to include; empty means all. */
  providers: string[];
  enabled: boolean;
  /** Slack user id of whoever last set it. */
  createdBy: string;
  updatedAt: Date;
}

export interface DigestSubscriptions {
  /** Creates or replaces the channel's subscription. */
  upsert(sub: DigestSubscription): Promise<void>;
  /** Turns the channel's digest off. False when the channel had none. */
  disable(channel: string, at?: Date): Promise<boolean>;
  get(channel: string): Promise<DigestSubscription | undefined>;
  listEnabled(): Promise<DigestSubscription[]>;
}

export type DeliveryState = 'claimed' | 'sent' | 'released';

export interface ClaimOptions {
  /**
   * An open claim of this same owner counts as won. For an owner that tried this digest before and
   * does not know how it ended (MongoDB went away before the claim's reply or its release), and
   * knows it is not posting it right now.
   */
  resume?: boolean;
}

/** Where one channel's digest for one local day stands (over all its attempts). */
export interface DigestDelivery {
  channel: string;
  /** `YYYY-MM-DD` in the subscription's time zone. */
  localDate: string;
  state: DeliveryState;
  /** Owner of the deciding attempt (the sent one, else the latest). */
  owner: string;
  claimedAt: Date;
  /** How many claims were made for this channel and day (1 = first try). */
  attempts: number;
  sentAt?: Date;
  /** Slack message ts of the posted digest. */
  ts?: string;
  /** Why the latest attempt was released, for the log and support. */
  lastError?: string;
}

export interface SentInfo {
  /** The owner that holds the claim; only its own claim is marked. */
  owner: string;
  ts: string;
  sentAt: Date;
}

export interface DigestDeliveries {
  /**
   * Takes the right to post `channel`'s digest for `localDate`. True for exactly one caller while
   * the digest is unsent and not held by a live claim; false when it is sent, held by someone
   * else, or out of attempts for the day.
   */
  claim(channel: string, localDate: string, owner: string, options?: ClaimOptions): Promise<boolean>;
  /** Records that the claim holder posted it. */
  markSent(channel: string, localDate: string, info: SentInfo): Promise<void>;
  /**
   * Gives a claim back after a failed post, so the next tick may try again. With `owner`, only
   * that owner's open claim is released (what the dispatcher does); without, the latest open one.
   */
  release(channel: string, localDate: string, options?: { owner?: string; reason?: string }): Promise<void>;
  get(channel: string, localDate: string): Promise<DigestDelivery | undefined>;
}
