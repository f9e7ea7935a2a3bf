/**
 * Slack may deliver an event more than once (a retry after a slow or lost ack, or to another
 * instance). Answering is guarded by a receipt: only the first claim of an event id is true.
 */
export interface EventReceipts {
  /** True for exactly one caller per event id, across instances. */
  claim(eventId: string): Promise<boolean>;
}
