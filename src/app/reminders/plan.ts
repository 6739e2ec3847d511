// Plans a workshop's reminder jobs from its deadline and cadence; called when homework opens and whenever the
// deadline, cadence, members or facilitators change. Re-planning touches only what has not been sent.
import { digestSchedule, reminderSchedule } from "../../core/reminders/cadence.ts";
import { usableTimeZone } from "../../core/reminders/zoned-time.ts";
import type { NewJob, ReplanSummary } from "../../store/repositories/jobs.ts";
import type { ReminderDependencies } from "./dependencies.ts";
import { reminderKeys, reminderKinds } from "./job-kinds.ts";

export interface ReminderPlan {
  reminders: ReplanSummary;
  digests: ReplanSummary;
  missingReports: ReplanSummary;
}

const nothing: ReplanSummary = { created: 0, updated: 0, cancelled: 0 };

/**
 * Reminders to every project member at the cadence (09:00 workshop time; each is held at send time for the
 * person's own quiet hours), a digest to each facilitator every working morning, and a list of who is missing
 * right after the deadline. Without open homework and a deadline, every pending one is cancelled.
 */
export async function planHomeworkReminders(deps: ReminderDependencies, workshopId: string): Promise<ReminderPlan> {
  const workshop = await deps.repos.workshops.find(workshopId);
  const deadline = workshop?.homeworkDeadline;
  if (workshop?.phase !== "homework" || !deadline) {
    const cancelled = await cancelWorkshopReminders(deps, workshopId);
    return { reminders: { ...nothing, cancelled }, digests: nothing, missingReports: nothing };
  }
  const now = deps.clock.now();
  const timeZone = usableTimeZone(workshop.timezone);
  const projects = await deps.repos.projects.list(workshopId);
  const members = [...new Set(projects.flatMap((project) => project.memberIds))];
  const facilitators = await deps.repos.workshops.facilitatorIds(workshopId);

  const reminders: NewJob[] = reminderSchedule(deadline, timeZone, workshop.reminderCadenceDays, now).flatMap(
    (planned) =>
      members.map((personId) => ({
        kind: reminderKinds.reminder,
        dedupeKey: reminderKeys.reminder(workshopId, personId, planned.at),
        dueAt: planned.at,
        workshopId,
        target: personId,
        payload: { personId, daysBefore: planned.daysBefore, last: planned.last, requestedBy: null },
      })),
  );
  const digests: NewJob[] = digestSchedule(deadline, timeZone, now).flatMap((digest) =>
    facilitators.map((personId) => ({
      kind: reminderKinds.digest,
      dedupeKey: reminderKeys.digest(workshopId, personId, digest.day),
      dueAt: digest.at,
      workshopId,
      target: personId,
      payload: { personId, day: digest.day, plannedAt: digest.at.toISOString() },
    })),
  );
  const missingReports: NewJob[] = facilitators.map((personId) => ({
    kind: reminderKinds.missing,
    dedupeKey: reminderKeys.missing(workshopId, personId, deadline),
    dueAt: deadline,
    workshopId,
    target: personId,
    payload: { personId, deadline: deadline.toISOString() },
  }));

  return {
    reminders: await deps.repos.jobs.replan(reminderKeys.reminderPrefix(workshopId), reminders),
    digests: await deps.repos.jobs.replan(reminderKeys.digestPrefix(workshopId), digests),
    missingReports: await deps.repos.jobs.replan(reminderKeys.missingPrefix(workshopId), missingReports),
  };
}

/** Closing the workshop (or homework): nothing more goes out. Returns how many jobs were cancelled. */
export function cancelWorkshopReminders(deps: ReminderDependencies, workshopId: string): Promise<number> {
  return deps.repos.jobs.cancelPending(workshopId, "cancelled: workshop closed");
}
