// "Something back for every partner" as a direct message: one project's summary, to each of its members. The same
// words as the report's section (summary-text.ts); user text stays literal (each surface escapes it).
import type { Message } from "../screens/message.ts";
import type { ProjectSummary } from "./model.ts";
import { summaryLines } from "./summary-text.ts";

export const summaryActions = {
  /** "Stop sending me these": the person opts out of the summaries. */
  off: "summaries.off",
} as const;

export function projectSummaryMessage(summary: ProjectSummary, workshopName: string): Message {
  const lines = summaryLines(summary);
  const intro = `${workshopName}: what the workshop found for ${summary.acronym}.`;
  const items = (texts: string[]) => texts.map((text) => ({ text }));
  return {
    summary: intro,
    blocks: [
      { kind: "text", text: intro },
      { kind: "heading", text: `Who is interested in ${summary.acronym}'s results` },
      { kind: "list", items: items(lines.interest) },
      { kind: "heading", text: "Clusters its results joined" },
      { kind: "list", items: items(lines.clusters) },
      { kind: "heading", text: "Needs of other projects its results could serve" },
      { kind: "list", items: items(lines.needs) },
      {
        kind: "context",
        text: "The same summary is in the workshop report. You get it when it changes; “/cluster summaries off” (or the button) stops it.",
      },
      {
        kind: "buttons",
        buttons: [{ actionId: summaryActions.off, label: "Stop sending me these", value: "off" }],
      },
    ],
  };
}
