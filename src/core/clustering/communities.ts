import type { Edge } from "./graph.ts";
import type { Granularity } from "./interchange.ts";
import { buildGraph, countClusters, louvainLabels } from "./louvain.ts";
import { meanSilhouette, type SimilarityModel } from "./similarity.ts";

export interface CommunityOptions {
  /** Louvain resolutions tried; higher gives more, smaller clusters. */
  resolutions: number[];
  /** Louvain runs per resolution (different seeds); the best by silhouette is kept. */
  runs: number;
  seed: number;
  granularity: Granularity;
  /** For coarse/fine: how far below the best silhouette (relative) a partition may be and still be chosen. */
  tolerance: number;
}

export const DEFAULT_COMMUNITY_OPTIONS: CommunityOptions = {
  resolutions: [0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16],
  runs: 2,
  seed: 1,
  granularity: "normal",
  tolerance: 0.1,
};

/** Workshops larger than this get the coarser resolution grid and a single Louvain run per resolution. */
const LARGE = 1000;

export interface ResolutionTrial {
  resolution: number;
  clusters: number;
  silhouette: number;
  labels: Int32Array;
}

export interface CommunityChoice {
  chosen: ResolutionTrial;
  trials: ResolutionTrial[];
}

/**
 * Runs Louvain over a range of resolutions and picks the partition with the best mean silhouette on the
 * combined similarity, so the number of clusters follows the data instead of a fixed resolution.
 * Louvain's resolution limit grows with the graph (about √n), so the grid of resolutions is scaled by √(n / 300).
 */
export function detectCommunities(
  n: number,
  edges: readonly Edge[],
  model: SimilarityModel,
  options: CommunityOptions,
): CommunityChoice {
  const graph = buildGraph(n, edges);
  const scale = Math.max(1, Math.sqrt(n / 300));
  // On large workshops every Louvain run and silhouette costs a pass over thousands of results: a coarser grid
  // (every other resolution) keeps the choice while halving the time.
  const grid = n > LARGE ? options.resolutions.filter((_, r) => r % 2 === 1) : options.resolutions;
  const sample = n > SILHOUETTE_SAMPLE ? evenSample(n, SILHOUETTE_SAMPLE) : undefined;
  const trials = grid.map((resolution, r) => bestRun({ graph, n, model, options, sample }, resolution * scale, r));
  return { chosen: choose(trials, options), trials };
}

interface RunContext {
  graph: ReturnType<typeof buildGraph>;
  n: number;
  model: SimilarityModel;
  options: CommunityOptions;
  sample: number[] | undefined;
}

/** Results whose silhouettes judge a partition on large workshops (every result below this size). */
const SILHOUETTE_SAMPLE = 1000;

// Every (n / size)-th result: deterministic, spread over the whole (id-sorted) workshop.
function evenSample(n: number, size: number): number[] {
  return Array.from({ length: size }, (_, k) => Math.floor((k * n) / size));
}

function bestRun(context: RunContext, resolution: number, r: number): ResolutionTrial {
  const { graph, n, model, options, sample } = context;
  let best: ResolutionTrial | undefined;
  // Extra runs only pay off on small graphs, where Louvain's random order matters most.
  const runs = n > LARGE ? 1 : options.runs;
  for (let run = 0; run < runs; run++) {
    const labels = louvainLabels(graph, n, resolution, options.seed * 7919 + r * 101 + run);
    const trial = {
      resolution,
      labels,
      clusters: countClusters(labels),
      silhouette: meanSilhouette(labels, model, sample),
    };
    if (!best || trial.silhouette > best.silhouette) best = trial;
  }
  return best!;
}

function choose(trials: ResolutionTrial[], options: CommunityOptions): ResolutionTrial {
  const best = trials.reduce((x, y) => (y.silhouette > x.silhouette ? y : x));
  if (options.granularity === "normal") return best;
  const floor = best.silhouette - Math.abs(best.silhouette) * options.tolerance;
  const good = trials
    .filter((t) => t.silhouette >= floor)
    .sort((x, y) => x.clusters - y.clusters || x.resolution - y.resolution);
  return options.granularity === "coarse" ? good[0]! : good[good.length - 1]!;
}
