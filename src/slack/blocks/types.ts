/**
 * Block Kit types, taken from the @slack/types that Bolt re-exports (so no second copy of the
 * package is needed), and the message shape every builder returns.
 */
import type { types } from '@slack/bolt';

export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;
export type ActionsBlock = types.ActionsBlock;
export type HeaderBlock = types.HeaderBlock;
export type ImageBlock = types.ImageBlock;
export type InputBlock = types.InputBlock;
export type Button = types.Button;
export type PlainTextOption = types.PlainTextOption;
export type ModalView = types.ModalView;
export type MrkdwnElement = types.MrkdwnElement;
export type PlainTextElement = types.PlainTextElement;

/** A message for chat.postMessage / respond: `text` is the notification and screen-reader fallback. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** What views.publish takes for the App Home. */
export interface SlackHomeView {
  type: 'home';
  blocks: KnownBlock[];
}
