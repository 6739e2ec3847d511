// The pieces a message or a panel is made of. Emphasis is structure (a heading, an item's title, a fact's label),
// never markup; each surface draws them its own way (Block Kit, Adaptive Cards, HTML).
import { type RichText, textLength } from "./text.ts";

export interface Button {
  /** Routes the click back to a use case, e.g. "homework.start". Surfaces may decorate it (Slack: "#2"). */
  actionId: string;
  label: string;
  /** An id the use case needs (a project id, a page number): small, never data. */
  value: string;
  style?: "primary" | "danger";
  /** Ask this question before acting (surfaces without a confirm step act at once). */
  confirm?: string;
}

export interface Fact {
  label: string;
  value: RichText;
}

export interface ListItem {
  /** Shown emphasised before the text, e.g. a project's acronym. */
  title?: string;
  text: RichText;
  /** A status mark in front of the item. */
  mark?: "done" | "pending" | "failed";
}

export type Block =
  | { kind: "heading"; text: string }
  /** A paragraph, with an optional emphasised title and one button beside it. */
  | { kind: "text"; title?: string; text: RichText; button?: Button }
  /** Label → value pairs. */
  | { kind: "facts"; facts: Fact[] }
  /** One line per item. */
  | { kind: "list"; items: ListItem[] }
  | { kind: "buttons"; buttons: Button[] }
  /** Small print. */
  | { kind: "context"; text: RichText }
  | { kind: "divider" };

/**
 * The most one block holds, so that each block fits one block on the tightest surface (a Slack section holds 3000
 * characters and 10 fields; a Teams action set shows about 5 buttons). `normalizeBlocks` splits bigger ones.
 */
export const blockLimits = { listItems: 20, characters: 2800, facts: 10, buttons: 5 } as const;

/** Splits lists, fact lists and button rows over the limits into several blocks of the same kind. */
export function normalizeBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block): Block[] => {
    switch (block.kind) {
      case "list":
        return chunkBy(block.items, blockLimits.listItems, itemLength).map((items) => ({ kind: "list", items }));
      case "facts":
        return chunkBy(block.facts, blockLimits.facts, factLength).map((facts) => ({ kind: "facts", facts }));
      case "buttons":
        return chunkBy(block.buttons, blockLimits.buttons, () => 0).map((buttons) => ({ kind: "buttons", buttons }));
      default:
        return [block];
    }
  });
}

function itemLength(item: ListItem): number {
  return (item.title?.length ?? 0) + textLength(item.text) + 8;
}

function factLength(fact: Fact): number {
  return fact.label.length + textLength(fact.value) + 4;
}

/** Consecutive runs of at most `maxItems` whose lengths add up to at most the character limit (one item always fits). */
function chunkBy<T>(items: readonly T[], maxItems: number, length: (item: T) => number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = length(item);
    if (current.length > 0 && (current.length >= maxItems || size + itemSize > blockLimits.characters)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
