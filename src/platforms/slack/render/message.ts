// A neutral message as chat.postMessage / respond arguments: every piece of text escaped, dates as `<!date^…>`.
import type { KnownBlock } from "@slack/types";
import type { Message } from "../../../core/screens/message.ts";
import { blockKit } from "./blocks.ts";
import { mrkdwn, mrkdwnText } from "./text.ts";

/** Slack takes at most 50 blocks in a message. */
const maxMessageBlocks = 50;

export function renderMessage(message: Message): { text: string; blocks: KnownBlock[] } {
  const text = mrkdwnText(message.summary);
  const blocks = message.blocks?.length ? blockKit(message.blocks) : [{ type: "section" as const, text: mrkdwn(text) }];
  return { text, blocks: blocks.slice(0, maxMessageBlocks) };
}
