import { type AnalyzeOptions, analyzeWorkshop } from "../clustering/index.ts";
import type { ClusterInput, ReportInput, ResultInput } from "./input.ts";
import { toEngineResult } from "./needs.ts";

export type UnclusteredReason = "weak" | "not-characterised" | "not-placed";

export interface Clustering {
  /** "stored": clusters given in the input (reviewed or not); "analysis": suggested by the engine just now. */
  source: "stored" | "analysis";
  clusters: ClusterInput[];
  unclustered: { result: string; nearest: string | null; reason: UnclusteredReason }[];
}

/** The input's clusters, or the engine's suggestions when the input has none yet. */
export function clusteringOf(input: ReportInput, options: AnalyzeOptions = {}): Clustering {
  if (input.clusters) return storedClustering(input, input.clusters);
  const comparable = input.results.filter(isComparable);
  const notCharacterised = input.results
    .filter((r) => !isComparable(r))
    .map((r) => ({ result: r.id, nearest: null, reason: "not-characterised" as const }));
  if (comparable.length === 0) return { source: "analysis", clusters: [], unclustered: notCharacterised };
  const compared = new Set(comparable.map((r) => r.id));
  const analysis = analyzeWorkshop(
    {
      workshop: { name: input.workshop.name },
      projects: input.projects.map((p) => ({ id: p.id, acronym: p.acronym, title: p.title, summary: p.summary })),
      results: comparable.map(toEngineResult),
      interests: input.interests.filter((i) => compared.has(i.result)),
    },
    options,
  );
  return {
    source: "analysis",
    clusters: analysis.clusters.map((c) => ({
      id: c.id,
      label: c.label,
      explanation: c.explanation,
      cohesion: c.cohesion,
      status: "suggested",
      results: c.results,
      workPlan: [],
    })),
    unclustered: [
      ...analysis.unclustered.map((u) => ({ result: u.result, nearest: u.nearest, reason: "weak" as const })),
      ...notCharacterised,
    ],
  };
}

function storedClustering(input: ReportInput, clusters: ClusterInput[]): Clustering {
  const clustered = new Set(clusters.flatMap((c) => c.results));
  const listed = new Map((input.unclustered ?? []).map((u) => [u.result, u.nearest]));
  const unclustered = input.results
    .filter((r) => !clustered.has(r.id))
    .map((r): Clustering["unclustered"][number] => {
      if (listed.has(r.id)) return { result: r.id, nearest: listed.get(r.id) ?? null, reason: "weak" };
      return { result: r.id, nearest: null, reason: isComparable(r) ? "not-placed" : "not-characterised" };
    });
  return { source: "stored", clusters, unclustered };
}

/** The engine compares results by their text: a title alone is not enough. */
function isComparable(result: ResultInput): boolean {
  return Boolean(result.description) || result.keywords.length > 0;
}
