import type { AnalyzeOptions } from "../clustering/index.ts";
import { type Clustering, clusteringOf } from "./clusters.ts";
import type { ReportInput } from "./input.ts";
import type {
  ProjectSummary,
  Report,
  ReportCluster,
  ReportEvent,
  ReportInterest,
  ReportProject,
  ReportResult,
  ReportUnclustered,
  ResultRef,
} from "./model.ts";
import { type NeedMatch, needOfferMatches } from "./needs.ts";

export interface BuildOptions {
  /** The report's date, YYYY-MM-DD. */
  generatedOn: string;
  /** Options for the analysis run when the input has no clusters yet. */
  analysis?: AnalyzeOptions;
  /** Instead of "Workshop report: <name>" (a working group's report). */
  title?: string;
}

const LEVEL_RANK = { low: 0, medium: 1, high: 2 } as const;
const byText = (x: string, y: string) => x.localeCompare(y, "en", { numeric: true });

/** Resolves a validated input into the report every format renders. Same input → same report. */
export function buildReport(input: ReportInput, options: BuildOptions): Report {
  const clustering = clusteringOf(input, options.analysis);
  const projects = [...input.projects].sort((x, y) => byText(x.acronym, y.acronym) || byText(x.id, y.id));
  const acronymOf = new Map(projects.map((p) => [p.id, p.acronym]));
  const order = new Map(projects.map((p, k) => [p.id, k]));
  const results = input.results
    .map((r, k) => ({ r, k }))
    .sort((x, y) => order.get(x.r.project)! - order.get(y.r.project)! || x.k - y.k)
    .map(({ r }) => r);
  const resultById = new Map(results.map((r) => [r.id, r]));
  const ref = (id: string): ResultRef => {
    const result = resultById.get(id)!;
    return { id, title: result.title, projectAcronym: acronymOf.get(result.project)! };
  };

  const clustersOf = new Map<string, string[]>();
  for (const cluster of clustering.clusters)
    for (const id of cluster.results) clustersOf.set(id, [...(clustersOf.get(id) ?? []), cluster.id]);
  const history = historyOf(input, clustering);

  const reportProjects: ReportProject[] = projects.map((p) => ({
    id: p.id,
    acronym: p.acronym,
    title: p.title,
    summary: p.summary,
    programme: p.programme,
    partners: p.partners,
    members: [...new Set(p.members.map((m) => m.name ?? m.email ?? m.platformUser ?? ""))].filter(Boolean),
    results: results.filter((r) => r.project === p.id).map((r) => r.id),
  }));
  const reportResults: ReportResult[] = results.map((r) => ({
    ...r,
    projectAcronym: acronymOf.get(r.project)!,
    clusters: clustersOf.get(r.id) ?? [],
  }));
  const interests: ReportInterest[] = input.interests
    .map((i) => {
      const result = resultById.get(i.result)!;
      return {
        project: i.project,
        projectAcronym: acronymOf.get(i.project)!,
        result: i.result,
        resultTitle: result.title,
        owner: result.project,
        ownerAcronym: acronymOf.get(result.project)!,
        level: i.level,
        kind: i.kind,
        note: i.note,
      };
    })
    .sort(
      (x, y) =>
        byText(x.ownerAcronym, y.ownerAcronym) ||
        byText(x.resultTitle, y.resultTitle) ||
        LEVEL_RANK[y.level] - LEVEL_RANK[x.level] ||
        byText(x.projectAcronym, y.projectAcronym),
    );
  const clusters: ReportCluster[] = clustering.clusters.map((c) => ({
    id: c.id,
    label: c.label,
    status: c.status,
    explanation: c.explanation,
    cohesion: c.cohesion,
    results: c.results.map(ref),
    projects: [...new Set(c.results.map((id) => acronymOf.get(resultById.get(id)!.project)!))].sort(byText),
    workPlan: c.workPlan,
    history: history.filter((e) => e.cluster?.id === c.id),
  }));
  const labelOf = new Map(clusters.map((c) => [c.id, c.label]));
  const unclustered: ReportUnclustered[] = clustering.unclustered
    .map((u) => ({
      ...ref(u.result),
      reason: u.reason,
      nearest: u.nearest && labelOf.has(u.nearest) ? { id: u.nearest, label: labelOf.get(u.nearest)! } : null,
    }))
    .sort((x, y) => byText(x.projectAcronym, y.projectAcronym) || byText(x.title, y.title));

  const needMatches = needOfferMatches(results);
  const context = { acronymOf, resultById, interests, clusters: clustering, matches: needMatches };
  const summaries = projects.map((p) => summaryOf(p.id, context));
  const partners = new Set(projects.flatMap((p) => p.partners.map((o) => o.name)));
  return {
    title: options.title ?? `Workshop report: ${input.workshop.name}`,
    workshop: input.workshop,
    generatedOn: options.generatedOn,
    clustersSource: clustering.source,
    figures: {
      projects: projects.length,
      partners: partners.size,
      results: results.length,
      interests: interests.length,
      clusters: clusters.length,
      unclustered: unclustered.length,
      workPlanItems: clusters.reduce((n, c) => n + c.workPlan.length, 0),
    },
    projects: reportProjects,
    results: reportResults,
    interests,
    clusters,
    unclustered,
    needMatches,
    history,
    summaries,
  };
}

function historyOf(input: ReportInput, clustering: Clustering): ReportEvent[] {
  const labels = new Map(clustering.clusters.map((c) => [c.id, c.label]));
  return input.history
    .map((e, k) => ({ e, k, time: Date.parse(e.at) }))
    .sort((x, y) => x.time - y.time || x.k - y.k)
    .map(({ e }) => ({
      at: e.at,
      by: e.by,
      action: e.action,
      cluster: e.cluster && labels.has(e.cluster) ? { id: e.cluster, label: labels.get(e.cluster)! } : undefined,
    }));
}

interface SummaryContext {
  acronymOf: Map<string, string>;
  resultById: Map<string, ReportInput["results"][number]>;
  interests: ReportInterest[];
  clusters: Clustering;
  matches: NeedMatch[];
}

function summaryOf(projectId: string, context: SummaryContext): ProjectSummary {
  const { acronymOf, resultById } = context;
  const owns = (resultId: string) => resultById.get(resultId)?.project === projectId;
  const interestInResults = context.interests
    .filter((i) => i.owner === projectId)
    .sort(
      (x, y) =>
        LEVEL_RANK[y.level] - LEVEL_RANK[x.level] ||
        byText(x.resultTitle, y.resultTitle) ||
        byText(x.projectAcronym, y.projectAcronym),
    )
    .map((i) => ({
      result: i.result,
      resultTitle: i.resultTitle,
      by: i.projectAcronym,
      level: i.level,
      kind: i.kind,
      note: i.note,
    }));
  const clusters = context.clusters.clusters
    .filter((c) => c.results.some(owns))
    .map((c) => ({
      id: c.id,
      label: c.label,
      status: c.status,
      via: c.results.filter(owns).map((id) => resultById.get(id)!.title),
      with: [
        ...new Set(c.results.filter((id) => !owns(id)).map((id) => acronymOf.get(resultById.get(id)!.project)!)),
      ].sort(byText),
    }));
  const alreadyInterested = new Set(context.interests.map((i) => `${i.project}\u0000${i.result}`));
  const needsItCouldServe = context.matches
    .filter((m) => owns(m.offerer))
    .map((m) => ({ match: m, needer: resultById.get(m.needer)! }))
    .filter(({ match, needer }) => !alreadyInterested.has(`${needer.project}\u0000${match.offerer}`))
    .sort((x, y) => y.match.score - x.match.score || byText(x.needer.title, y.needer.title))
    .map(({ match, needer }) => ({
      result: match.offerer,
      resultTitle: resultById.get(match.offerer)!.title,
      forProject: acronymOf.get(needer.project)!,
      forResult: needer.id,
      forResultTitle: needer.title,
      need: needer.needs ?? "",
      because: match.because,
    }));
  return { project: projectId, acronym: acronymOf.get(projectId)!, interestInResults, clusters, needsItCouldServe };
}
