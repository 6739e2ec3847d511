// What facilitators read about homework: the status per project, and what opening or reopening it did.
import { deadlineText } from "../../core/homework/deadline.ts";
import { phaseText } from "../../core/homework/phase.ts";
import { workshopProgressText } from "../../core/homework/progress.ts";
import { projectItem } from "../../core/reminders/messages.ts";
import type { Block } from "../../core/screens/blocks.ts";
import type { Message } from "../../core/screens/message.ts";
import { dateTime, rich } from "../../core/screens/text.ts";
import type { InvitationsSent } from "./open.ts";
import type { StatusReport } from "./status.ts";

/**
 * The workshop in plain words: where it stands, the deadline and time left, one line per project (readable at 30
 * projects), who has not started, then the messages that could not be delivered and why.
 */
export function statusMessage(report: StatusReport): Message {
  const { workshop, rows, notStarted, failedDeliveries, now, timeZone } = report;
  const overall = workshopProgressText(rows.map((row) => row.progress));
  const due = workshop.homeworkDeadline
    ? rich`Deadline: ${deadlineText(workshop.homeworkDeadline, now, timeZone)}.`
    : ["No deadline: no reminders are sent. Set one with /cluster setup."];
  const blocks: Block[] = [
    { kind: "text", title: workshop.name, text: rich`${phaseText(workshop.phase)}. ${overall}.` },
    { kind: "text", text: due },
  ];
  if (rows.length === 0) blocks.push({ kind: "text", text: "No projects yet: add one with /cluster project add." });
  else blocks.push({ kind: "list", items: rows.map(({ acronym, progress }) => projectItem(acronym, progress)) });
  if (notStarted.length > 0) blocks.push({ kind: "text", title: "Not started yet", text: notStarted.join(", ") });
  if (failedDeliveries.length > 0) {
    blocks.push({ kind: "heading", text: "Could not be delivered" });
    blocks.push({
      kind: "list",
      items: failedDeliveries.map((failed) => ({
        text: rich`${failed.description}, due ${dateTime(failed.dueAt, "datetime", timeZone)}, ${failed.attempts} attempts: ${failed.lastError ?? "no answer"}`,
        mark: "failed" as const,
      })),
    });
  }
  return { summary: `${workshop.name}: ${overall}`, blocks };
}

export function homeworkOpenedMessage(workshopName: string, sent: InvitationsSent, invited: number): Message {
  const count = sent.sent + sent.held;
  const newly = `Invited ${count} new member${count === 1 ? "" : "s"} (${invited} in all).`;
  const failed =
    sent.failed > 0
      ? ` ${sent.failed} invitation${sent.failed === 1 ? "" : "s"} could not be sent yet: open homework again to retry.`
      : "";
  return { summary: `Homework is open for "${workshopName}". ${newly}${heldWords(sent.held)}${failed}` };
}

/** Invitations held for quiet hours, in words. */
export function heldWords(held: number): string {
  if (held === 0) return "";
  const who = held === 1 ? "1 of them is" : `${held} of them are`;
  return ` ${who} outside working hours: they get it at 09:00 on their next working day.`;
}

export function reopenedMessage(acronym: string, until: Date): Message {
  return { summary: rich`${acronym}'s homework is open for edits until ${dateTime(until)}.` };
}
