// A message a person reads in a conversation: a direct message, a channel post, a private reply to a command.
import type { Block } from "./blocks.ts";
import type { RichText } from "./text.ts";

export interface Message {
  /** One line: the notification text, and what a surface shows when it cannot show the blocks. */
  summary: RichText;
  /** The body; without it the summary is the whole message. */
  blocks?: Block[];
}

/** A message that is only its summary. */
export function note(summary: RichText): Message {
  return { summary };
}
