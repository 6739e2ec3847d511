// `/cluster remind [project]`: a facilitator nudges, now, the members of incomplete projects, at most once an hour
// per person. The nudge goes through the scheduler like any reminder (quiet hours, snooze and DND still apply, and
// one reminder per person per half day: someone reminded in the last 12 hours gets it when the 12 hours are over).
import type { Person, Workshop } from "../../core/model/domain.ts";
import { defaultQuietHours, isQuietTime } from "../../core/reminders/quiet-hours.ts";
import { nextReminderAllowedAt, reminderGapMs } from "../../core/reminders/spacing.ts";
import { workshopProgress } from "../homework/workshop-progress.ts";
import type { ReminderDependencies } from "./dependencies.ts";
import { personReminderKinds, reminderKeys, reminderKinds } from "./job-kinds.ts";
import { nextDeliveryTime, resolveRecipient } from "./recipient.ts";

export const nudgeIntervalMs = 3_600_000;

export interface NudgedPerson {
  personId: string;
  displayName: string;
}

/** Why a queued nudge waits, and until when. */
export type HoldReason = "away" | "snoozed" | "reminded recently" | "quiet hours" | "do not disturb";

export interface QueuedNudge extends NudgedPerson {
  /** When the nudge can go out, if not now. */
  heldUntil: Date | null;
  heldBecause: HoldReason | null;
}

export type RemindNowResult =
  | { status: "not_found" }
  | { status: "not_facilitator" }
  | { status: "homework_not_open" }
  | { status: "unknown_project"; acronym: string }
  | {
      status: "queued";
      /** Nudges queued now (they go out within a few seconds, or at the person's next working hour). */
      queued: QueuedNudge[];
      /** Already nudged in the last hour: nothing queued for them. */
      recentlyNudged: NudgedPerson[];
      /** Projects whose homework is done: their members get nothing. */
      doneProjects: string[];
    };

export async function remindNow(
  deps: ReminderDependencies,
  workshopId: string,
  actorPersonId: string,
  projectAcronym?: string,
): Promise<RemindNowResult> {
  const workshop = await deps.repos.workshops.find(workshopId);
  if (!workshop) return { status: "not_found" };
  if (!(await deps.repos.workshops.isFacilitator(workshopId, actorPersonId))) return { status: "not_facilitator" };
  const now = deps.clock.now();
  if (workshop.phase !== "homework" || (workshop.homeworkDeadline && now >= workshop.homeworkDeadline)) {
    return { status: "homework_not_open" };
  }
  let projects = await workshopProgress(deps.repos, workshopId);
  if (projectAcronym) {
    const wanted = projectAcronym.trim().toLowerCase();
    projects = projects.filter(({ project }) => project.acronym.toLowerCase() === wanted);
    if (projects.length === 0) return { status: "unknown_project", acronym: projectAcronym };
  }
  const doneProjects = projects.filter(({ progress }) => progress.done).map(({ project }) => project.acronym);
  const people = [
    ...new Set(projects.filter(({ progress }) => !progress.done).flatMap(({ project }) => project.memberIds)),
  ];
  const queued: QueuedNudge[] = [];
  const recentlyNudged: NudgedPerson[] = [];
  for (const personId of people) {
    const person = await deps.repos.people.find(personId);
    if (!person) continue;
    const nudged = nudgedPerson(person);
    const since = new Date(now.getTime() - nudgeIntervalMs);
    const recent = await deps.repos.jobs.lastRequested(workshopId, [reminderKinds.nudge], personId, since);
    const inserted =
      !recent &&
      (await deps.repos.jobs.schedule([
        {
          kind: reminderKinds.nudge,
          dedupeKey: reminderKeys.nudge(workshopId, personId, now),
          dueAt: now,
          createdAt: now,
          workshopId,
          target: personId,
          payload: { personId, daysBefore: null, last: false, requestedBy: actorPersonId },
        },
      ])) === 1;
    if (inserted) queued.push({ ...nudged, ...(await hold(deps, workshop, personId, now)) });
    else recentlyNudged.push(nudged);
  }
  return { status: "queued", queued, recentlyNudged, doneProjects };
}

function nudgedPerson(person: Person): NudgedPerson {
  return { personId: person.id, displayName: person.displayName };
}

/** Whether the nudge goes out now or waits (the send applies the same rules again when it runs). */
async function hold(
  deps: ReminderDependencies,
  workshop: Workshop,
  personId: string,
  now: Date,
): Promise<Pick<QueuedNudge, "heldUntil" | "heldBecause">> {
  const [recipient, snoozedUntil, reminded] = await Promise.all([
    resolveRecipient(deps, workshop.workspaceId, personId, workshop.timezone),
    deps.repos.jobs.snoozedUntil(workshop.id, personId),
    deps.repos.jobs.lastSendStarted(
      workshop.id,
      personReminderKinds,
      personId,
      new Date(now.getTime() - reminderGapMs),
    ),
  ]);
  const spacedUntil = reminded ? nextReminderAllowedAt(reminded) : null;
  const sendAt = await nextDeliveryTime(deps, recipient, now, [snoozedUntil, spacedUntil]);
  if (sendAt <= now) return { heldUntil: null, heldBecause: null };
  const heldBecause: HoldReason =
    recipient.awayUntil && recipient.awayUntil > now
      ? "away"
      : snoozedUntil && snoozedUntil > now
        ? "snoozed"
        : spacedUntil
          ? "reminded recently"
          : isQuietTime(now, recipient.timeZone, deps.quietHours ?? defaultQuietHours)
            ? "quiet hours"
            : "do not disturb";
  return { heldUntil: sendAt, heldBecause };
}
