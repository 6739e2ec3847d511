import type { ResolutionTrial } from "./communities.ts";
import type { Edge } from "./graph.ts";
import type { SparseVector } from "./sparse.ts";
import { unitVector } from "./sparse.ts";

/**
 * Evidence accumulation (round 5, off by default): several representations of the same workshop each give Louvain
 * partitions over a range of resolutions; the share of the chosen partitions that put two results together
 * (co-association) becomes a graph of its own, clustered like the text graph. Pairs that every view agrees on hold;
 * pairs that depend on one wording or one resolution fade.
 */
export interface EnsembleOptions {
  /** Representations voting besides the default one (0 = off). */
  views: EnsembleView[];
  /** Partitions per view that vote: the best by silhouette (all resolutions when 0). */
  votersPerView: number;
  /** Least share of votes for a pair to be linked in the co-association graph. */
  minVote: number;
}

export type EnsembleView = "raw" | "phrases" | "chars" | "lsa16" | "lsa32" | "lsa64" | "k5" | "k15";

export const DEFAULT_ENSEMBLE_OPTIONS: EnsembleOptions = { views: [], votersPerView: 3, minVote: 0.2 };

/** Workshops above this size skip the ensemble (its co-association is quadratic). */
export const ENSEMBLE_LIMIT = 1000;

/** The voters of one view: its partitions with the best silhouettes. */
export function votersOf(trials: readonly ResolutionTrial[], count: number): Int32Array[] {
  const sorted = [...trials].sort((x, y) => y.silhouette - x.silhouette || x.resolution - y.resolution);
  return (count > 0 ? sorted.slice(0, count) : sorted).map((t) => t.labels);
}

/** Co-association: for every pair put together by at least `minVote` of the partitions, that share as weight. */
export function coAssociationEdges(n: number, partitions: readonly Int32Array[], minVote: number): Edge[] {
  const counts = new Map<number, number>();
  for (const labels of partitions) {
    const groups = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const members = groups.get(labels[i]!) ?? [];
      members.push(i);
      groups.set(labels[i]!, members);
    }
    for (const members of groups.values())
      for (let x = 0; x < members.length; x++)
        for (let y = x + 1; y < members.length; y++) {
          const key = members[x]! * n + members[y]!;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
  }
  const edges: Edge[] = [];
  for (const [key, count] of counts) {
    const weight = count / partitions.length;
    if (weight >= minVote) edges.push({ a: Math.floor(key / n), b: key % n, weight });
  }
  return edges.sort((x, y) => x.a - y.a || x.b - y.b);
}

/** Character 4-grams of each word (padded), TF-IDF with sublinear TF: a view that sees word parts and variants. */
export function characterVectors(texts: readonly string[]): SparseVector[] {
  const bags = texts.map((text) => {
    const bag = new Map<string, number>();
    for (const word of text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) {
      const padded = ` ${word} `;
      for (let k = 0; k + 4 <= padded.length; k++) {
        const gram = padded.slice(k, k + 4);
        bag.set(gram, (bag.get(gram) ?? 0) + 1);
      }
    }
    return bag;
  });
  const df = new Map<string, number>();
  for (const bag of bags) for (const gram of bag.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const ids = new Map([...df.keys()].sort().map((g, i) => [g, i]));
  const n = bags.length;
  return bags.map((bag) => {
    const entries = new Map<number, number>();
    for (const [gram, count] of bag) {
      const d = df.get(gram)!;
      if (d < 2) continue;
      entries.set(ids.get(gram)!, (1 + Math.log(count)) * (Math.log((1 + n) / (1 + d)) + 1));
    }
    return unitVector(entries);
  });
}
