import type { ChatMessage } from "../../../app/ports/chat.ts";
import type { SlackBlock } from "./text.ts";
import { escapeMrkdwn, mrkdwn, plain, truncate } from "./text.ts";

/** A platform-neutral message as Block Kit; every piece of text is escaped, so user text cannot mention anyone. */
export function renderMessage(message: ChatMessage): { text: string; blocks: SlackBlock[] } {
  const blocks: SlackBlock[] = (message.paragraphs ?? []).map((paragraph) => ({
    type: "section",
    text: mrkdwn(
      paragraph.heading
        ? `*${escapeMrkdwn(paragraph.heading)}*\n${escapeMrkdwn(paragraph.text)}`
        : escapeMrkdwn(paragraph.text),
    ),
  }));
  if (blocks.length === 0) blocks.push({ type: "section", text: mrkdwn(escapeMrkdwn(message.summary)) });
  if (message.buttons?.length) {
    blocks.push({
      type: "actions",
      elements: message.buttons.slice(0, 25).map((button, index) => ({
        type: "button",
        action_id: `${button.actionId}#${index}`,
        text: plain(button.label, 75),
        value: truncate(button.value, 2000),
        ...(button.style ? { style: button.style } : {}),
      })),
    });
  }
  return { text: escapeMrkdwn(message.summary), blocks: blocks.slice(0, 50) };
}
