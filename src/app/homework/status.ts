import type { HomeworkProgress } from "../../core/homework/progress.ts";
import type { Project, Workshop } from "../../core/model/domain.ts";
import { usableTimeZone } from "../../core/reminders/zoned-time.ts";
import { currentWorkshop, facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { Refusal } from "../refusal.ts";
import { resolveRecipient } from "../reminders/recipient.ts";
import { type FailedDelivery, failedJobs, failedMessages } from "../reminders/status.ts";
import { memberProjectsProgress, workshopProgress } from "./workshop-progress.ts";

export interface StatusReport {
  workshop: Workshop;
  now: Date;
  /** The reader's zone (else the workshop's), for surfaces that cannot localise a date-time. */
  timeZone: string;
  rows: { acronym: string; progress: HomeworkProgress }[];
  /** Members of projects that have not started at all, by name. */
  notStarted: string[];
  /** Scheduled and one-off messages that could not be delivered after every attempt. */
  failedDeliveries: FailedDelivery[];
}

export async function statusReport(deps: AppDependencies, actor: Actor): Promise<StatusReport> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  const [progress, jobs, reader] = await Promise.all([
    workshopProgress(deps.repos, workshop.id),
    failedJobs(deps, workshop.id),
    deps.repos.people.find(actor.personId),
  ]);
  const idle = [...new Set(progress.filter((row) => row.progress.untouched).flatMap((row) => row.project.memberIds))];
  // Members who never used the bot are known by id only until their profile is fetched (once).
  const people = await Promise.all(
    idle.map((id) =>
      resolveRecipient(deps, workshop.workspaceId, id, workshop.timezone).catch((error: unknown) => {
        deps.logger.warn({ err: error, personId: id }, "a member's name could not be looked up for the status");
        return null;
      }),
    ),
  );
  const messages = await failedMessages(deps, workshop.workspaceId, new Set(jobs.map((job) => job.jobId)));
  const failedDeliveries = [...jobs, ...messages];
  return {
    workshop,
    now: deps.clock.now(),
    timeZone: usableTimeZone(reader?.timezone, workshop.timezone),
    rows: progress.map((row) => ({ acronym: row.project.acronym, progress: row.progress })),
    notStarted: people.flatMap((person) => (person ? [person.displayName] : [])),
    failedDeliveries,
  };
}

/** What a facilitator's home adds: the whole workshop's progress and what could not be delivered. */
export interface FacilitatorHome {
  projects: HomeworkProgress[];
  failedDeliveries: number;
}

export interface HomeData {
  workshop: Workshop | null;
  isFacilitator: boolean;
  /** Present for the workshop's facilitators. */
  facilitator?: FacilitatorHome;
  now: Date;
  /** The reader's zone (else the workshop's). */
  timeZone: string;
  projects: { project: Project; progress: HomeworkProgress }[];
}

/** What a person sees on their home tab: their projects and what is left to do. */
export async function homeData(deps: AppDependencies, actor: Actor): Promise<HomeData> {
  const now = deps.clock.now();
  // No workshop here yet is a home of its own; anything else (the database down) is an error, not "no workshop".
  const workshop = await currentWorkshop(deps.repos, actor).catch((error: unknown) => {
    if (error instanceof Refusal) return null;
    throw error;
  });
  if (!workshop) return { workshop: null, isFacilitator: false, now, timeZone: "UTC", projects: [] };
  const [isFacilitator, projects, reader] = await Promise.all([
    deps.repos.workshops.isFacilitator(workshop.id, actor.personId),
    memberProjectsProgress(deps.repos, workshop.id, actor.personId),
    deps.repos.people.find(actor.personId),
  ]);
  const timeZone = usableTimeZone(reader?.timezone, workshop.timezone);
  if (!isFacilitator) return { workshop, isFacilitator, now, timeZone, projects };
  const [all, jobs] = await Promise.all([workshopProgress(deps.repos, workshop.id), failedJobs(deps, workshop.id)]);
  const messages = await failedMessages(deps, workshop.workspaceId, new Set(jobs.map((job) => job.jobId)));
  const facilitator = { projects: all.map((row) => row.progress), failedDeliveries: jobs.length + messages.length };
  return { workshop, isFacilitator, facilitator, now, timeZone, projects };
}
