// Sends one homework reminder (planned or a facilitator's nudge), deciding again at send time whether it is still
// wanted: homework still open, the partner's project still incomplete, the partner reachable now, and no other
// reminder (planned or nudge) reached them in the last half day.
import { reminderMessage } from "../../core/reminders/messages.ts";
import { nextReminderAllowedAt, reminderGapMs } from "../../core/reminders/spacing.ts";
import { done, type JobResult, later } from "../../scheduler/job-handler.ts";
import type { JobRecord } from "../../store/repositories/jobs.ts";
import { memberProjectsProgress } from "../homework/workshop-progress.ts";
import { deliverOnce } from "./deliver.ts";
import type { ReminderDependencies } from "./dependencies.ts";
import { payloadSchemas, personReminderKinds, readJob, reminderKinds } from "./job-kinds.ts";
import type { CompletionCounter } from "./progress.ts";
import { nextDeliveryTime, resolveRecipient } from "./recipient.ts";

const skippedHalfDay = "skipped: another reminder reached them in the last 12 hours";

/** A planned reminder is not sent when another planned reminder reached the person this recently. */
export const minimumGapMs = 20 * 3_600_000;

export async function sendReminder(
  deps: ReminderDependencies,
  counter: CompletionCounter,
  job: JobRecord,
): Promise<JobResult> {
  const { workshopId, payload } = readJob(job, payloadSchemas.reminder);
  const now = deps.clock.now();
  const planned = job.kind === reminderKinds.reminder;
  const halfDay = {
    workshopId,
    kinds: personReminderKinds,
    target: payload.personId,
    since: new Date(now.getTime() - reminderGapMs),
    now,
  };
  const [workshop, own, recent, lastReminded, snoozedUntil] = await Promise.all([
    deps.repos.workshops.find(workshopId),
    memberProjectsProgress(deps.repos, workshopId, payload.personId),
    planned
      ? deps.repos.jobs.lastSent(workshopId, [job.kind], payload.personId, new Date(now.getTime() - minimumGapMs))
      : null,
    deps.repos.jobs.lastSendStarted(workshopId, personReminderKinds, payload.personId, halfDay.since, job.id),
    deps.repos.jobs.snoozedUntil(workshopId, payload.personId),
  ]);
  if (workshop?.phase !== "homework") return done("skipped: homework is not open");
  const deadline = workshop.homeworkDeadline;
  if (deadline && now >= deadline) return done("skipped: the deadline has passed");
  if (own.length === 0) return done("skipped: not a project member");
  const gaps = own.filter(({ progress }) => !progress.done);
  if (gaps.length === 0) return done("skipped: homework done");
  if (recent) return done("skipped: reminded recently");
  if (planned && lastReminded) return done(skippedHalfDay);

  const recipient = await resolveRecipient(deps, workshop.workspaceId, payload.personId, workshop.timezone);
  const holdUntil = async (reminded: Date | null) => {
    const sendAt = await nextDeliveryTime(deps, recipient, now, [
      snoozedUntil,
      reminded ? nextReminderAllowedAt(reminded) : null,
    ]);
    if (sendAt <= now) return null;
    if (deadline && sendAt >= deadline) return done("skipped: the next moment to send is after the deadline");
    return later(sendAt, reminded ? "reminded in the last 12 hours" : "recipient not reachable now");
  };
  const held = await holdUntil(lastReminded);
  if (held) return held;
  // Another worker or replica may be sending this person a reminder right now: only one of them goes ahead.
  const reminding = await deps.repos.jobs.reserveSend(job.id, halfDay);
  if (reminding) return planned ? done(skippedHalfDay) : ((await holdUntil(reminding)) ?? later(now, "retry"));

  const message = reminderMessage({
    workshopId,
    workshopName: workshop.name,
    deadline,
    now,
    timeZone: recipient.timeZone,
    gaps: gaps.map(({ project, progress }) => ({ acronym: project.acronym, progress })),
    completion: await counter.completion(workshopId),
    last: payload.last,
    requestedByFacilitator: payload.requestedBy !== null,
  });
  return deliverOnce(deps.notify, recipient, message, job);
}
