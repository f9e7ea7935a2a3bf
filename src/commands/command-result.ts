import type { Answer } from '../answers/types';

/** What a command answers with: a face-neutral answer, and how the asker wants it shared. */
export interface CommandResult {
  answer: Answer;
  /** "public" in the command posts the answer to the channel; answers are private otherwise. */
  visibility: 'ephemeral' | 'in_channel';
  /** The face should open its digest settings form for this channel (Slack: the modal). */
  openDigestSettings?: boolean;
  /** The face should open its budget form (Slack: the modal), on this budget when named. */
  openBudgetEditor?: { name?: string };
  /** The face should run a cloud sync of these sources now and show its progress (Slack: a message it updates). */
  startSync?: { sources: string[] };
}
