// What facilitators read about homework: the status per project, and what opening or reopening it did.
import type { Message } from "../../core/screens/message.ts";
import { dateTime, rich } from "../../core/screens/text.ts";
import type { InvitationsSent } from "./open.ts";
import type { StatusReport } from "./status.ts";

/** One line per project (readable at 30 projects), then the messages that could not be delivered. */
export function statusMessage(report: StatusReport): Message {
  const { workshop, completion, rows, failedDeliveries } = report;
  const items = rows.map(({ acronym, progress }) => {
    const interests = `${progress.interestsGiven} interest${progress.interestsGiven === 1 ? "" : "s"}`;
    const counts = `${progress.submitted} submitted, ${progress.drafts} draft, ${interests}`;
    return {
      title: acronym,
      text: progress.done ? counts : `${counts} (${progress.missingSummary})`,
      mark: progress.done ? ("done" as const) : ("pending" as const),
    };
  });
  return {
    summary: `${workshop.name}: ${completion}`,
    blocks: [
      { kind: "text", title: workshop.name, text: `${completion} (phase: ${workshop.phase})` },
      items.length > 0
        ? { kind: "list", items }
        : { kind: "text", text: "No projects yet: add one with /cluster project add." },
      ...(failedDeliveries.length > 0
        ? [
            { kind: "heading" as const, text: "Could not be delivered" },
            {
              kind: "list" as const,
              items: failedDeliveries.map((failed) => ({
                text: rich`${failed.description}, due ${dateTime(failed.dueAt)}, ${failed.attempts} attempts: ${failed.lastError ?? "no answer"}`,
                mark: "failed" as const,
              })),
            },
          ]
        : []),
    ],
  };
}

export function homeworkOpenedMessage(workshopName: string, sent: InvitationsSent, invited: number): Message {
  const newly = `Invited ${sent.sent} new member${sent.sent === 1 ? "" : "s"} (${invited} in all).`;
  const failed =
    sent.failed > 0
      ? ` ${sent.failed} invitation${sent.failed === 1 ? "" : "s"} could not be sent yet: open homework again to retry.`
      : "";
  return { summary: `Homework is open for "${workshopName}". ${newly}${failed}` };
}

export function reopenedMessage(acronym: string, until: Date): Message {
  return { summary: rich`${acronym}'s homework is open for edits until ${dateTime(until)}.` };
}
