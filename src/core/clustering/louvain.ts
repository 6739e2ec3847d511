import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import type { Edge } from "./graph.ts";
import { seededRandom } from "./rng.ts";

// The package is CommonJS typed with `export default`: under Node's ESM interop the default import is the function.
const louvain = louvainModule as unknown as typeof louvainModule.default;

export function buildGraph(n: number, edges: readonly Edge[]): UndirectedGraph {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (const { a, b, weight } of edges) graph.addEdge(String(a), String(b), { weight });
  return graph;
}

/** Louvain communities as labels 0, 1, … numbered by first member, so they do not depend on the library's ids. */
export function louvainLabels(graph: UndirectedGraph, n: number, resolution: number, seed: number): Int32Array {
  const mapping = louvain(graph, { resolution, rng: seededRandom(seed), getEdgeWeight: "weight" });
  const labels = new Int32Array(n);
  const renumber = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const community = mapping[String(i)]!;
    if (!renumber.has(community)) renumber.set(community, renumber.size);
    labels[i] = renumber.get(community)!;
  }
  return labels;
}

/** Clusters with at least two members. */
export function countClusters(labels: ArrayLike<number>): number {
  const sizes = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) sizes.set(labels[i]!, (sizes.get(labels[i]!) ?? 0) + 1);
  return [...sizes.values()].filter((s) => s >= 2).length;
}
