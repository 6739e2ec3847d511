import type { Project } from "../../core/model/domain.ts";
import { echo } from "../../core/text/index.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { Refusal } from "../refusal.ts";

/** Lets a project's members edit their homework again after the deadline, for a number of days. */
export async function reopenHomework(
  deps: AppDependencies,
  actor: Actor,
  acronym: string,
  days: number,
): Promise<{ project: Project; until: Date }> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  if (!Number.isInteger(days) || days < 1 || days > 30)
    throw new Refusal("conflict", "Reopen for 1 to 30 days, e.g. `/cluster reopen ALPHA 3`.");
  const project = await deps.repos.projects.findByAcronym(workshop.id, acronym);
  if (!project) throw new Refusal("not_found", `There is no project "${echo(acronym)}" in this workshop.`);
  const until = new Date(deps.clock.now().getTime() + days * 86_400_000);
  await deps.repos.projects.reopen(project.id, until);
  return { project, until };
}
