// Workshop moments that touch the reminder schedule: homework opened, settings or members changed, closed.
import type { Workshop } from "../../core/model/domain.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
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
): Promise<{ workshop: Workshop; cancelled: number }> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  const closed = await deps.repos.workshops.setPhase(workshop.id, "closed");
  const cancelled = await cancelWorkshopReminders(deps, workshop.id);
  return { workshop: closed, cancelled };
}

/** The project a "Continue homework" button should open: the person's first unfinished one in that workshop. */
export async function projectToContinue(deps: AppDependencies, actor: Actor, workshopId: string): Promise<string> {
  const workshop = await deps.repos.workshops.find(workshopId);
  if (!workshop || workshop.workspaceId !== actor.workspaceId)
    throw new Refusal("not_found", "That workshop is no longer here.");
  const projects = await deps.repos.projects.ofMember(workshop.id, actor.personId);
  if (projects.length === 0) throw new Refusal("not_member", "You are not a member of any project in this workshop.");
  for (const project of projects) {
    const [results, interests] = await Promise.all([
      deps.repos.results.listForProject(project.id),
      deps.repos.interests.listForProject(project.id),
    ]);
    const unfinished =
      results.length === 0 || interests.length === 0 || results.some((result) => result.status === "draft");
    if (unfinished) return project.id;
  }
  return projects[0]!.id;
}
