// Authorization, once, for both platforms.
import type { Project, Workshop } from "../core/model/domain.ts";
import type { Repositories } from "../store/repositories/index.ts";
import type { Actor } from "./context.ts";
import { Refusal } from "./refusal.ts";

export async function currentWorkshop(repos: Repositories, actor: Actor): Promise<Workshop> {
  const workshop = await repos.workshops.current(actor.workspaceId);
  if (!workshop)
    throw new Refusal("no_workshop", "There is no workshop here yet. A facilitator starts one with `/cluster setup`.");
  return workshop;
}

export async function requireFacilitator(repos: Repositories, actor: Actor, workshop: Workshop): Promise<void> {
  if (!(await repos.workshops.isFacilitator(workshop.id, actor.personId))) {
    throw new Refusal("not_facilitator", `Only the facilitators of "${workshop.name}" can do that.`);
  }
}

export async function facilitatedWorkshop(repos: Repositories, actor: Actor): Promise<Workshop> {
  const workshop = await currentWorkshop(repos, actor);
  await requireFacilitator(repos, actor, workshop);
  return workshop;
}

export async function requireMember(repos: Repositories, actor: Actor, project: Project): Promise<void> {
  if (!(await repos.projects.isMember(project.id, actor.personId))) {
    throw new Refusal("not_member", `Only the members of ${project.acronym} can edit its homework.`);
  }
}

/** Homework is editable until the deadline, or later while a facilitator has reopened the project. */
export function homeworkIsOpen(workshop: Workshop, project: Project, now: Date): boolean {
  if (workshop.phase !== "homework") return false;
  if (!workshop.homeworkDeadline || now < workshop.homeworkDeadline) return true;
  return project.reopenedUntil !== null && now < project.reopenedUntil;
}

export function requireHomeworkOpen(workshop: Workshop, project: Project, now: Date): void {
  if (homeworkIsOpen(workshop, project, now)) return;
  throw new Refusal(
    "read_only",
    workshop.phase === "setup"
      ? "Homework has not opened yet."
      : `The homework deadline has passed, so ${project.acronym}'s answers are read-only. A facilitator can reopen them.`,
  );
}

export async function findProject(repos: Repositories, workshop: Workshop, projectId: string): Promise<Project> {
  const project = await repos.projects.find(projectId);
  if (!project || project.workshopId !== workshop.id)
    throw new Refusal("not_found", "That project is no longer in this workshop.");
  return project;
}
