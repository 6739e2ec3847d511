// Import of projects, partners, members and (optionally) homework from a spreadsheet into a workshop.
// Everything is checked before anything is written; then all of it is written in one transaction. Import adds and
// updates, it never deletes or blanks: an empty cell leaves what is stored. Importing the same file again finds
// nothing to change and writes nothing.
import type { InterestKind } from "../../core/model/domain.ts";
import type { ReportInput, ResultInput } from "../../core/report/input.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import type { ImportPlan, ResultColumns, WorkshopRecordRow } from "../../store/repositories/workshop-records.ts";
import { Refusal } from "../refusal.ts";
import { type MemberResolution, resolveMembers } from "./members.ts";

export interface ImportIssue {
  /** Where in the input (e.g. ["results", 4, "title"]); the file reader turns it into sheet, row and column. */
  path: (string | number)[];
  message: string;
}

export interface ImportSummary {
  projectsCreated: number;
  projectsUpdated: number;
  partnersAdded: number;
  membersAdded: number;
  /** Members known by email only: they are linked to their chat account when they first use the bot. */
  peopleInvited: number;
  resultsCreated: number;
  resultsUpdated: number;
  interestsSaved: number;
  /** What the file holds that import does not write (clusters, work-plans, review history). */
  notImported: string[];
}

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; issues: ImportIssue[] };

export async function importIntoWorkshop(
  repos: Repositories,
  workshopId: string,
  input: ReportInput,
  options: { dryRun?: boolean } = {},
): Promise<ImportOutcome> {
  const stored = await repos.workshopRecords.load(workshopId);
  if (!stored) throw new Refusal("not_found", "That workshop does not exist (any more).");
  const issues = checkLimits(stored, input);
  const members = await resolveMembers(repos, stored, input);
  issues.push(...members.issues);
  if (issues.length > 0) return { ok: false, issues };
  const plan = planImport(stored, input, members);
  const summary = summarise(plan, input);
  if (!options.dryRun && Object.values(plan).some((list) => list.length > 0))
    await repos.workshopRecords.applyImport(stored.id, stored.workspaceId, plan);
  return { ok: true, summary };
}

/** The workshop's limit on results per project holds for imports too. */
function checkLimits(stored: WorkshopRecordRow, input: ReportInput): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const counts = new Map(stored.projects.map((p) => [p.acronym, new Set(p.results.map((r) => r.title))]));
  const acronymOf = new Map(input.projects.map((p) => [p.id, p.acronym]));
  input.results.forEach((result, index) => {
    const acronym = acronymOf.get(result.project)!;
    const titles = counts.get(acronym) ?? new Set<string>();
    counts.set(acronym, titles);
    if (titles.has(result.title)) return;
    titles.add(result.title);
    if (titles.size > stored.maxResultsPerProject)
      issues.push({
        path: ["results", index, "title"],
        message:
          `${acronym} would have ${titles.size} results; the workshop allows ${stored.maxResultsPerProject} per ` +
          "project (a facilitator can raise the limit in /cluster setup)",
      });
  });
  return issues;
}

function planImport(stored: WorkshopRecordRow, input: ReportInput, members: MemberResolution): ImportPlan {
  const plan: ImportPlan = {
    projects: [],
    partners: [],
    invitedPeople: members.invitedPeople,
    platformPeople: members.platformPeople,
    members: [],
    results: [],
    interests: [],
  };
  const storedProjects = new Map(stored.projects.map((p) => [p.acronym.toLowerCase(), p]));
  const acronymOf = new Map<string, string>();
  for (const project of input.projects) {
    const existing = storedProjects.get(project.acronym.toLowerCase());
    const acronym = existing?.acronym ?? project.acronym;
    acronymOf.set(project.id, acronym);
    const wanted = { title: project.title, summary: project.summary, programme: project.programme };
    if (!existing) plan.projects.push({ acronym, fields: definedOnly(wanted) });
    else {
      const changed = changedFields(wanted, existing);
      if (changed) plan.projects.push({ acronym, id: existing.id, fields: changed });
    }
    for (const partner of project.partners) {
      const known = existing?.partners.find((o) => o.name === partner.name);
      if (!known || (partner.country && partner.country !== known.country))
        plan.partners.push({ acronym, name: partner.name, country: partner.country });
    }
    const memberIds = new Set(existing?.members.map((m) => m.personId) ?? []);
    project.members.forEach((_, j) => {
      const person = members.personOf.get(`${project.id}\u0000${j}`)!;
      if (memberIds.has(person)) return;
      memberIds.add(person);
      plan.members.push({ acronym, person });
    });
  }
  const storedResults = new Map(
    stored.projects.flatMap((p) =>
      p.results.map((r) => [`${p.acronym}\u0000${r.title}`, { ...r, project: p }] as const),
    ),
  );
  const nextPosition = new Map(stored.projects.map((p) => [p.acronym, p.results.length]));
  const titleOf = new Map<string, { acronym: string; title: string }>();
  for (const result of input.results) {
    const acronym = acronymOf.get(result.project)!;
    titleOf.set(result.id, { acronym, title: result.title });
    const existing = storedResults.get(`${acronym}\u0000${result.title}`);
    const columns = resultColumns(result);
    const owners = result.owners.length > 0 ? [...result.owners].sort() : undefined;
    if (!existing) {
      const position = nextPosition.get(acronym) ?? 0;
      nextPosition.set(acronym, position + 1);
      plan.results.push({ acronym, title: result.title, position, columns, owners });
      continue;
    }
    const changed = changedFields(columns, existing) ?? {};
    const storedOwners = existing.owners.map((o) => o.name).sort();
    const ownersChanged = owners !== undefined && owners.join("\u0000") !== storedOwners.join("\u0000");
    if (Object.keys(changed).length > 0 || ownersChanged)
      plan.results.push({
        acronym,
        title: result.title,
        id: existing.id,
        columns: changed,
        owners: ownersChanged ? owners : undefined,
      });
  }
  for (const interest of input.interests) {
    const acronym = acronymOf.get(interest.project)!;
    const target = titleOf.get(interest.result)!;
    const storedProject = storedProjects.get(acronym.toLowerCase());
    const storedResult = storedResults.get(`${target.acronym}\u0000${target.title}`);
    const existing = storedProject?.interests.find((i) => storedResult && i.resultId === storedResult.id);
    const kind = interest.kind ? storedKind(interest.kind) : (existing?.kind ?? "use");
    const note = interest.note ?? existing?.note ?? undefined;
    if (
      existing &&
      existing.level === interest.level &&
      existing.kind === kind &&
      (existing.note ?? undefined) === note
    )
      continue;
    plan.interests.push({ acronym, result: target, level: interest.level, kind, note });
  }
  return plan;
}

function resultColumns(result: ResultInput): ResultColumns {
  return definedOnly({
    description: result.description,
    type: result.type,
    keywords: result.keywords.length > 0 ? result.keywords : undefined,
    usp: result.usp,
    trlNow: result.trlNow,
    trlExpected: result.trlExpected,
    iprWithin: result.iprWithin,
    iprProtection: result.iprProtection.length > 0 ? result.iprProtection : undefined,
    iprOutside: result.iprOutside,
    targetMarket: result.market,
    timeToMarket: result.timeToMarket,
    needs: result.needs,
    status: result.status,
  });
}

const storedKind = (kind: string) => kind.replace(/-/g, "_") as InterestKind;

function definedOnly<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/** The given fields whose value differs from the stored one, or undefined when none does. */
function changedFields<T extends object>(wanted: T, stored: object): Partial<T> | undefined {
  const changed = Object.entries(definedOnly(wanted)).filter(([key, value]) => {
    const current = (stored as Record<string, unknown>)[key];
    return JSON.stringify(current ?? null) !== JSON.stringify(value);
  });
  return changed.length > 0 ? (Object.fromEntries(changed) as Partial<T>) : undefined;
}

function summarise(plan: ImportPlan, input: ReportInput): ImportSummary {
  const clusters = input.clusters?.length ?? 0;
  const items = input.clusters?.reduce((n, c) => n + c.workPlan.length, 0) ?? 0;
  const notImported = [
    clusters > 0 ? `${clusters} cluster${clusters === 1 ? "" : "s"}` : "",
    items > 0 ? `${items} work-plan item${items === 1 ? "" : "s"}` : "",
    input.history.length > 0 ? `${input.history.length} review history entries` : "",
  ].filter(Boolean);
  return {
    projectsCreated: plan.projects.filter((p) => !p.id).length,
    projectsUpdated: plan.projects.filter((p) => p.id).length,
    partnersAdded: plan.partners.length,
    membersAdded: plan.members.length,
    peopleInvited: plan.invitedPeople.length,
    resultsCreated: plan.results.filter((r) => !r.id).length,
    resultsUpdated: plan.results.filter((r) => r.id).length,
    interestsSaved: plan.interests.length,
    notImported,
  };
}
