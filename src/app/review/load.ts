// The review as the screens show it, read from the store: the workshop's clusters, the run they came from, and the
// submitted results left unclustered with the engine's reason.
import type { Analysis } from "../../core/clustering/interchange.ts";
import type { Workshop } from "../../core/model/domain.ts";
import type { ReviewCluster, ReviewEdit, ReviewResult, ReviewView, SharedTerm } from "../../core/review/model.ts";
import type { StoredRun } from "../../store/repositories/reviews.ts";
import type { AppDependencies } from "../context.ts";
import { Refusal } from "../refusal.ts";

export interface RunDetails {
  analysis: Analysis;
  granularity: string;
  /** Ids of the results the run analysed (submitted ones). */
  resultIds: string[];
  leftOut: { acronym: string; title: string; owners: string[] }[];
}

export function runDetails(run: StoredRun): RunDetails {
  const input = run.input as { results?: { id: string }[] };
  const options = run.options as { granularity?: string };
  return {
    analysis: run.result as Analysis,
    granularity: options.granularity ?? "normal",
    resultIds: (input.results ?? []).map((result) => result.id),
    leftOut: (run.leftOut as RunDetails["leftOut"]) ?? [],
  };
}

/** The current review, or a refusal saying how to start one. */
export async function loadReview(deps: AppDependencies, workshop: Workshop): Promise<ReviewView> {
  const { repos } = deps;
  const review = await repos.reviews.review(workshop.id);
  if (!review)
    throw new Refusal("not_found", "There is no analysis to review yet. A facilitator runs `/cluster analyze`.");
  const [run, stored, projects, results] = await Promise.all([
    repos.reviews.findRun(review.runId),
    repos.reviews.clusters(workshop.id),
    repos.projects.list(workshop.id),
    repos.results.listForWorkshop(workshop.id),
  ]);
  if (!run) throw new Refusal("not_found", "The analysis behind this review is gone. Run `/cluster analyze` again.");
  const details = runDetails(run);
  const acronyms = new Map(projects.map((project) => [project.id, project.acronym]));
  const byId = new Map<string, ReviewResult>(
    results.map((result) => [
      result.id,
      {
        resultId: result.id,
        title: result.title,
        projectId: result.projectId,
        acronym: acronyms.get(result.projectId) ?? "?",
      },
    ]),
  );
  const titleOf = (id: string) => byId.get(id)?.title ?? id;
  const people = new Map<string, string>();
  for (const personId of new Set(stored.flatMap((cluster) => cluster.responses.map((r) => r.personId)))) {
    people.set(personId, (await repos.people.find(personId))?.displayName ?? "Someone");
  }
  const clusters: ReviewCluster[] = stored.map((cluster) => ({
    id: cluster.id,
    label: cluster.label,
    explanation: cluster.explanation,
    cohesion: cluster.cohesion,
    status: cluster.status,
    sharedTerms: sharedTermsOf(cluster.evidence).map((term) => ({
      term: term.term,
      results: term.results.map(titleOf),
    })),
    members: cluster.resultIds.flatMap((id) => byId.get(id) ?? []).sort(byProjectThenTitle),
    responses: cluster.responses.map((response) => ({
      name: people.get(response.personId) ?? "Someone",
      acronym: response.projectId ? (acronyms.get(response.projectId) ?? null) : null,
      answer: response.answer === "decline" ? "decline" : "join",
    })),
  }));
  const placed = new Set(clusters.flatMap((cluster) => cluster.members.map((member) => member.resultId)));
  const engineLabels = new Map(details.analysis.clusters.map((cluster) => [cluster.id, cluster.label]));
  const engineLeft = new Map(details.analysis.unclustered.map((left) => [left.result, left]));
  const unclustered = details.resultIds
    .filter((id) => !placed.has(id) && byId.has(id))
    .map((id) => {
      const left = engineLeft.get(id);
      return {
        result: byId.get(id) as ReviewResult,
        nearest: left?.nearest ? (engineLabels.get(left.nearest) ?? null) : null,
        similarity: left?.similarity ?? null,
        reason: left
          ? (left.reason ?? "Too loosely tied to any cluster.")
          : "Taken out by a facilitator (see the history).",
      };
    })
    .sort((a, b) => byProjectThenTitle(a.result, b.result));
  return {
    workshopId: workshop.id,
    workshopName: workshop.name,
    runId: run.id,
    runNumber: run.number,
    engineVersion: run.engineVersion,
    granularity: details.granularity,
    version: review.version,
    clusters,
    unclustered,
    leftOut: details.leftOut,
  };
}

export async function reviewHistory(deps: AppDependencies, workshop: Workshop): Promise<ReviewEdit[]> {
  const edits = await deps.repos.reviews.history(workshop.id);
  const names = new Map<string, string>();
  for (const personId of new Set(edits.flatMap((edit) => (edit.personId ? [edit.personId] : [])))) {
    names.set(personId, (await deps.repos.people.find(personId))?.displayName ?? "Someone");
  }
  return edits.map((edit) => ({
    who: edit.personId ? (names.get(edit.personId) ?? "Someone") : "Clusterbot",
    at: edit.createdAt,
    summary: edit.summary,
  }));
}

function sharedTermsOf(evidence: unknown): SharedTerm[] {
  if (!evidence || typeof evidence !== "object") return [];
  const terms = (evidence as { sharedTerms?: unknown }).sharedTerms;
  if (!Array.isArray(terms)) return [];
  return terms.filter(
    (term): term is SharedTerm =>
      !!term && typeof term === "object" && typeof term.term === "string" && Array.isArray(term.results),
  );
}

function byProjectThenTitle(a: ReviewResult, b: ReviewResult): number {
  return a.acronym.localeCompare(b.acronym) || a.title.localeCompare(b.title);
}
