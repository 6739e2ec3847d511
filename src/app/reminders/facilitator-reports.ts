// What facilitators get: a completion digest every working morning, and after the deadline who is still missing.
import type { Workshop } from "../../core/model/domain.ts";
import { digestMessage, missingAfterDeadlineMessage, type ProjectStatusLine } from "../../core/reminders/messages.ts";
import { done, type JobResult, later } from "../../scheduler/job-handler.ts";
import type { JobRecord } from "../../store/repositories/jobs.ts";
import { workshopProgress } from "../homework/workshop-progress.ts";
import { deliverOnce } from "./deliver.ts";
import type { ReminderDependencies } from "./dependencies.ts";
import { payloadSchemas, readJob } from "./job-kinds.ts";
import { nextDeliveryTime, type Recipient, resolveRecipient } from "./recipient.ts";

/** A digest held (quiet hours, away) this long after its planned time is replaced by the next one. */
export const digestShelfLifeMs = 20 * 3_600_000;

export async function sendFacilitatorDigest(deps: ReminderDependencies, job: JobRecord): Promise<JobResult> {
  const { workshopId, payload } = readJob(job, payloadSchemas.digest);
  const now = deps.clock.now();
  const workshop = await deps.repos.workshops.find(workshopId);
  if (workshop?.phase !== "homework") return done("skipped: homework is not open");
  if (now.getTime() - Date.parse(payload.plannedAt) > digestShelfLifeMs) return done("skipped: superseded");
  const reach = await reachFacilitator(deps, workshop, payload.personId, now);
  if ("kind" in reach) return reach;
  const projects = await statusLines(deps, workshopId, false);
  const failed = (await deps.repos.jobs.failed(workshopId)).length;
  const message = digestMessage({
    workshopName: workshop.name,
    deadline: workshop.homeworkDeadline,
    now,
    timeZone: reach.timeZone,
    projects,
    failedDeliveries: failed,
  });
  return deliverOnce(deps.notify, reach, message, job);
}

export async function sendMissingAfterDeadline(deps: ReminderDependencies, job: JobRecord): Promise<JobResult> {
  const { workshopId, payload } = readJob(job, payloadSchemas.missing);
  const now = deps.clock.now();
  const workshop = await deps.repos.workshops.find(workshopId);
  if (!workshop || workshop.phase === "closed" || workshop.phase === "setup") return done("skipped: workshop closed");
  if (workshop.homeworkDeadline?.toISOString() !== payload.deadline) return done("skipped: the deadline changed");
  const reach = await reachFacilitator(deps, workshop, payload.personId, now);
  if ("kind" in reach) return reach;
  const projects = await statusLines(deps, workshopId, true);
  return deliverOnce(deps.notify, reach, missingAfterDeadlineMessage(workshop.name, projects), job);
}

async function statusLines(
  deps: ReminderDependencies,
  workshopId: string,
  withPeople: boolean,
): Promise<ProjectStatusLine[]> {
  const projects = await workshopProgress(deps.repos, workshopId);
  return Promise.all(
    projects.map(async ({ project, progress }) => {
      const line: ProjectStatusLine = { acronym: project.acronym, progress };
      if (!withPeople || progress.done) return line;
      const people = await Promise.all(project.memberIds.map((id) => deps.repos.people.find(id)));
      return { ...line, people: people.flatMap((person) => (person ? [person.displayName] : [])) };
    }),
  );
}

/** The facilitator, when they can be messaged now; otherwise what the job should do instead. */
async function reachFacilitator(
  deps: ReminderDependencies,
  workshop: Workshop,
  personId: string,
  now: Date,
): Promise<Recipient | JobResult> {
  if (!(await deps.repos.workshops.isFacilitator(workshop.id, personId)))
    return done("skipped: no longer a facilitator");
  const recipient = await resolveRecipient(deps, workshop.workspaceId, personId, workshop.timezone);
  const sendAt = await nextDeliveryTime(deps, recipient, now);
  if (sendAt > now) return later(sendAt, "recipient not reachable now");
  return recipient;
}
