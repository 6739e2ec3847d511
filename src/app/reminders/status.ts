// For `/cluster status`: the scheduled messages, and the one-off messages of the outbox, that could not be delivered
// after every attempt.
import type { ReminderDependencies } from "./dependencies.ts";
import { reminderKinds } from "./job-kinds.ts";

export interface FailedDelivery {
  jobId: string;
  /** e.g. "homework reminder to Alice Martin" */
  description: string;
  dueAt: Date;
  attempts: number;
  lastError: string | null;
}

const kindNames: Record<string, string> = {
  [reminderKinds.reminder]: "homework reminder",
  [reminderKinds.nudge]: "facilitator's nudge",
  [reminderKinds.digest]: "daily digest",
  [reminderKinds.missing]: "after-deadline report",
};

export async function failedJobs(deps: ReminderDependencies, workshopId: string): Promise<FailedDelivery[]> {
  const jobs = await deps.repos.jobs.failed(workshopId);
  return Promise.all(
    jobs.map(async (job) => {
      const person = job.target ? await deps.repos.people.find(job.target) : null;
      const what = kindNames[job.kind] ?? job.kind;
      return {
        jobId: job.id,
        description: person ? `${what} to ${person.displayName}` : what,
        dueAt: job.dueAt,
        attempts: job.attempts,
        lastError: job.lastError,
      };
    }),
  );
}

/** What a one-off message is, from its key's prefix. */
const outboxKinds: Record<string, string> = {
  "homework-invite": "homework invitation",
  "not-saved": "note of an answer that could not be saved",
};

/** One-off messages in the workspace the outbox gave up on (who, what, why), leaving out failed jobs listed apart. */
export async function failedMessages(
  deps: ReminderDependencies,
  workspaceId: string,
  listedJobIds: ReadonlySet<string>,
): Promise<FailedDelivery[]> {
  const rows = (await deps.repos.outbox.failures(workspaceId)).filter((row) => !listedJobIds.has(row.key));
  return Promise.all(
    rows.map(async (row) => {
      const person = await deps.repos.people.find(row.personId);
      const what = outboxKinds[row.key.split(":")[0] ?? ""] ?? "message";
      return {
        jobId: row.key,
        description: person ? `${what} to ${person.displayName}` : what,
        dueAt: row.createdAt,
        attempts: row.attempts,
        lastError: row.lastError,
      };
    }),
  );
}
