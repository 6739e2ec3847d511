// Workshop moments that touch the reminder schedule: homework opened, settings or members changed, closed.
import type { Workshop } from "../../core/model/domain.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { endFollowUps } from "../groups/follow-ups.ts";
import { memberProjectsProgress } from "../homework/workshop-progress.ts";
import { Refusal } from "../refusal.ts";
import { cancelWorkshopReminders, planHomeworkReminders } from "../reminders/plan.ts";

/** Re-plans what has not been sent; a failure is logged, never allowed to undo what the user just saved. */
export async function replanReminders(deps: AppDependencies, workshopId: string): Promise<void> {
  try {
    const plan = await planHomeworkReminders(deps, workshopId);
    deps.logger.info({ workshopId, ...plan }, "reminders planned");
  } catch (error) {
    deps.logger.error({ err: error, workshopId }, "planning reminders failed");
  }
}

export async function closeWorkshop(
  deps: AppDependencies,
  actor: Actor,
): Promise<{ workshop: Workshop; cancelled: number; followUps: number }> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  const closed = await deps.repos.workshops.setPhase(workshop.id, "closed");
  // Follow-ups first, so the count of reminders is only reminders; the working groups' channels stay as they are.
  const followUps = await endFollowUps(deps, workshop.id);
  const cancelled = await cancelWorkshopReminders(deps, workshop.id);
  return { workshop: closed, cancelled, followUps };
}

/** The project a "Continue homework" button should open: the person's first unfinished one in that workshop. */
export async function projectToContinue(deps: AppDependencies, actor: Actor, workshopId: string): Promise<string> {
  const workshop = await deps.repos.workshops.find(workshopId);
  if (!workshop || workshop.workspaceId !== actor.workspaceId)
    throw new Refusal("not_found", "That workshop is no longer here.");
  const projects = await memberProjectsProgress(deps.repos, workshop.id, actor.personId);
  const first = projects.find(({ progress }) => !progress.done) ?? projects[0];
  if (!first) throw new Refusal("not_member", "You are not a member of any project in this workshop.");
  return first.project.id;
}
