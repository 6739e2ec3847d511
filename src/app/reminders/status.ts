// For `/cluster status`: the scheduled messages that could not be delivered after every attempt.
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
