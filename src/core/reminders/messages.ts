// What reminders and facilitator digests say. Text is literal: the chat adapters escape it for their markup. The
// visible message carries what the notification line says (workshop, deadline, time left), not only the fallback.
import { deadlineText } from "../homework/deadline.ts";
import {
  encouragementLine,
  type HomeworkProgress,
  projectProgressText,
  workshopProgressText,
} from "../homework/progress.ts";
import type { Block, Button, ListItem } from "../screens/blocks.ts";
import type { Message } from "../screens/message.ts";
import { dateTime, type Inline, rich } from "../screens/text.ts";

export const reminderActions = { continueHomework: "homework.continue", snooze: "reminder.snooze" } as const;

export interface ProjectGap {
  acronym: string;
  progress: HomeworkProgress;
}

export interface Completion {
  done: number;
  total: number;
}

export interface ReminderContent {
  workshopId: string;
  workshopName: string;
  deadline: Date | null;
  now: Date;
  /** The recipient's timezone, for surfaces that cannot show the deadline in it themselves. */
  timeZone: string;
  gaps: ProjectGap[];
  completion: Completion;
  last: boolean;
  requestedByFacilitator: boolean;
}

/** "Due <date-time> (3 days left)." or "No deadline is set." */
function dueLine(deadline: Date | null, now: Date, zone?: string): Inline[] {
  return deadline ? rich`Due ${deadlineText(deadline, now, zone)}.` : ["No deadline is set."];
}

/** A project's line: its progress, then its next step. */
export function projectItem(acronym: string, progress: HomeworkProgress): ListItem {
  const next = progress.nextStep ? ` · Next: ${progress.nextStep}` : "";
  return { title: acronym, text: `${projectProgressText(progress)}${next}`, mark: progress.done ? "done" : "pending" };
}

export function reminderMessage(content: ReminderContent): Message {
  const { deadline, now, timeZone } = content;
  const headline = `Homework for ${content.workshopName}`;
  const summary = deadline
    ? rich`${headline}: due ${deadlineText(deadline, now, timeZone)}`
    : rich`${headline} is still open`;
  // User text (the workshop's name) goes in escaped text, never in a heading drawn as is.
  const blocks: Block[] = [{ kind: "text", title: headline, text: dueLine(deadline, now, timeZone) }];
  if (content.requestedByFacilitator) blocks.push({ kind: "context", text: "A facilitator asked me to remind you." });
  blocks.push({ kind: "list", items: content.gaps.map((gap) => projectItem(gap.acronym, gap.progress)) });
  const encouragement = encouragementLine(content.completion.done, content.completion.total);
  if (encouragement) blocks.push({ kind: "context", text: `${encouragement}.` });
  if (content.last) blocks.push({ kind: "context", text: "This is the last reminder." });
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

/** What a snoozed reminder becomes: when reminders start again, and the way back to the homework. */
export function snoozedReminderMessage(workshopId: string, until: Date, zone?: string | null): Message {
  const line = rich`Snoozed until ${dateTime(until, "datetime", zone ?? undefined)}: no reminder before then.`;
  return {
    summary: line,
    blocks: [
      { kind: "text", text: line },
      {
        kind: "buttons",
        buttons: [{ actionId: reminderActions.continueHomework, label: "Continue homework", value: workshopId }],
      },
    ],
  };
}

export interface ProjectStatusLine {
  acronym: string;
  progress: HomeworkProgress;
  /** Names of the people who still have to act (for the after-deadline list). */
  people?: string[];
}

export interface DigestContent {
  workshopName: string;
  deadline: Date | null;
  now: Date;
  /** The facilitator's zone. */
  timeZone: string;
  projects: ProjectStatusLine[];
  failedDeliveries: number;
}

export function digestMessage(content: DigestContent): Message {
  const { workshopName, deadline, now, timeZone, projects, failedDeliveries } = content;
  const overall = workshopProgressText(projects.map((project) => project.progress));
  const blocks: Block[] = [
    {
      kind: "text",
      title: `Homework digest: ${workshopName}`,
      text: rich`${overall}. ${dueLine(deadline, now, timeZone)}`,
    },
    { kind: "list", items: projects.map((project) => projectItem(project.acronym, project.progress)) },
  ];
  if (failedDeliveries > 0) {
    const what = failedDeliveries === 1 ? "1 reminder could" : `${failedDeliveries} reminders could`;
    blocks.push({ kind: "text", text: `${what} not be delivered: /cluster status lists them.` });
  }
  return { summary: `Homework digest for ${workshopName}: ${overall}.`, blocks };
}

export function missingAfterDeadlineMessage(workshopName: string, projects: ProjectStatusLine[]): Message {
  const missing = projects.filter((project) => !project.progress.done);
  const overall = workshopProgressText(projects.map((project) => project.progress));
  if (missing.length === 0) {
    return { summary: `The homework deadline for ${workshopName} has passed and every project is done.` };
  }
  const items = missing.map((project) => {
    const people = project.people && project.people.length > 0 ? ` (${project.people.join(", ")})` : "";
    return { text: `${project.acronym}${people}: ${projectProgressText(project.progress)}`, mark: "pending" as const };
  });
  return {
    summary: `The homework deadline for ${workshopName} has passed: ${overall}.`,
    blocks: [
      { kind: "text", title: `Homework deadline passed: ${workshopName}`, text: `${overall}. Still missing:` },
      { kind: "list", items },
    ],
  };
}
