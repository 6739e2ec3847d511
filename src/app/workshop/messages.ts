// What a facilitator reads after saving the workshop's settings: a recap, and what follows from them.
import type { Workshop } from "../../core/model/domain.ts";
import type { Message } from "../../core/screens/message.ts";
import { dateTime, rich } from "../../core/screens/text.ts";

function daysList(days: readonly number[]): string {
  const words = [...days]
    .sort((a, b) => b - a)
    .map((day) => (day === 0 ? "on the day" : `${day} day${day === 1 ? "" : "s"} before`));
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

export function setupSavedMessage(workshop: Workshop, created: boolean, readerZone: string): Message {
  const summary = `Workshop "${workshop.name}" ${created ? "created" : "updated"}.`;
  const deadline = workshop.homeworkDeadline;
  const reminders = !deadline
    ? "None: no deadline means no reminders. Set one with /cluster setup."
    : workshop.reminderCadenceDays.length === 0
      ? "None."
      : `${daysList(workshop.reminderCadenceDays)} the deadline, in working hours of each partner's own time zone.`;
  return {
    summary,
    blocks: [
      { kind: "text", text: summary },
      {
        kind: "facts",
        facts: [
          { label: "Time zone", value: workshop.timezone },
          {
            label: "Homework deadline",
            value: deadline ? rich`${dateTime(deadline, "datetime", readerZone)}` : "None",
          },
          { label: "Results per project", value: `at most ${workshop.maxResultsPerProject}` },
          { label: "Reminders", value: reminders },
        ],
      },
      {
        kind: "text",
        text: created
          ? "Next: add projects with /cluster project add, then invite their members with /cluster homework open."
          : "Changes to the deadline or reminders re-plan the reminders not yet sent.",
      },
    ],
  };
}
