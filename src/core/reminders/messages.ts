// What reminders and facilitator digests say. Text is literal: the chat adapters escape it for their markup.
import { completionLine } from "../homework/progress.ts";
import type { Block, Button } from "../screens/blocks.ts";
import type { Message } from "../screens/message.ts";
import { dateTime, type Inline, rich } from "../screens/text.ts";

export const reminderActions = { continueHomework: "homework.continue", snooze: "reminder.snooze" } as const;

export interface ProjectGap {
  acronym: string;
  /** e.g. "2 results lack their IPR situation; no interests given yet" */
  missingSummary: string;
}

export interface Completion {
  done: number;
  total: number;
}

export interface ReminderContent {
  workshopId: string;
  workshopName: string;
  deadline: Date | null;
  /** The recipient's timezone, for surfaces that cannot show the deadline in it themselves. */
  timeZone: string;
  gaps: ProjectGap[];
  completion: Completion;
  last: boolean;
  requestedByFacilitator: boolean;
}

export function reminderMessage(content: ReminderContent): Message {
  const due: Inline[] = content.deadline
    ? rich` is due ${dateTime(content.deadline, "datetime", content.timeZone)}`
    : [" is still open"];
  const single = content.gaps.length === 1 ? content.gaps[0] : undefined;
  const summary = single
    ? rich`Your homework for ${content.workshopName}${due}: ${single.missingSummary}.`
    : rich`Your homework for ${content.workshopName}${due}.`;
  const blocks: Block[] = [];
  if (content.requestedByFacilitator) blocks.push({ kind: "text", text: "A facilitator asked me to remind you." });
  if (single)
    blocks.push({ kind: "text", title: `What ${single.acronym} still needs`, text: `${single.missingSummary}.` });
  else
    for (const gap of content.gaps) blocks.push({ kind: "text", title: gap.acronym, text: `${gap.missingSummary}.` });
  blocks.push({ kind: "text", text: `${completionLine(content.completion.done, content.completion.total)}.` });
  if (content.last) blocks.push({ kind: "text", text: "This is the last reminder." });
  const buttons: Button[] = [
    {
      actionId: reminderActions.continueHomework,
      label: "Continue homework",
      value: content.workshopId,
      style: "primary",
    },
    { actionId: reminderActions.snooze, label: "Snooze a day", value: content.workshopId },
  ];
  blocks.push({ kind: "buttons", buttons });
  return { summary, blocks };
}

export interface ProjectStatusLine {
  acronym: string;
  done: boolean;
  missingSummary: string;
  /** Names of the people who still have to act (for the after-deadline list). */
  people?: string[];
}

export function digestMessage(workshopName: string, projects: ProjectStatusLine[], failedDeliveries: number): Message {
  const completion = countDone(projects);
  const blocks: Block[] = [
    { kind: "heading", text: "Per project" },
    {
      kind: "list",
      items: projects.map((project) => ({
        text: project.done ? `${project.acronym}: done` : `${project.acronym}: ${project.missingSummary}`,
      })),
    },
  ];
  if (failedDeliveries > 0) {
    const what = failedDeliveries === 1 ? "1 reminder could" : `${failedDeliveries} reminders could`;
    blocks.push({ kind: "text", text: `${what} not be delivered: /cluster status lists them.` });
  }
  return {
    summary: `Homework digest for ${workshopName}: ${completionLine(completion.done, completion.total)}.`,
    blocks,
  };
}

export function missingAfterDeadlineMessage(workshopName: string, projects: ProjectStatusLine[]): Message {
  const missing = projects.filter((project) => !project.done);
  const completion = countDone(projects);
  if (missing.length === 0) {
    return { summary: `The homework deadline for ${workshopName} has passed and every project is done.` };
  }
  const items = missing.map((project) => {
    const people = project.people && project.people.length > 0 ? ` (${project.people.join(", ")})` : "";
    return { text: `${project.acronym}${people}: ${project.missingSummary}` };
  });
  return {
    summary: `The homework deadline for ${workshopName} has passed: ${completionLine(completion.done, completion.total)}.`,
    blocks: [
      { kind: "heading", text: "Still missing" },
      { kind: "list", items },
    ],
  };
}

function countDone(projects: ProjectStatusLine[]): Completion {
  return { done: projects.filter((project) => project.done).length, total: projects.length };
}
