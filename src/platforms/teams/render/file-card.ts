// A file the bot put in a channel's files (SharePoint) as the post that shares it: its title, the comment the core
// gave, and a button that opens it (Teams shows no file from a bot's upload by itself).
import type { IMessageActivityInput } from "@microsoft/teams.api";
import type { IAdaptiveCard } from "@microsoft/teams.cards";
import { cardText } from "./text.ts";

export function fileActivity(file: {
  title: string;
  name: string;
  webUrl: string;
  comment?: string;
}): IMessageActivityInput {
  const content: IAdaptiveCard = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      { type: "TextBlock", text: cardText(file.title), weight: "Bolder", wrap: true },
      ...(file.comment ? [{ type: "TextBlock" as const, text: cardText(file.comment), wrap: true }] : []),
      { type: "TextBlock", text: cardText(file.name), isSubtle: true, size: "Small", wrap: true },
    ],
    actions: [{ type: "Action.OpenUrl", title: "Open the file", url: file.webUrl }],
  };
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: { ...content, fallbackText: `${file.title}: ${file.webUrl}` },
      },
    ],
  };
}
