import { adjacency, type Link } from "./graph.ts";
import { addInto, dot, dotWithSum, type SparseVector } from "./sparse.ts";

/**
 * The combined similarity of any two results: text cosine (exact, from the TF-IDF vectors, so clusters are
 * judged on all their pairs, not only on the top-k links) plus the sparse interest and complementarity parts.
 */
export interface SimilarityModel {
  vectors: readonly SparseVector[];
  /** Share of the text signal in the combined weight (0–1). */
  textShare: number;
  /** Interest + complementarity part of each link, already weighted. */
  extra: { index: number; weight: number }[][];
  /** All links, for finding which clusters a result is close to. */
  links: { index: number; weight: number }[][];
  /**
   * Project of each result (an index) and the results of each project. When set, a result's similarity to a cluster
   * is measured against the cluster's results from *other* projects only: a cluster pools results across projects,
   * so a project's own results (which describe themselves alike) must not make a result look attached.
   */
  projects?: { of: Int32Array; members: number[][] };
}

export function similarityModel(
  vectors: readonly SparseVector[],
  links: readonly Link[],
  textShare: number,
  extraOf: (l: Link) => number,
  projectOf?: readonly string[],
): SimilarityModel {
  const n = vectors.length;
  const extraEdges = links.map((l) => ({ a: l.a, b: l.b, weight: extraOf(l) })).filter((e) => e.weight > 0);
  const model: SimilarityModel = { vectors, textShare, extra: adjacency(n, extraEdges), links: adjacency(n, links) };
  if (projectOf) model.projects = projectIndex(projectOf);
  return model;
}

function projectIndex(projectOf: readonly string[]): { of: Int32Array; members: number[][] } {
  const ids = new Map<string, number>();
  const of = new Int32Array(projectOf.length);
  const members: number[][] = [];
  projectOf.forEach((project, i) => {
    let id = ids.get(project);
    if (id === undefined) {
      id = members.length;
      ids.set(project, id);
      members.push([]);
    }
    of[i] = id;
    members[id]!.push(i);
  });
  return { of, members };
}

/** Per cluster label: the sum of its members' vectors and its size. */
export interface ClusterSums {
  sums: Map<number, Map<number, number>>;
  sizes: Map<number, number>;
}

export function clusterSums(labels: ArrayLike<number>, model: SimilarityModel): ClusterSums {
  const sums = new Map<number, Map<number, number>>();
  const sizes = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label < 0) continue;
    let sum = sums.get(label);
    if (!sum) {
      sum = new Map();
      sums.set(label, sum);
    }
    addInto(sum, model.vectors[i]!);
    sizes.set(label, (sizes.get(label) ?? 0) + 1);
  }
  return { sums, sizes };
}

/** Mean combined similarity of result i to the members of cluster `label` (excluding i itself). */
export function meanSimilarity(
  i: number,
  label: number,
  labels: ArrayLike<number>,
  sums: ClusterSums,
  model: SimilarityModel,
): number {
  const own = labels[i] === label;
  let count = (sums.sizes.get(label) ?? 0) - (own ? 1 : 0);
  const vector = model.vectors[i]!;
  const selfDot = own && vector.ids.length > 0 ? 1 : 0;
  let text = dotWithSum(vector, sums.sums.get(label) ?? EMPTY_SUM) - selfDot;
  const projects = model.projects;
  if (projects) {
    const project = projects.of[i]!;
    for (const j of projects.members[project]!) {
      if (j === i || labels[j] !== label) continue;
      count--;
      text -= dot(vector, model.vectors[j]!);
    }
  }
  if (count <= 0) return 0;
  let total = model.textShare * text;
  for (const { index, weight } of model.extra[i]!) {
    if (labels[index] !== label) continue;
    if (projects && projects.of[index] === projects.of[i]) continue;
    total += weight;
  }
  return total / count;
}

const EMPTY_SUM = new Map<number, number>();

/** Clusters a result has a link into, other than its own. */
export function nearbyLabels(i: number, labels: ArrayLike<number>, model: SimilarityModel): number[] {
  const found = new Set<number>();
  for (const { index } of model.links[i]!) {
    const label = labels[index]!;
    if (label >= 0 && label !== labels[i]) found.add(label);
  }
  return [...found].sort((a, b) => a - b);
}

/** Silhouette of one result, with distance = 1 − combined similarity; 0 for singletons, as usual. */
export function silhouetteOf(i: number, labels: ArrayLike<number>, sums: ClusterSums, model: SimilarityModel): number {
  const label = labels[i]!;
  if (label < 0 || (sums.sizes.get(label) ?? 0) < 2 || !hasOtherProject(i, label, labels, sums, model)) return 0;
  const within = 1 - meanSimilarity(i, label, labels, sums, model);
  let between = 1;
  for (const other of otherClusters(i, labels, sums, model)) {
    between = Math.min(between, 1 - meanSimilarity(i, other, labels, sums, model));
  }
  const scale = Math.max(within, between);
  return scale > 0 ? (between - within) / scale : 0;
}

// Without project information every other member counts; with it, only members from other projects.
function hasOtherProject(
  i: number,
  label: number,
  labels: ArrayLike<number>,
  sums: ClusterSums,
  model: SimilarityModel,
): boolean {
  const projects = model.projects;
  if (!projects) return true;
  let inCluster = 0;
  for (const j of projects.members[projects.of[i]!]!) if (labels[j] === label) inCluster++;
  return inCluster < (sums.sizes.get(label) ?? 0);
}

const FEW_CLUSTERS = 64;

// The nearest other cluster is almost always one the result links into. When all its links stay inside its own
// cluster (typical of coarse partitions, which have few clusters), every cluster is checked instead: otherwise
// coarse partitions would look falsely well separated.
function otherClusters(i: number, labels: ArrayLike<number>, sums: ClusterSums, model: SimilarityModel): number[] {
  const nearby = nearbyLabels(i, labels, model);
  if (nearby.length > 0 || sums.sizes.size > FEW_CLUSTERS) return nearby;
  return [...sums.sizes.keys()].filter((label) => label !== labels[i]);
}

/**
 * Mean silhouette over all results, or over `sample` (indices) when given: on large workshops a fixed sample of a
 * thousand results estimates the mean closely at a fraction of the cost.
 */
export function meanSilhouette(labels: ArrayLike<number>, model: SimilarityModel, sample?: readonly number[]): number {
  const sums = clusterSums(labels, model);
  let total = 0;
  if (sample) {
    for (const i of sample) total += silhouetteOf(i, labels, sums, model);
    return sample.length ? total / sample.length : 0;
  }
  for (let i = 0; i < labels.length; i++) total += silhouetteOf(i, labels, sums, model);
  return labels.length ? total / labels.length : 0;
}
