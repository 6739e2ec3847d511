// What reminders and facilitator digests say. Text is literal: the chat adapters escape it for their markup.
import type { ChatButton, ChatMessage } from "../../app/ports/chat.ts";
import { completionLine } from "../homework/progress.ts";

export const reminderActions = { continueHomework: "homework.continue", snooze: "reminder.snooze" } as const;

/** The tag every scheduled message carries, so a resend after a crash can find the first send. */
export function jobTag(jobId: string): { type: string; key: string } {
  return { type: "clusterbot_job", key: jobId };
}

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
  /** The recipient's timezone, for showing the deadline. */
  timeZone: string;
  gaps: ProjectGap[];
  completion: Completion;
  last: boolean;
  requestedByFacilitator: boolean;
}

export function reminderMessage(content: ReminderContent): ChatMessage {
  const due = content.deadline ? ` is due ${formatDeadline(content.deadline, content.timeZone)}` : " is still open";
  const single = content.gaps.length === 1 ? content.gaps[0] : undefined;
  const summary = single
    ? `Your homework for ${content.workshopName}${due}: ${single.missingSummary}.`
    : `Your homework for ${content.workshopName}${due}.`;
  const paragraphs: { heading?: string; text: string }[] = [];
  if (content.requestedByFacilitator) paragraphs.push({ text: "A facilitator asked me to remind you." });
  if (single) paragraphs.push({ heading: `What ${single.acronym} still needs`, text: `${single.missingSummary}.` });
  else for (const gap of content.gaps) paragraphs.push({ heading: gap.acronym, text: `${gap.missingSummary}.` });
  paragraphs.push({ text: `${completionLine(content.completion.done, content.completion.total)}.` });
  if (content.last) paragraphs.push({ text: "This is the last reminder." });
  const buttons: ChatButton[] = [
    {
      actionId: reminderActions.continueHomework,
      label: "Continue homework",
      value: content.workshopId,
      style: "primary",
    },
    { actionId: reminderActions.snooze, label: "Snooze a day", value: content.workshopId },
  ];
  return { summary, paragraphs, buttons };
}

export interface ProjectStatusLine {
  acronym: string;
  done: boolean;
  missingSummary: string;
  /** Names of the people who still have to act (for the after-deadline list). */
  people?: string[];
}

export function digestMessage(
  workshopName: string,
  projects: ProjectStatusLine[],
  failedDeliveries: number,
): ChatMessage {
  const completion = countDone(projects);
  const lines = projects.map((project) =>
    project.done ? `${project.acronym}: done` : `${project.acronym}: ${project.missingSummary}`,
  );
  const paragraphs = chunkLines(lines).map((text, index) =>
    index === 0 ? { heading: "Per project", text } : { text },
  );
  if (failedDeliveries > 0) {
    const what = failedDeliveries === 1 ? "1 reminder could" : `${failedDeliveries} reminders could`;
    paragraphs.push({ text: `${what} not be delivered: /cluster status lists them.` });
  }
  return {
    summary: `Homework digest for ${workshopName}: ${completionLine(completion.done, completion.total)}.`,
    paragraphs,
  };
}

export function missingAfterDeadlineMessage(workshopName: string, projects: ProjectStatusLine[]): ChatMessage {
  const missing = projects.filter((project) => !project.done);
  const completion = countDone(projects);
  if (missing.length === 0) {
    return { summary: `The homework deadline for ${workshopName} has passed and every project is done.` };
  }
  const lines = missing.map((project) => {
    const people = project.people && project.people.length > 0 ? ` (${project.people.join(", ")})` : "";
    return `${project.acronym}${people}: ${project.missingSummary}`;
  });
  const paragraphs = chunkLines(lines).map((text, index) =>
    index === 0 ? { heading: "Still missing", text } : { text },
  );
  return {
    summary: `The homework deadline for ${workshopName} has passed: ${completionLine(completion.done, completion.total)}.`,
    paragraphs,
  };
}

const deadlineFormats = new Map<string, Intl.DateTimeFormat>();

/** "Friday 20 March, 23:59 CET" in the reader's timezone. */
export function formatDeadline(deadline: Date, timeZone: string): string {
  let format = deadlineFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "long",
      day: "numeric",
      month: "long",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
    deadlineFormats.set(timeZone, format);
  }
  return format.format(deadline).replace(/ at /, ", ");
}

function countDone(projects: ProjectStatusLine[]): Completion {
  return { done: projects.filter((project) => project.done).length, total: projects.length };
}

/** Lines joined into paragraphs that stay well inside a chat platform's per-block text limit. */
export function chunkLines(lines: string[], maxChars = 2800): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of lines) {
    const clipped = line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line;
    if (current && current.length + 1 + clipped.length > maxChars) {
      chunks.push(current);
      current = clipped;
    } else current = current ? `${current}\n${clipped}` : clipped;
  }
  if (current) chunks.push(current);
  return chunks;
}
