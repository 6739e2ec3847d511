// Positions for the cluster map: ForceAtlas2 (graphology) from a fixed start, so the same report gives the same
// picture. Results of one cluster get extra, invisible springs so each cluster reads as one group.
import { UndirectedGraph } from "graphology";
import fa2Module from "graphology-layout-forceatlas2";
import type { MapGraph } from "./graph.ts";

// CommonJS typed with `export default`: under Node's ESM interop the default import is the function itself.
const forceAtlas2 = fa2Module as unknown as typeof fa2Module.default;

export interface Point {
  x: number;
  y: number;
}

const CLUSTER_SPRING = 1.5;

export function layoutMap(graph: MapGraph): Map<string, Point> {
  const g = new UndirectedGraph({ allowSelfLoops: false });
  const start = startPositions(graph);
  for (const node of graph.nodes) {
    const at = start.get(node.id)!;
    g.addNode(node.id, { x: at.x, y: at.y, size: node.radius });
  }
  const weights = new Map<string, number>();
  const spring = (a: string, b: string, weight: number) => {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    weights.set(key, (weights.get(key) ?? 0) + weight);
  };
  for (const edge of graph.edges) spring(edge.source, edge.target, edge.weight);
  for (const members of clusterMembers(graph).values())
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) spring(members[i]!, members[j]!, CLUSTER_SPRING);
  for (const [key, weight] of weights) {
    const [a, b] = key.split("\u0000") as [string, string];
    g.addEdge(a, b, { weight });
  }
  if (g.order > 1) {
    const settings = {
      ...forceAtlas2.inferSettings(g),
      barnesHutOptimize: false,
      gravity: 1,
      scalingRatio: 8,
      edgeWeightInfluence: 1,
    };
    forceAtlas2.assign(g, { iterations: 400, settings, getEdgeWeight: "weight" });
    // A last pass that treats nodes as discs, so none sits on another.
    forceAtlas2.assign(g, { iterations: 80, settings: { ...settings, adjustSizes: true }, getEdgeWeight: "weight" });
  }
  const positions = new Map<string, Point>();
  g.forEachNode((id, attributes) => positions.set(id, { x: attributes.x as number, y: attributes.y as number }));
  return positions;
}

function clusterMembers(graph: MapGraph): Map<number, string[]> {
  const members = new Map<number, string[]>();
  for (const node of graph.nodes)
    if (node.kind === "result" && node.cluster >= 0)
      members.set(node.cluster, [...(members.get(node.cluster) ?? []), node.id]);
  return members;
}

/** Clusters around a circle, each cluster's results around its centre; projects at the middle of their results. */
function startPositions(graph: MapGraph): Map<string, Point> {
  const groups = clusterMembers(graph);
  const clusterCount = Math.max(1, groups.size);
  const positions = new Map<string, Point>();
  const centre = (cluster: number): Point => {
    if (cluster < 0) return { x: 0, y: 0 };
    const angle = (2 * Math.PI * cluster) / clusterCount;
    return { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) };
  };
  let loose = 0;
  const looseCount = graph.nodes.filter((n) => n.kind === "result" && n.cluster < 0).length;
  for (const node of graph.nodes) {
    if (node.kind !== "result") continue;
    if (node.cluster < 0) {
      const angle = (2 * Math.PI * loose++) / Math.max(1, looseCount) + 0.3;
      positions.set(node.id, { x: 140 * Math.cos(angle), y: 140 * Math.sin(angle) });
      continue;
    }
    const members = groups.get(node.cluster)!;
    const k = members.indexOf(node.id);
    const angle = (2 * Math.PI * k) / members.length;
    const c = centre(node.cluster);
    positions.set(node.id, { x: c.x + 20 * Math.cos(angle), y: c.y + 20 * Math.sin(angle) });
  }
  graph.nodes.forEach((node, index) => {
    if (node.kind !== "project") return;
    const own = graph.edges
      .filter((e) => e.kind === "owns" && e.source === node.id)
      .map((e) => positions.get(e.target)!);
    const offset = { x: 5 * Math.cos(index), y: 5 * Math.sin(index) };
    if (own.length === 0) {
      positions.set(node.id, { x: 160 * Math.cos(index) + offset.x, y: 160 * Math.sin(index) + offset.y });
      return;
    }
    const x = own.reduce((sum, p) => sum + p.x, 0) / own.length;
    const y = own.reduce((sum, p) => sum + p.y, 0) / own.length;
    positions.set(node.id, { x: x + offset.x, y: y + offset.y });
  });
  return positions;
}
