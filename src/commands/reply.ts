import type { SlackMessage } from '../slack/blocks';

/** What a command answers with, for any face (Slack, console) to deliver its own way. */
export interface Reply {
  message: SlackMessage;
  visibility: 'ephemeral' | 'in_channel';
  /** A chart rendered locally, to upload next to the message. */
  png?: { filename: string; data: Buffer; title: string };
  /** A report file to upload. */
  file?: { filename: string; content: string; title: string; filetype: 'csv' | 'json' };
  /** The face should open the digest settings modal for this channel. */
  openDigestSettings?: boolean;
}
