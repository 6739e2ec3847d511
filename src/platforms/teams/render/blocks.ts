// The core's blocks as Adaptive Card elements. Emphasis is structure (a heading, an item's title, a fact's
// label) drawn here with the card's own bold; every literal text goes through `cardText`. A button carries the
// core's action id and value in its data: on a message it opens a dialog (task/fetch), in a dialog it submits it.
import type { CardElementArray, ISubmitAction, ITextBlock } from "@microsoft/teams.cards";
import type { Block, Button } from "../../../core/screens/blocks.ts";
import { encodeContext, type ScreenContext } from "../../../core/screens/context.ts";
import { cardText } from "./text.ts";

/** The key our data sits under in a card action's data (Teams merges inputs beside it). */
export const actionKey = "clusterbotAction";

/** Where a button is drawn, which decides what Teams sends when it is pressed. */
export type ButtonPlace =
  | { where: "message" }
  | { where: "screen"; screenId: string; context: ScreenContext }
  | { where: "home"; context: ScreenContext };

/** What a pressed button carries back (read by inbound.ts). */
export interface ActionData {
  actionId: string;
  value: string;
  where: ButtonPlace["where"];
  screenId?: string;
  /** The screen's context, encoded (the core's own limit keeps it small). */
  context?: string;
}

const marks = { done: "✅", pending: "⏳", failed: "❌" } as const;

export function buttonAction(button: Button, place: ButtonPlace): ISubmitAction {
  const data: ActionData = {
    actionId: button.actionId,
    value: button.value,
    where: place.where,
    ...(place.where === "screen" ? { screenId: place.screenId } : {}),
    ...(place.where !== "message" ? { context: encodeContext(place.context) } : {}),
  };
  return {
    type: "Action.Submit",
    title: button.label,
    ...(button.style === "primary" ? { style: "positive" } : button.style === "danger" ? { style: "destructive" } : {}),
    // A message's button opens a dialog (whatever the core answers is drawn there); a dialog's submits it.
    data: place.where === "message" ? { msteams: { type: "task/fetch" }, [actionKey]: data } : { [actionKey]: data },
  };
}

function textBlock(text: string, options: Partial<Omit<ITextBlock, "type" | "text">> = {}): ITextBlock {
  return { type: "TextBlock", text, wrap: true, ...options };
}

export function cardElements(blocks: readonly Block[], place: ButtonPlace): CardElementArray {
  return blocks.flatMap((block) => blockElements(block, place));
}

function blockElements(block: Block, place: ButtonPlace): CardElementArray {
  switch (block.kind) {
    case "heading":
      return [textBlock(cardText(block.text), { size: "Medium", weight: "Bolder" })];
    case "text":
      return [
        textBlock(block.title ? `**${cardText(block.title)}**  \n${cardText(block.text)}` : cardText(block.text)),
        ...(block.button ? [{ type: "ActionSet" as const, actions: [buttonAction(block.button, place)] }] : []),
      ];
    case "facts":
      return [
        {
          type: "FactSet",
          facts: block.facts.map((fact) => ({ title: cardText(fact.label), value: cardText(fact.value) })),
        },
      ];
    case "list":
      return [
        {
          type: "Container",
          items: block.items.map((item) =>
            textBlock(
              [
                item.mark ? marks[item.mark] : "•",
                item.title ? `**${cardText(item.title)}**:` : "",
                cardText(item.text),
              ]
                .filter(Boolean)
                .join(" "),
              { spacing: "Small" },
            ),
          ),
        },
      ];
    case "buttons":
      return [{ type: "ActionSet", actions: block.buttons.map((button) => buttonAction(button, place)) }];
    case "context":
      return [textBlock(cardText(block.text), { isSubtle: true, size: "Small" })];
    case "divider":
      return [{ type: "Container", separator: true, items: [] }];
  }
}
