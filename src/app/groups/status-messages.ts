// What the bot answers to a plain reply in a follow-up thread: what it understood, or why it could not and how to
// write it. User text is kept literal (each surface escapes it) and shortened to fit.
import type { Block } from "../../core/screens/blocks.ts";
import type { Message } from "../../core/screens/message.ts";
import { followUpStatusLabels, isFollowUpStatus } from "../../core/workplan/follow-up.ts";
import { statusReplyExamples } from "../../core/workplan/status-reply.ts";
import type { WorkPlanItemRecord } from "../../store/repositories/working-groups.ts";
import { shown } from "./messages.ts";

export interface AskedItem {
  /** Its number in the follow-up thread (#1, #2…). */
  number: number;
  item: WorkPlanItemRecord;
}

function statusLine({ number, item }: AskedItem): string {
  const status = isFollowUpStatus(item.progress) ? followUpStatusLabels[item.progress].toLowerCase() : "no answer";
  const note = item.progressNote ? ` — note: ${shown(item.progressNote, 300)}` : "";
  return `#${number} “${shown(item.activity, 150)}”: ${status}${note}`;
}

export function statusNotedMessage(noted: AskedItem[]): Message {
  const lines = noted.map(statusLine);
  const summary = `Noted: ${shown(lines.join("; "), 500)}`;
  if (noted.length === 1) return { summary, blocks: [{ kind: "text", text: `Noted: ${lines[0]}` }] };
  return {
    summary,
    blocks: [
      { kind: "text", text: "Noted:" },
      { kind: "list", items: lines.map((line) => ({ text: line, mark: "done" as const })) },
    ],
  };
}

export function statusHelpMessage(reason: string, asked: AskedItem[]): Message {
  const summary = reason.charAt(0).toUpperCase() + reason.slice(1);
  const blocks: Block[] = [
    { kind: "text", text: summary },
    {
      kind: "text",
      title: "Reply with the status first (done, on track, late or dropped), then a note, for example",
      text: statusReplyExamples.map((example) => `“${example}”`).join(" · "),
    },
  ];
  if (asked.length > 1)
    blocks.push({
      kind: "list",
      items: asked.slice(0, 40).map(({ number, item }) => ({
        text: `#${number} ${shown(item.activity, 150)}${item.leadPartner ? ` (lead ${shown(item.leadPartner, 80)})` : ""}`,
      })),
    });
  blocks.push({ kind: "context", text: "Or press an answer under the item." });
  return { summary, blocks };
}
