import { parseProject, projectForm } from "../../core/forms/project.ts";
import type { FieldErrors, FormSpec, RawValues } from "../../core/forms/spec.ts";
import type { Project, Workshop } from "../../core/model/domain.ts";
import { echo } from "../../core/text/index.ts";
import { isUniqueViolation } from "../../store/errors.ts";
import { facilitatedWorkshop, findProject } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { interestIndexOf } from "../homework/interest-index.ts";
import { type InvitationsSent, sendHomeworkInvitations } from "../homework/open.ts";
import { Refusal } from "../refusal.ts";
import { replanReminders } from "../workshop/lifecycle.ts";

export async function projectFormFor(
  deps: AppDependencies,
  actor: Actor,
  acronym?: string,
): Promise<{ form: FormSpec; projectId: string | null }> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  if (!acronym) return { form: projectForm(null, []), projectId: null };
  const project = await projectByAcronym(deps, workshop.id, acronym);
  const externalIds = await deps.repos.people.externalIds(actor.workspaceId, project.memberIds);
  return {
    form: projectForm(
      project,
      project.memberIds.flatMap((id) => externalIds.get(id) ?? []),
    ),
    projectId: project.id,
  };
}

export type ProjectSaveOutcome =
  | {
      ok: true;
      project: Project;
      created: boolean;
      /** Homework is open: the members new to the project were invited now (else null: invited when it opens). */
      invited: InvitationsSent | null;
    }
  | { ok: false; errors: FieldErrors };

export async function saveProject(
  deps: AppDependencies,
  actor: Actor,
  projectId: string | null,
  raw: RawValues,
): Promise<ProjectSaveOutcome> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  // The id comes from the form's context: it must be a project of this workshop (a forged one is "not here").
  if (projectId) await findProject(deps.repos, workshop, projectId);
  const parsed = parseProject(raw);
  if (!parsed.ok) return parsed;
  const { members, ...fields } = parsed.value;
  const memberIds = (await deps.repos.people.ensureMany(actor.workspaceId, members)).map((person) => person.id);
  const twin = await deps.repos.projects.findByAcronym(workshop.id, fields.acronym);
  if (twin && twin.id !== projectId) {
    // The same form submitted twice (a double click, a retry) is not a conflict: it is already saved.
    if (!projectId && sameProject(twin, fields.title))
      return { ok: true, project: twin, created: false, invited: null };
    return { ok: false, errors: { acronym: `${twin.acronym} is already a project in this workshop.` } };
  }
  try {
    const before = projectId ? await deps.repos.projects.find(projectId) : null;
    const project = projectId
      ? await deps.repos.projects.update(projectId, { ...fields, memberIds })
      : await deps.repos.projects.create(workshop.id, { ...fields, memberIds });
    interestIndexOf(deps).invalidate(workshop.id);
    await replanReminders(deps, workshop.id);
    const invited = await inviteNewMembers(deps, workshop, project, before?.memberIds ?? []);
    return { ok: true, project, created: !projectId, invited };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Two submissions of the same new project at once: the one that lost the race finds the other's row.
    const winner = projectId ? null : await deps.repos.projects.findByAcronym(workshop.id, fields.acronym);
    if (winner && sameProject(winner, fields.title))
      return { ok: true, project: winner, created: false, invited: null };
    return { ok: false, errors: { acronym: `${fields.acronym} is already a project in this workshop.` } };
  }
}

export async function removeProject(deps: AppDependencies, actor: Actor, acronym: string): Promise<Project> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  const project = await projectByAcronym(deps, workshop.id, acronym);
  await deps.repos.projects.remove(project.id);
  interestIndexOf(deps).invalidate(workshop.id);
  await replanReminders(deps, workshop.id);
  return project;
}

async function projectByAcronym(deps: AppDependencies, workshopId: string, acronym: string): Promise<Project> {
  const project = await deps.repos.projects.findByAcronym(workshopId, acronym.trim());
  if (!project) throw new Refusal("not_found", `There is no project "${echo(acronym)}" in this workshop.`);
  return project;
}

function sameProject(project: Project, title: string): boolean {
  return project.title === title;
}

/** While homework is open, members added to a project are invited at once (each once per project). */
async function inviteNewMembers(
  deps: AppDependencies,
  workshop: Workshop,
  project: Project,
  previousMemberIds: string[],
): Promise<InvitationsSent | null> {
  if (workshop.phase !== "homework") return null;
  const added = project.memberIds.filter((id) => !previousMemberIds.includes(id));
  const invitations = added.map((personId) => ({ personId, projects: [{ id: project.id, acronym: project.acronym }] }));
  return sendHomeworkInvitations(deps, workshop, invitations, `:${project.id}`);
}
