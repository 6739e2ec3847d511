// Sends an invitation that was held for the person's quiet hours, on their working morning: to the projects they are
// still a member of, if homework is still open. The outbox key is the one the invitation had, so it goes once.
import { z } from "zod";
import { done, type JobResult } from "../../scheduler/job-handler.ts";
import type { JobRecord } from "../../store/repositories/jobs.ts";
import type { AppDependencies } from "../context.ts";
import { readJob } from "../reminders/job-kinds.ts";
import { sendHomeworkInvitations } from "./open.ts";

const heldInvitationPayload = z.object({ personId: z.string(), projectIds: z.string(), keySuffix: z.string() });

export async function sendHeldInvitation(deps: AppDependencies, job: JobRecord): Promise<JobResult> {
  const { workshopId, payload } = readJob(job, heldInvitationPayload);
  const workshop = await deps.repos.workshops.find(workshopId);
  if (workshop?.phase !== "homework") return done("skipped: homework is not open");
  const wanted = payload.projectIds.split(",");
  const projects = (await deps.repos.projects.list(workshopId))
    .filter((project) => wanted.includes(project.id) && project.memberIds.includes(payload.personId))
    .map((project) => ({ id: project.id, acronym: project.acronym }));
  if (projects.length === 0) return done("skipped: no longer a project member");
  const invitation = { personId: payload.personId, projects };
  const outcome = await sendHomeworkInvitations(deps, workshop, [invitation], payload.keySuffix, false);
  return done(outcome.failed > 0 ? "given up: see the undeliverable messages" : "sent");
}
