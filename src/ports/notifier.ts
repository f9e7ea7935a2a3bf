/**
 * Pushes answers to people: jobs hand a Digest (later an Alert) to a Notifier, and an adapter
 * renders and posts it (Slack today; email can be a second adapter).
 */
import type { DigestAnswer } from '../answers/types';

export interface Notifier {
  /** Posts a channel's daily digest; resolves with the message id. Gives up in bounded time. */
  postDigest(channel: string, digest: DigestAnswer): Promise<{ ts: string }>;
}
