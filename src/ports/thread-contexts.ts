/**
 * What a thread was last asked, so a reply ("and the month before?") can refine it. Kept per
 * Slack channel and thread for a while (a TTL), never forever. The intent is opaque here: the ask
 * service writes and reads it.
 */
export interface ThreadKey {
  channel: string;
  /** The thread's root ts (or any stable id of the conversation). */
  thread: string;
}

export interface ThreadContext {
  /** The question as asked, for the log and for the model's context. */
  question: string;
  /** The intent that answered it, serialized by the ask service. */
  intent: string;
  at: Date;
}

export interface ThreadContexts {
  /** The thread's context, or undefined when there is none or it has expired. */
  get(key: ThreadKey): Promise<ThreadContext | undefined>;
  /** Replaces the thread's context; it expires a fixed time after `at`. */
  put(key: ThreadKey, context: ThreadContext): Promise<void>;
}
