// Neutral blocks → Block Kit. Each normalised block becomes one Slack block, so a panel's block budget holds here
// (a list whose escaped text outgrows a section, which only `&`, `<` and `>` can cause, takes a second one).
import type {
  ActionsBlock,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  SectionBlock,
  Button as SlackButton,
} from "@slack/types";
import { type Block, type Button, type ListItem, normalizeBlocks } from "../../../core/screens/blocks.ts";
import { escapeMrkdwn, mrkdwn, mrkdwnText, plain, truncate } from "./text.ts";

const marks: Record<NonNullable<ListItem["mark"]>, string> = { done: "✅", pending: "⏳", failed: "⚠️" };

export function blockKit(blocks: readonly Block[]): KnownBlock[] {
  return normalizeBlocks(blocks).flatMap((block) =>
    block.kind === "list" ? listSections(block.items) : blockOf(block),
  );
}

/** A list's lines in sections of at most 3000 characters. */
function listSections(items: readonly ListItem[]): SectionBlock[] {
  const sections: string[] = [];
  for (const line of items.map(listLine)) {
    const last = sections.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= 3000) sections[sections.length - 1] = `${last}\n${line}`;
    else sections.push(line);
  }
  return sections.map((text) => ({ type: "section", text: mrkdwn(text) }));
}

function blockOf(block: Exclude<Block, { kind: "list" }>): KnownBlock {
  switch (block.kind) {
    case "heading":
      return { type: "header", text: plain(block.text, 150) } satisfies HeaderBlock;
    case "text": {
      const title = block.title ? `*${escapeMrkdwn(truncate(block.title, 300))}*\n` : "";
      return {
        type: "section",
        text: mrkdwn(title + mrkdwnText(block.text, 3000 - title.length)),
        ...(block.button ? { accessory: button(block.button, block.button.actionId) } : {}),
      } satisfies SectionBlock;
    }
    case "facts":
      return {
        type: "section",
        fields: block.facts.map((fact) => {
          const label = `*${escapeMrkdwn(truncate(fact.label, 200))}*\n`;
          return mrkdwn(label + mrkdwnText(fact.value, 2000 - label.length));
        }),
      } satisfies SectionBlock;
    case "buttons":
      return { type: "actions", elements: buttonRow(block.buttons) } satisfies ActionsBlock;
    case "context":
      return { type: "context", elements: [mrkdwn(mrkdwnText(block.text))] } satisfies ContextBlock;
    case "divider":
      return { type: "divider" } satisfies DividerBlock;
  }
}

function listLine(item: ListItem): string {
  const mark = item.mark ? marks[item.mark] : "•";
  const title = item.title ? `*${escapeMrkdwn(item.title)}*: ` : "";
  return `${mark} ${title}${mrkdwnText(item.text, 1000)}`;
}

/** Buttons of one row; Slack wants action ids unique within a block, so repeated ones get "#n" (routes strip it). */
export function buttonRow(buttons: readonly Button[]): SlackButton[] {
  const repeated = new Set(buttons.map((b) => b.actionId).filter((id, index, ids) => ids.indexOf(id) !== index));
  return buttons.map((b, index) => button(b, repeated.has(b.actionId) ? `${b.actionId}#${index}` : b.actionId));
}

function button(b: Button, actionId: string): SlackButton {
  return {
    type: "button",
    action_id: actionId,
    text: plain(b.label, 75),
    value: truncate(b.value, 2000),
    ...(b.style ? { style: b.style } : {}),
    ...(b.confirm
      ? {
          confirm: {
            title: plain("Are you sure?", 100),
            text: plain(b.confirm, 300),
            confirm: plain("Yes", 30),
            deny: plain("Cancel", 30),
          },
        }
      : {}),
  };
}
