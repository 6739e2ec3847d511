import type { Edge } from "./graph.ts";
import { buildGraph, louvainLabels } from "./louvain.ts";
import { clusterSums, meanSimilarity, nearbyLabels, type SimilarityModel, silhouetteOf } from "./similarity.ts";

export interface ConstraintOptions {
  /** Most results a cluster may hold. */
  maxSize: number;
  /** Least mean similarity (combined, 0–1) a result needs to its cluster to stay in it. */
  minAttachment: number;
  /**
   * Least attachment relative to the cluster's typical member (median attachment of the others): a result tied to its
   * cluster much more loosely than the rest is an outlier that Louvain had to put somewhere (0 = off).
   */
  relativeAttachment: number;
  seed: number;
}

export interface Placement {
  /** Cluster label of each result, -1 when unclustered. */
  labels: Int32Array;
  /** For unclustered results: the nearest cluster label, or -1 when nothing links it anywhere. */
  nearest: Int32Array;
}

/**
 * Turns a raw partition into suggestions facilitators can use: clusters no larger than `maxSize`, spanning at
 * least two projects, without weakly attached members; leftovers go to their nearest cluster when they fit there.
 */
export function applyConstraints(
  partition: Int32Array,
  edges: readonly Edge[],
  model: SimilarityModel,
  projectOf: readonly string[],
  options: ConstraintOptions,
): Placement {
  let labels = splitOversized(partition, edges, options);
  labels = dropWeakMembers(labels, model, options);
  labels = dropSingleProjectClusters(labels, projectOf);
  labels = reassignLeftovers(labels, model, options);
  labels = dropSingleProjectClusters(dropSingletons(labels), projectOf);
  return { labels, nearest: nearestClusters(labels, model) };
}

export function groupsOf(labels: ArrayLike<number>): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label < 0) continue;
    const members = groups.get(label) ?? [];
    members.push(i);
    groups.set(label, members);
  }
  return groups;
}

function dropSingletons(partition: Int32Array): Int32Array {
  const labels = partition.slice();
  for (const members of groupsOf(labels).values()) if (members.length < 2) labels[members[0]!] = -1;
  return labels;
}

/** Splits every cluster larger than `maxSize`; singletons become unclustered (-1). */
export function splitOversized(
  raw: Int32Array,
  edges: readonly Edge[],
  options: Pick<ConstraintOptions, "maxSize" | "seed">,
): Int32Array {
  const partition = dropSingletons(raw);
  const labels = new Int32Array(partition.length).fill(-1);
  const inner = innerEdges(partition, edges);
  let next = 0;
  for (const [label, members] of groupsOf(partition)) {
    for (const part of splitGroup(members, inner.get(label) ?? [], options)) {
      for (const i of part) labels[i] = next;
      next++;
    }
  }
  return labels;
}

// The edges inside each cluster, gathered in one pass (filtering all edges once per cluster was quadratic).
function innerEdges(partition: Int32Array, edges: readonly Edge[]): Map<number, Edge[]> {
  const inner = new Map<number, Edge[]>();
  for (const edge of edges) {
    const label = partition[edge.a]!;
    if (label < 0 || partition[edge.b] !== label) continue;
    const list = inner.get(label);
    if (list) list.push(edge);
    else inner.set(label, [edge]);
  }
  return inner;
}

/**
 * Re-runs Louvain inside a too-large cluster, from resolution 1 (modularity of the cluster itself) upwards in
 * small steps, and stops at the first real split so the parts stay as large as allowed.
 */
function splitGroup(
  members: number[],
  edges: readonly Edge[],
  options: Pick<ConstraintOptions, "maxSize" | "seed">,
): number[][] {
  if (members.length <= options.maxSize) return [members];
  const local = new Map(members.map((m, k) => [m, k]));
  const inner = edges
    .filter((e) => local.has(e.a) && local.has(e.b))
    .map((e) => ({ a: local.get(e.a)!, b: local.get(e.b)!, weight: e.weight }));
  const graph = buildGraph(members.length, inner);
  for (let step = 0; step < 16; step++) {
    const parts = [...groupsOf(louvainLabels(graph, members.length, 1.25 ** step, options.seed + step)).values()];
    if (parts.filter((p) => p.length > 1).length > 1) {
      return parts.flatMap((part) =>
        splitGroup(
          part.map((k) => members[k]!),
          edges,
          options,
        ),
      );
    }
  }
  return [strongestCore(members, inner, options.maxSize)];
}

// Last resort when Louvain will not split: keep the members most strongly tied to the rest.
function strongestCore(members: number[], inner: Edge[], size: number): number[] {
  const strength = new Float64Array(members.length);
  for (const { a, b, weight } of inner) {
    strength[a]! += weight;
    strength[b]! += weight;
  }
  return members
    .map((m, k) => ({ m, s: strength[k]! }))
    .sort((x, y) => y.s - x.s || x.m - y.m)
    .slice(0, size)
    .map(({ m }) => m);
}

function dropWeakMembers(
  partition: Int32Array,
  model: SimilarityModel,
  options: Pick<ConstraintOptions, "minAttachment" | "relativeAttachment">,
): Int32Array {
  const labels = partition.slice();
  const sums = clusterSums(partition, model);
  const attachment = new Float64Array(partition.length);
  for (let i = 0; i < labels.length; i++)
    if (partition[i]! >= 0) attachment[i] = meanSimilarity(i, partition[i]!, partition, sums, model);
  const typical = typicalAttachment(partition, attachment);
  for (let i = 0; i < labels.length; i++) {
    const label = partition[i]!;
    if (label < 0) continue;
    const weak =
      attachment[i]! < options.minAttachment || attachment[i]! < options.relativeAttachment * (typical.get(label) ?? 0);
    if (weak || silhouetteOf(i, partition, sums, model) < 0) labels[i] = -1;
  }
  return dropSingletons(labels);
}

/** Per cluster, the median attachment of its members: what "belonging" looks like in that cluster. */
function typicalAttachment(labels: Int32Array, attachment: Float64Array): Map<number, number> {
  const typical = new Map<number, number>();
  for (const [label, members] of groupsOf(labels)) {
    const sorted = members.map((i) => attachment[i]!).sort((a, b) => a - b);
    typical.set(label, sorted[Math.floor(sorted.length / 2)]!);
  }
  return typical;
}

function dropSingleProjectClusters(partition: Int32Array, projectOf: readonly string[]): Int32Array {
  const labels = partition.slice();
  for (const members of groupsOf(labels).values()) {
    if (new Set(members.map((i) => projectOf[i])).size < 2) for (const i of members) labels[i] = -1;
  }
  return labels;
}

/** Puts each unclustered result into its closest cluster when it is attached well enough and there is room. */
function reassignLeftovers(partition: Int32Array, model: SimilarityModel, options: ConstraintOptions): Int32Array {
  const labels = partition.slice();
  const sums = clusterSums(partition, model);
  const sizes = new Map(sums.sizes);
  const attachment = new Float64Array(partition.length);
  for (let i = 0; i < labels.length; i++)
    if (partition[i]! >= 0) attachment[i] = meanSimilarity(i, partition[i]!, partition, sums, model);
  const typical = typicalAttachment(partition, attachment);
  for (let i = 0; i < labels.length; i++) {
    if (partition[i]! >= 0) continue;
    const best = closest(i, partition, sums, model, nearbyLabels(i, partition, model));
    if (!best || best.similarity < options.minAttachment || sizes.get(best.label)! >= options.maxSize) continue;
    if (best.similarity < options.relativeAttachment * (typical.get(best.label) ?? 0)) continue;
    labels[i] = best.label;
    sizes.set(best.label, sizes.get(best.label)! + 1);
  }
  return labels;
}

function closest(
  i: number,
  labels: Int32Array,
  sums: ReturnType<typeof clusterSums>,
  model: SimilarityModel,
  candidates: Iterable<number>,
): { label: number; similarity: number } | undefined {
  let best: { label: number; similarity: number } | undefined;
  for (const label of candidates) {
    const similarity = meanSimilarity(i, label, labels, sums, model);
    if (similarity > 0 && (!best || similarity > best.similarity)) best = { label, similarity };
  }
  return best;
}

function nearestClusters(labels: Int32Array, model: SimilarityModel): Int32Array {
  const nearest = new Int32Array(labels.length).fill(-1);
  const sums = clusterSums(labels, model);
  const all = [...sums.sizes.keys()].sort((a, b) => a - b);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! >= 0) continue;
    // Linked clusters are almost always the nearest; scanning all of them is the rare fallback.
    const found =
      closest(i, labels, sums, model, nearbyLabels(i, labels, model)) ?? closest(i, labels, sums, model, all);
    nearest[i] = found?.label ?? -1;
  }
  return nearest;
}
