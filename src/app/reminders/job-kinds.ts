// The reminder jobs: their kinds, stable keys and payloads.
import { z } from "zod";
import { PermanentJobError } from "../../scheduler/job-handler.ts";
import type { JobPayload, JobRecord } from "../../store/repositories/jobs.ts";

export const reminderKinds = {
  /** A planned homework reminder to one partner. */
  reminder: "homework.reminder",
  /** A facilitator's `/cluster remind`: a reminder to one partner, now. */
  nudge: "homework.nudge",
  /** The facilitators' daily completion digest. */
  digest: "homework.digest",
  /** After the deadline: who is still missing, to each facilitator. */
  missing: "homework.missing",
} as const;

/** The reminders a partner gets, whatever asked for them: at most one of these per person per half day. */
export const personReminderKinds: string[] = [reminderKinds.reminder, reminderKinds.nudge];

/** Keys are stable (same plan → same keys), so planning twice changes nothing. */
export const reminderKeys = {
  reminderPrefix: (workshopId: string) => `homework-reminder:${workshopId}:`,
  reminder: (workshopId: string, personId: string, at: Date) =>
    `homework-reminder:${workshopId}:${personId}:${at.toISOString()}`,
  digestPrefix: (workshopId: string) => `homework-digest:${workshopId}:`,
  digest: (workshopId: string, personId: string, day: string) => `homework-digest:${workshopId}:${personId}:${day}`,
  missingPrefix: (workshopId: string) => `homework-missing:${workshopId}:`,
  missing: (workshopId: string, personId: string, deadline: Date) =>
    `homework-missing:${workshopId}:${personId}:${deadline.toISOString()}`,
  /** One per person per clock hour; remindNow also checks the last hour. */
  nudge: (workshopId: string, personId: string, at: Date) =>
    `homework-nudge:${workshopId}:${personId}:${Math.floor(at.getTime() / 3_600_000)}`,
} as const;

const reminderPayload = z.object({
  personId: z.string(),
  /** Days before the deadline (null for a facilitator's nudge). */
  daysBefore: z.number().int().nullable(),
  last: z.boolean(),
  requestedBy: z.string().nullable(),
});
export type ReminderPayload = z.infer<typeof reminderPayload>;

const digestPayload = z.object({ personId: z.string(), day: z.string(), plannedAt: z.string() });
export type DigestPayload = z.infer<typeof digestPayload>;

const missingPayload = z.object({ personId: z.string(), deadline: z.string() });
export type MissingPayload = z.infer<typeof missingPayload>;

export const payloadSchemas = { reminder: reminderPayload, digest: digestPayload, missing: missingPayload } as const;

/** The job's workshop and payload, or a PermanentJobError (another attempt would not read it better). */
export function readJob<T extends JobPayload>(
  job: JobRecord,
  schema: z.ZodType<T>,
): { workshopId: string; payload: T } {
  const parsed = schema.safeParse(job.payload);
  if (!job.workshopId || !parsed.success) {
    throw new PermanentJobError(`job ${job.id} (${job.kind}) has no workshop or an unreadable payload`);
  }
  return { workshopId: job.workshopId, payload: parsed.data };
}
