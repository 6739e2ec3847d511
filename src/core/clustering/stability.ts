import type { ResolutionTrial } from "./communities.ts";
import type { Edge } from "./graph.ts";
import { buildGraph, louvainLabels } from "./louvain.ts";
import { seededRandom } from "./rng.ts";
import { type SparseVector, unitVector } from "./sparse.ts";

/**
 * Resolution by stability (round 5, off by default): the workshop's terms are resampled (each term weighed by a
 * Poisson(1) count, a bootstrap of the vocabulary), the text graph is built again, and Louvain runs at every
 * resolution tried. A resolution whose partition comes back alike (ARI) from the resampled graphs describes the data,
 * not one draw of words. `mode` "stability" takes the most stable partition with at least two clusters; "product"
 * weighs the silhouette by the stability.
 */
export interface StabilityOptions {
  bootstraps: number;
  mode: "stability" | "product";
  seed: number;
}

export const DEFAULT_STABILITY: StabilityOptions = { bootstraps: 0, mode: "product", seed: 3 };

/** The vectors with every term reweighed by a Poisson(1) draw (one draw per term for the whole workshop). */
export function resampledVectors(vectors: readonly SparseVector[], seed: number): SparseVector[] {
  const random = seededRandom(seed);
  const draws = new Map<number, number>();
  const poisson = () => {
    let k = 0;
    let p = random();
    while (p > Math.exp(-1)) {
      k++;
      p *= random();
    }
    return k;
  };
  return vectors.map((v) => {
    const entries = new Map<number, number>();
    v.ids.forEach((id, k) => {
      if (!draws.has(id)) draws.set(id, poisson());
      entries.set(id, v.weights[k]! * draws.get(id)!);
    });
    return unitVector(entries);
  });
}

/** Mean ARI between each trial's partition and Louvain at its resolution on each resampled graph. */
export function stabilities(
  n: number,
  trials: readonly ResolutionTrial[],
  resampledGraphs: readonly Edge[][],
  seed: number,
): number[] {
  const graphs = resampledGraphs.map((edges) => buildGraph(n, edges));
  return trials.map((trial, r) => {
    let total = 0;
    graphs.forEach((graph, b) => {
      total += adjustedRand(trial.labels, louvainLabels(graph, n, trial.resolution, seed * 7919 + r * 101 + b));
    });
    return total / Math.max(1, graphs.length);
  });
}

export function chooseStable(
  trials: readonly ResolutionTrial[],
  stability: readonly number[],
  mode: StabilityOptions["mode"],
): ResolutionTrial {
  let best = 0;
  const score = (k: number) =>
    mode === "product"
      ? Math.max(0, trials[k]!.silhouette) * stability[k]!
      : trials[k]!.clusters >= 2
        ? stability[k]!
        : -1;
  for (let k = 1; k < trials.length; k++) if (score(k) > score(best)) best = k;
  return trials[best]!;
}

/** Adjusted Rand index of two labelings (1 = the same partition, about 0 = chance). */
export function adjustedRand(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  const pairs = (m: number) => (m * (m - 1)) / 2;
  const cells = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${x[i]},${y[i]}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(x[i]!, (rows.get(x[i]!) ?? 0) + 1);
    cols.set(y[i]!, (cols.get(y[i]!) ?? 0) + 1);
  }
  let index = 0;
  for (const c of cells.values()) index += pairs(c);
  let rowSum = 0;
  for (const c of rows.values()) rowSum += pairs(c);
  let colSum = 0;
  for (const c of cols.values()) colSum += pairs(c);
  const expected = (rowSum * colSum) / Math.max(1, pairs(n));
  const max = (rowSum + colSum) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
