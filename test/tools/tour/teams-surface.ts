// One thing a person saw in Teams during the tour: a message in their 1:1 chat with the bot, a post in a channel
// or a thread, or a dialog (task module), with the Adaptive Card Teams received.

export interface TeamsSurface {
  /** 1, 2, 3… in the order people saw them. */
  index: number;
  step: string;
  /** The person's display name; "#channel" for a post everyone in a channel sees. */
  who: string;
  kind: "message" | "post" | "dialog";
  /** A dialog's title; otherwise the card's fallback text or the message's text. */
  title: string;
  /** The Adaptive Card, when the message or dialog carries one. */
  card?: unknown;
  /** The message's own text, beside or instead of a card. */
  text?: string;
  /** A message updated after it was sent. */
  edited?: boolean;
  inThread?: boolean;
}
