// Partners' homework: list results, characterise each, state interest in other projects' results.
import {
  characterisationActions,
  characterisationErrorSummary,
  characterisationForm,
  confirmedRemovals,
  type InterestTarget,
  interestForm,
  parseCharacterisation,
  parseInterest,
  parseResultList,
  type RemovalToConfirm,
  resultListForm,
  resultSlotId,
} from "../../core/forms/homework.ts";
import type { FieldErrors, FormSpec, RawValues } from "../../core/forms/spec.ts";
import {
  type HomeworkProgress,
  homeworkProgress,
  type ResultGaps,
  resultGaps,
  resultProgress,
  resultProgressText,
} from "../../core/homework/progress.ts";
import type { ExploitableResult, Interest, Project, Workshop } from "../../core/model/domain.ts";
import { currentWorkshop, findProject, homeworkIsOpen, requireHomeworkOpen, requireMember } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { editBy, staleEditSummary, unlessStale } from "../edits.ts";
import { Refusal } from "../refusal.ts";
import { interestIndexOf } from "./interest-index.ts";
import { listVersionsOf } from "./list-versions.ts";

/** Saved; or not: errors by field, or `stale` (someone saved first: who, what and when, in one line). */
export type Saved =
  | { ok: true }
  | { ok: false; confirm: RemovalToConfirm[] }
  | { ok: false; errors: FieldErrors; summary?: string | undefined }
  | { ok: false; stale: string };

interface MemberScope {
  workshop: Workshop;
  project: Project;
}

async function memberScope(deps: AppDependencies, actor: Actor, projectId: string): Promise<MemberScope> {
  const workshop = await currentWorkshop(deps.repos, actor);
  const project = await findProject(deps.repos, workshop, projectId);
  await requireMember(deps.repos, actor, project);
  return { workshop, project };
}

async function editableScope(deps: AppDependencies, actor: Actor, projectId: string): Promise<MemberScope> {
  const scope = await memberScope(deps, actor, projectId);
  requireHomeworkOpen(scope.workshop, scope.project, deps.clock.now());
  return scope;
}

export interface HomeworkOverview {
  workshop: Workshop;
  project: Project;
  editable: boolean;
  results: (ExploitableResult & { gaps: ResultGaps })[];
  interests: (Interest & { targetLabel: string })[];
  progress: HomeworkProgress;
}

export async function homeworkOverview(
  deps: AppDependencies,
  actor: Actor,
  projectId: string,
): Promise<HomeworkOverview> {
  const { workshop, project } = await memberScope(deps, actor, projectId);
  const [results, interests] = await Promise.all([
    deps.repos.results.listForProject(project.id),
    deps.repos.interests.listForProject(project.id),
  ]);
  const labels = await targetLabels(
    deps,
    workshop.id,
    interests.map((interest) => interest.resultId),
  );
  return {
    workshop,
    project,
    editable: homeworkIsOpen(workshop, project, deps.clock.now()),
    results: results.map((result) => ({ ...result, gaps: resultGaps(result) })),
    interests: interests.map((interest) => ({
      ...interest,
      targetLabel: labels.get(interest.resultId) ?? "a removed result",
    })),
    progress: homeworkProgress(results, interests.length),
  };
}

/** "ACRONYM: title" for just these results (the overview needs a few labels, not the whole workshop's list). */
async function targetLabels(deps: AppDependencies, workshopId: string, resultIds: string[]) {
  if (resultIds.length === 0) return new Map<string, string>();
  const results = await deps.repos.results.findMany(resultIds);
  const projects = await Promise.all(
    [...new Set(results.map((result) => result.projectId))].map((id) => deps.repos.projects.find(id)),
  );
  const acronyms = new Map(
    projects.flatMap((project) =>
      project && project.workshopId === workshopId ? [[project.id, project.acronym]] : [],
    ),
  );
  return new Map(
    results.flatMap((result) => {
      const acronym = acronyms.get(result.projectId);
      return acronym ? [[result.id, `${acronym}: ${result.title}`]] : [];
    }),
  );
}

// Step 1 ------------------------------------------------------------------------------------------

export interface ResultListStep {
  form: FormSpec;
  /** The result each slot held when the form opened (undefined: an empty slot). */
  slotResultIds: (string | undefined)[];
  limit: number;
  /** The list's version when the form opened. */
  version: number;
  /** The results as listed now, in their slots' order. */
  results: { id: string; title: string }[];
  /** The results with something characterised: clearing their title asks for a confirmation. */
  characterised: string[];
}

export async function resultListFormFor(
  deps: AppDependencies,
  actor: Actor,
  projectId: string,
): Promise<ResultListStep> {
  const { workshop, project } = await editableScope(deps, actor, projectId);
  // The version is read first: a save in between makes this form stale rather than silently newer.
  const { version } = await deps.repos.results.listStamp(project.id);
  listVersionsOf(deps).seen(project.id, version);
  const results = await deps.repos.results.listForProject(project.id);
  const form = resultListForm(project.acronym, results, workshop.maxResultsPerProject);
  return {
    form,
    slotResultIds: form.fields.map((_, index) => results[index]?.id),
    limit: workshop.maxResultsPerProject,
    version,
    results: results.map(({ id, title }) => ({ id, title })),
    characterised: results.filter((result) => resultProgress(result).state !== "not-started").map(({ id }) => id),
  };
}

/**
 * Validates and saves the list of results typed into slots that held `slotResultIds` when the form opened at
 * `version`; refused as stale when the list was saved since (nobody's results are removed by an older form).
 */
export async function submitResultList(
  deps: AppDependencies,
  actor: Actor,
  projectId: string,
  slotResultIds: (string | undefined)[],
  values: RawValues,
  version: number,
): Promise<Saved> {
  const { workshop, project } = await editableScope(deps, actor, projectId);
  const parsed = parseResultList(values, slotResultIds, workshop.maxResultsPerProject);
  if (!parsed.ok) return parsed;
  const listed = await deps.repos.results.listForProject(project.id);
  const current = new Set(listed.map((result) => result.id));
  // A slot whose result was removed meanwhile (another member, another tab) becomes a new result.
  const items = parsed.value.map((entry) => (entry.id && current.has(entry.id) ? entry : { title: entry.title }));
  const confirm = removalsToConfirm(listed, slotResultIds, items, confirmedRemovals(values));
  if (confirm.length > 0) return { ok: false, confirm };
  const saved = await unlessStale(() =>
    deps.repos.results.replaceList(project.id, items, editBy(deps, actor, version)),
  );
  if (saved.ok) {
    // The store bumps the version by one with each save.
    listVersionsOf(deps).seen(project.id, version + 1);
    interestIndexOf(deps).invalidate(workshop.id);
    return { ok: true };
  }
  listVersionsOf(deps).seen(project.id, saved.current.version);
  return {
    ok: false,
    stale: await staleEditSummary(deps, actor, saved.current, `${project.acronym}'s list of results`),
  };
}

/** Characterised results this save would delete, in slots the form showed them in, that were not ticked. */
function removalsToConfirm(
  listed: ExploitableResult[],
  slotResultIds: (string | undefined)[],
  kept: { id?: string }[],
  confirmed: Set<string>,
): RemovalToConfirm[] {
  const keptIds = new Set(kept.map((item) => item.id));
  return listed.flatMap((result) => {
    const progress = resultProgress(result);
    const slot = slotResultIds.indexOf(result.id);
    if (keptIds.has(result.id) || confirmed.has(result.id) || progress.state === "not-started" || slot === -1)
      return [];
    return [{ id: result.id, title: result.title, progress: resultProgressText(progress), field: resultSlotId(slot) }];
  });
}

// Step 2 ------------------------------------------------------------------------------------------

async function resultScope(deps: AppDependencies, actor: Actor, resultId: string) {
  const result = await deps.repos.results.find(resultId);
  if (!result) throw new Refusal("not_found", "That result has been removed from the project's list.");
  const scope = await editableScope(deps, actor, result.projectId);
  return { ...scope, result };
}

export async function characterisationFormFor(
  deps: AppDependencies,
  actor: Actor,
  resultId: string,
): Promise<{ form: FormSpec; projectId: string; version: number }> {
  const stamp = await deps.repos.results.stamp(resultId);
  const { project, result } = await resultScope(deps, actor, resultId);
  return { form: characterisationForm(result, project.partners), projectId: project.id, version: stamp?.version ?? 0 };
}

/**
 * Validates and saves a characterisation, as a draft or submitted (`action`, see characterisationActions), from a
 * form opened at `version`; refused as stale when it was saved since.
 */
export async function submitCharacterisation(
  deps: AppDependencies,
  actor: Actor,
  resultId: string,
  values: RawValues,
  action: string | null,
  version: number,
): Promise<Saved> {
  const { project, result } = await resultScope(deps, actor, resultId);
  const parsed = parseCharacterisation(values, action, project.partners);
  if (!parsed.ok) {
    const form = characterisationForm(result, project.partners);
    return { ...parsed, summary: characterisationErrorSummary(form, parsed.errors, action) };
  }
  const { submit, ...fields } = parsed.value;
  const saved = await unlessStale(() =>
    deps.repos.results.characterise(resultId, fields, submit, editBy(deps, actor, version)),
  );
  if (saved.ok) return { ok: true };
  return { ok: false, stale: await staleEditSummary(deps, actor, saved.current, `"${result.title}"`) };
}

/**
 * Keeps what was typed when a partner closes the characterisation without saving: valid fields are stored as a
 * draft, fields with an error keep their saved value. A submitted result is left as it is, and so is one saved by
 * someone else since the form opened at `version` (a closed form never overwrites a save): then `stale` says who.
 */
export async function keepCharacterisationDraft(
  deps: AppDependencies,
  actor: Actor,
  resultId: string,
  values: RawValues,
  version: number,
): Promise<boolean | { stale: string }> {
  const { project, result } = await resultScope(deps, actor, resultId);
  if (result.status === "submitted") return false;
  const draft: RawValues = { ...values };
  let parsed = parseCharacterisation(draft, characterisationActions.draft, project.partners);
  if (!parsed.ok) {
    for (const field of Object.keys(parsed.errors)) delete draft[field];
    parsed = parseCharacterisation(draft, characterisationActions.draft, project.partners);
  }
  if (!parsed.ok) return false;
  const { submit: _status, ...typed } = parsed.value;
  const kept = Object.fromEntries(
    Object.entries(typed).map(([field, value]) => [
      field,
      field in draft ? value : result[field as keyof typeof typed],
    ]),
  ) as typeof typed;
  const saved = await unlessStale(() =>
    deps.repos.results.characterise(resultId, kept, "draft", editBy(deps, actor, version)),
  );
  return saved.ok || { stale: await staleEditSummary(deps, actor, saved.current, `"${result.title}"`) };
}

// Step 3 ------------------------------------------------------------------------------------------

/** Every other project's result, labelled "ACRONYM: title", in a stable order. */
export async function interestTargets(
  deps: AppDependencies,
  workshopId: string,
  ownProjectId: string,
): Promise<InterestTarget[]> {
  const [projects, results] = await Promise.all([
    deps.repos.projects.list(workshopId),
    deps.repos.results.listForWorkshop(workshopId),
  ]);
  const acronyms = new Map(projects.map((project) => [project.id, project.acronym]));
  return results
    .filter((result) => result.projectId !== ownProjectId)
    .map((result) => {
      const project = acronyms.get(result.projectId) ?? "?";
      const { title, description } = result;
      return { resultId: result.id, label: `${project}: ${title}`, project, title, description };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Type-ahead: from the workshop's index, a few requests per second per person (see interest-index.ts). */
export async function searchInterestTargets(deps: AppDependencies, actor: Actor, projectId: string, query: string) {
  const index = interestIndexOf(deps);
  if (!index.allow(actor.personId)) return [];
  const workshopId = await index.scope(projectId, actor.personId, async () => {
    return (await memberScope(deps, actor, projectId)).workshop.id;
  });
  return index.search(workshopId, projectId, query);
}

export async function interestFormFor(deps: AppDependencies, actor: Actor, projectId: string, resultId?: string) {
  const { workshop, project } = await editableScope(deps, actor, projectId);
  const targets = await interestTargets(deps, workshop.id, project.id);
  if (targets.length === 0)
    throw new Refusal("not_found", "No other project has listed results yet. Come back a little later.");
  const interests = await deps.repos.interests.listForProject(project.id);
  return interestForm(targets, interests.find((interest) => interest.resultId === resultId) ?? null);
}

/**
 * Validates and saves an interest (one per project and result: saving again changes it). `replacing`: the interest
 * the form was opened to change; moved to another result, it goes.
 */
export async function submitInterest(
  deps: AppDependencies,
  actor: Actor,
  projectId: string,
  values: RawValues,
  replacing?: string,
): Promise<Saved> {
  const { workshop, project } = await editableScope(deps, actor, projectId);
  const targets = await interestTargets(deps, workshop.id, project.id);
  const parsed = parseInterest(values, new Set(targets.map((target) => target.resultId)));
  if (!parsed.ok) return parsed;
  await deps.repos.interests.save(project.id, parsed.value);
  if (replacing && replacing !== parsed.value.resultId) await deps.repos.interests.remove(project.id, replacing);
  return { ok: true };
}

/** Withdraws the project's interest in another project's result. */
export async function removeInterest(
  deps: AppDependencies,
  actor: Actor,
  projectId: string,
  resultId: string,
): Promise<void> {
  const { project } = await editableScope(deps, actor, projectId);
  await deps.repos.interests.remove(project.id, resultId);
}
