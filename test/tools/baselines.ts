/**
 * Two simple reference methods the engine must beat, written independently of the engine (own tokeniser, own
 * TF-IDF) so that a shared flaw cannot flatter both:
 * - TF-IDF + average-linkage agglomerative clustering told the true number of groups;
 * - TF-IDF k-nearest-neighbour graph + Louvain, the resolution chosen by mean silhouette (no k given).
 */
import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import { seededRandom } from "../../src/core/clustering/rng.ts";

const louvain = louvainModule as unknown as typeof louvainModule.default;

export interface Doc {
  id: string;
  text: string;
}

const STOP = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but
  by can could did do does doing down during each few for from further had has have having he her here hers herself
  him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only
  or other our ours ourselves out over own same she should so some such than that the their theirs them themselves
  then there these they this those through to too under until up very was we were what when where which while who
  whom why will with you your yours yourself yourselves also may can use used using based new project`.split(/\s+/),
);

export function tokens(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w));
}

/** Unit-length TF-IDF rows (sublinear TF, smooth IDF) as dense arrays; small sets only. */
export function tfidfMatrix(docs: readonly Doc[]): Float64Array[] {
  const bags = docs.map((d) => {
    const bag = new Map<string, number>();
    for (const t of tokens(d.text)) bag.set(t, (bag.get(t) ?? 0) + 1);
    return bag;
  });
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = [...df.keys()].sort();
  const index = new Map(vocab.map((t, i) => [t, i]));
  const n = docs.length;
  return bags.map((bag) => {
    const row = new Float64Array(vocab.length);
    for (const [t, c] of bag) row[index.get(t)!] = (1 + Math.log(c)) * (Math.log((1 + n) / (1 + df.get(t)!)) + 1);
    const norm = Math.hypot(...row);
    if (norm > 0) for (let i = 0; i < row.length; i++) row[i]! /= norm;
    return row;
  });
}

export function cosineMatrix(rows: readonly Float64Array[]): Float64Array[] {
  return rows.map((a) =>
    Float64Array.from(rows, (b) => {
      let s = 0;
      for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
      return s;
    }),
  );
}

/** Average-linkage agglomerative clustering stopped at k clusters. */
export function averageLinkage(similarity: readonly Float64Array[], k: number): number[] {
  const n = similarity.length;
  let clusters = Array.from({ length: n }, (_, i) => [i]);
  const linkage = (x: number[], y: number[]) => {
    let s = 0;
    for (const i of x) for (const j of y) s += similarity[i]![j]!;
    return s / (x.length * y.length);
  };
  while (clusters.length > k) {
    let best = { a: 0, b: 1, s: Number.NEGATIVE_INFINITY };
    for (let a = 0; a < clusters.length; a++)
      for (let b = a + 1; b < clusters.length; b++) {
        const s = linkage(clusters[a]!, clusters[b]!);
        if (s > best.s) best = { a, b, s };
      }
    clusters = clusters
      .filter((_, i) => i !== best.a && i !== best.b)
      .concat([[...clusters[best.a]!, ...clusters[best.b]!]]);
  }
  const labels = new Array<number>(n).fill(0);
  clusters.forEach((members, c) => {
    for (const i of members) labels[i] = c;
  });
  return labels;
}

export function meanSilhouette(similarity: readonly Float64Array[], labels: readonly number[]): number {
  const n = labels.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const sums = new Map<number, { s: number; c: number }>();
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const e = sums.get(labels[j]!) ?? { s: 0, c: 0 };
      e.s += 1 - similarity[i]![j]!;
      e.c++;
      sums.set(labels[j]!, e);
    }
    const own = sums.get(labels[i]!);
    if (!own) continue; // singleton: silhouette 0
    const a = own.s / own.c;
    let b = Number.POSITIVE_INFINITY;
    for (const [label, e] of sums) if (label !== labels[i]) b = Math.min(b, e.s / e.c);
    if (!Number.isFinite(b)) continue;
    total += (b - a) / Math.max(a, b, 1e-12);
  }
  return total / n;
}

/** kNN graph (cosine, k neighbours) + Louvain over a resolution grid, the partition with the best silhouette. */
export function knnLouvain(similarity: readonly Float64Array[], k = 10, seed = 1): number[] {
  const n = similarity.length;
  const graph = new UndirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (let i = 0; i < n; i++) {
    const order = [...similarity[i]!.keys()]
      .filter((j) => j !== i)
      .sort((x, y) => similarity[i]![y]! - similarity[i]![x]!);
    for (const j of order.slice(0, k)) {
      const w = Math.max(similarity[i]![j]!, 0);
      if (w <= 0) continue;
      if (!graph.hasEdge(String(i), String(j))) graph.addEdge(String(i), String(j), { weight: w });
    }
  }
  let best: { labels: number[]; score: number } | undefined;
  for (const resolution of [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6]) {
    const mapping = louvain(graph, { resolution, rng: seededRandom(seed), getEdgeWeight: "weight" });
    const labels = Array.from({ length: n }, (_, i) => mapping[String(i)]!);
    const score = meanSilhouette(similarity, labels);
    if (!best || score > best.score) best = { labels, score };
  }
  return best!.labels;
}
