// The database's view of a workshop as a ReportInput: what the report, the export and the per-project summaries
// are built from, review history (the stored edits) included; work-plan follow-up states join when stored.
import type { InterestKind as EngineKind } from "../../core/clustering/index.ts";
import type { InterestKind } from "../../core/model/domain.ts";
import { groupInput } from "../../core/report/group.ts";
import type { ClusterInput, Member, ReportInput, ResultInput } from "../../core/report/input.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import type { WorkshopRecordRow } from "../../store/repositories/workshop-records.ts";
import { Refusal } from "../refusal.ts";

export async function loadWorkshopInput(repos: Repositories, workshopId: string): Promise<ReportInput> {
  const row = await repos.workshopRecords.load(workshopId);
  if (!row) throw new Refusal("not_found", "That workshop does not exist (any more).");
  return workshopInputOf(row);
}

/** One working group's part of the workshop (`groupInput`), by the stored cluster's id. */
export async function loadGroupInput(
  repos: Repositories,
  workshopId: string,
  clusterId: string,
): Promise<{ input: ReportInput; label: string }> {
  const row = await repos.workshopRecords.load(workshopId);
  const index = row?.clusters.findIndex((c) => c.id === clusterId) ?? -1;
  const input = row && index >= 0 ? groupInput(workshopInputOf(row), clusterKey(index)) : null;
  if (!row || !input) throw new Refusal("not_found", "That working group does not exist (any more).");
  return { input, label: row.clusters[index]!.label };
}

/** Cluster ids in a report: their place in the workshop's order ("c2"). */
const clusterKey = (index: number) => `c${index + 1}`;

/** Result ids people can read: the project's acronym and the result's place in its list ("ALPHA-2"). */
export const resultKey = (acronym: string, index: number) => `${acronym}-${index + 1}`;

export function workshopInputOf(row: WorkshopRecordRow): ReportInput {
  const resultIds = new Map<string, string>();
  for (const project of row.projects)
    for (const [k, result] of project.results.entries()) resultIds.set(result.id, resultKey(project.acronym, k));
  const platform = row.workspace.platform;
  const results: ResultInput[] = row.projects.flatMap((project) =>
    project.results.map((r) => ({
      id: resultIds.get(r.id)!,
      project: project.acronym,
      title: r.title,
      description: text(r.description),
      type: text(r.type),
      keywords: r.keywords,
      usp: text(r.usp),
      trlNow: r.trlNow ?? undefined,
      trlExpected: r.trlExpected ?? undefined,
      owners: r.owners.map((o) => o.name),
      iprWithin: text(r.iprWithin),
      iprProtection: r.iprProtection,
      iprOutside: text(r.iprOutside),
      market: text(r.targetMarket),
      timeToMarket: text(r.timeToMarket),
      needs: text(r.needs),
      status: r.status,
    })),
  );
  const clusters: ClusterInput[] | undefined =
    row.clusters.length === 0
      ? undefined
      : row.clusters.map((c, k) => ({
          id: clusterKey(k),
          label: c.label,
          explanation: text(c.explanation),
          cohesion: c.cohesion,
          status: c.status,
          results: [...resultIds.keys()]
            .filter((id) => c.members.some((m) => m.resultId === id))
            .map((id) => resultIds.get(id)!),
          workPlan: c.workPlan.map((item) => ({
            activity: item.activity,
            lead: text(item.leadPartner),
            contributors: item.contributors,
            start: day(item.startDate),
            end: day(item.endDate),
            milestone: text(item.milestone),
            resources: text(item.resources),
            benefit: text(item.expectedBenefit),
            status: item.status,
            followUp: undefined,
          })),
        }));
  return {
    workshop: {
      name: row.name,
      theme: text(row.theme),
      timezone: row.timezone,
      homeworkDeadline: row.homeworkDeadline ? localTime(row.homeworkDeadline, row.timezone) : undefined,
      phase: row.phase,
    },
    projects: row.projects.map((p) => ({
      id: p.acronym,
      acronym: p.acronym,
      title: text(p.title),
      summary: text(p.summary),
      programme: text(p.programme),
      partners: p.partners.map((o) => ({ name: o.name, country: text(o.country) })),
      members: p.members.map(({ person }): Member => {
        const identity = person.identities.find((i) => i.workspaceId === row.workspaceId);
        return {
          name: person.displayName,
          email: text(person.email),
          platformUser: identity ? `${platform}:${identity.externalId}` : undefined,
        };
      }),
    })),
    results,
    interests: row.projects.flatMap((p) =>
      p.interests.flatMap((i) => {
        const result = resultIds.get(i.resultId);
        if (!result) return [];
        return [{ project: p.acronym, result, level: i.level, kind: engineKind(i.kind), note: text(i.note) }];
      }),
    ),
    clusters,
    unclustered: undefined,
    history: historyOf(row),
  };
}

/** The review's edits, oldest first: when, which facilitator, what (the edit's own words). */
function historyOf(row: WorkshopRecordRow): ReportInput["history"] {
  const names = new Map(row.facilitators.map((f) => [f.person.id, f.person.displayName]));
  return row.clusterEdits.map((edit) => ({
    at: edit.createdAt.toISOString(),
    by: (edit.personId && names.get(edit.personId)?.trim()) || "a facilitator",
    action: edit.summary,
    cluster: undefined,
  }));
}

const text = (value: string | null) => (value?.trim() ? value.trim() : undefined);
const day = (value: Date | null) => value?.toISOString().slice(0, 10);

/** The stored kinds use underscores (co_develop); the interchange format uses dashes (co-develop). */
export const engineKind = (kind: InterestKind) => kind.replace(/_/g, "-") as EngineKind;

function localTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")} (${timeZone})`;
}
