import type { HomeworkProgress } from "../../core/homework/progress.ts";
import { completionLine } from "../../core/homework/progress.ts";
import type { Project, Workshop } from "../../core/model/domain.ts";
import { currentWorkshop, facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { type FailedDelivery, failedJobs, failedMessages } from "../reminders/status.ts";
import { memberProjectsProgress, workshopProgress } from "./workshop-progress.ts";

export interface StatusReport {
  workshop: Workshop;
  completion: string;
  rows: { acronym: string; progress: HomeworkProgress }[];
  /** Scheduled and one-off messages that could not be delivered after every attempt. */
  failedDeliveries: FailedDelivery[];
}

export async function statusReport(deps: AppDependencies, actor: Actor): Promise<StatusReport> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  const [progress, jobs] = await Promise.all([
    workshopProgress(deps.repos, workshop.id),
    failedJobs(deps, workshop.id),
  ]);
  const messages = await failedMessages(deps, workshop.workspaceId, new Set(jobs.map((job) => job.jobId)));
  const failedDeliveries = [...jobs, ...messages];
  const done = progress.filter((row) => row.progress.done).length;
  return {
    workshop,
    completion: completionLine(done, progress.length),
    rows: progress.map((row) => ({ acronym: row.project.acronym, progress: row.progress })),
    failedDeliveries,
  };
}

export interface HomeData {
  workshop: Workshop | null;
  isFacilitator: boolean;
  projects: { project: Project; progress: HomeworkProgress }[];
}

/** What a person sees on their home tab: their projects and what is left to do. */
export async function homeData(deps: AppDependencies, actor: Actor): Promise<HomeData> {
  const workshop = await currentWorkshop(deps.repos, actor).catch(() => null);
  if (!workshop) return { workshop: null, isFacilitator: false, projects: [] };
  const [isFacilitator, projects] = await Promise.all([
    deps.repos.workshops.isFacilitator(workshop.id, actor.personId),
    memberProjectsProgress(deps.repos, workshop.id, actor.personId),
  ]);
  return { workshop, isFacilitator, projects };
}
