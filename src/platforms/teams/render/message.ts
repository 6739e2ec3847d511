// The core's messages as Teams message activities: one Adaptive Card (the summary alone when there are no
// blocks), with the summary as its fallback text. A screen the core opened from a chat (a typed
// command) cannot open a dialog by itself in Teams: it is posted as a card whose button opens it.
import type { IMessageActivityInput } from "@microsoft/teams.api";
import type { IAdaptiveCard } from "@microsoft/teams.cards";
import type { Message } from "../../../core/screens/message.ts";
import type { Screen } from "../../../core/screens/screens.ts";
import { plainText } from "../../../core/screens/text.ts";
import { cardElements } from "./blocks.ts";
import { cardText } from "./text.ts";

/** The key under which an "Open" button carries what to run again when it is pressed (read by inbound.ts). */
export const replayKey = "clusterbotReplay";

export type Replay = { kind: "command"; text: string } | { kind: "action"; actionId: string; value: string };

function card(body: IAdaptiveCard["body"], actions: IAdaptiveCard["actions"] = []): IAdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

function activity(content: IAdaptiveCard, summary: string): IMessageActivityInput {
  return {
    type: "message",
    attachments: [
      { contentType: "application/vnd.microsoft.card.adaptive", content: { ...content, fallbackText: summary } },
    ],
  };
}

/** `zone`: the reader's time zone, for the plain notification line (the card shows date-times in theirs). */
export function messageActivity(message: Message, zone?: string): IMessageActivityInput {
  const body = message.blocks?.length
    ? cardElements(message.blocks, { where: "message" })
    : [{ type: "TextBlock" as const, text: cardText(message.summary), wrap: true }];
  return activity(card(body), plainText(message.summary, zone));
}

/** A card that opens `screen` in a dialog: its button runs `replay` again, answered in the dialog. */
export function openerActivity(screen: Screen, replay: Replay): IMessageActivityInput {
  const title = screen.kind === "panel" ? screen.title : screen.form.title;
  const intro = screen.kind === "form" ? screen.form.intro : undefined;
  return activity(
    card(
      [
        { type: "TextBlock", text: cardText(title), weight: "Bolder", size: "Medium", wrap: true },
        ...(intro ? [{ type: "TextBlock" as const, text: cardText(intro), wrap: true }] : []),
      ],
      [
        {
          type: "Action.Submit",
          title: screen.kind === "form" ? "Open the form" : "Open",
          style: "positive",
          data: { msteams: { type: "task/fetch" }, [replayKey]: replay },
        },
      ],
    ),
    title,
  );
}
