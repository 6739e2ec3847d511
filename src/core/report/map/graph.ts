import type { InterestLevel } from "../../clustering/index.ts";
import type { Report } from "../model.ts";

export interface MapNode {
  id: string;
  kind: "project" | "result";
  label: string;
  /** Index into the report's clusters (the first cluster a result joined); -1 for none and for projects. */
  cluster: number;
  radius: number;
}

export interface MapEdge {
  source: string;
  target: string;
  kind: "owns" | "interest" | "need";
  weight: number;
  level?: InterestLevel;
}

export interface MapGraph {
  nodes: MapNode[];
  edges: MapEdge[];
  clusters: { id: string; label: string }[];
}

export const PROJECT_RADIUS = 8;
export const RESULT_RADIUS = 6.5;
const LEVEL_WEIGHT: Record<InterestLevel, number> = { low: 0.5, medium: 1, high: 1.5 };

export const projectNode = (id: string) => `p:${id}`;
export const resultNode = (id: string) => `r:${id}`;

/** Projects and results as nodes; ownership, interests and need ↔ offer matches as edges. */
export function mapGraph(report: Report): MapGraph {
  const clusterIndex = new Map(report.clusters.map((c, k) => [c.id, k]));
  const nodes: MapNode[] = [
    ...report.projects.map((p) => ({
      id: projectNode(p.id),
      kind: "project" as const,
      label: p.acronym,
      cluster: -1,
      radius: PROJECT_RADIUS,
    })),
    ...report.results.map((r) => ({
      id: resultNode(r.id),
      kind: "result" as const,
      label: r.title,
      cluster: r.clusters.length > 0 ? clusterIndex.get(r.clusters[0]!)! : -1,
      radius: RESULT_RADIUS,
    })),
  ];
  const edges: MapEdge[] = [
    ...report.results.map((r) => ({
      source: projectNode(r.project),
      target: resultNode(r.id),
      kind: "owns" as const,
      weight: 1,
    })),
    ...report.interests.map((i) => ({
      source: projectNode(i.project),
      target: resultNode(i.result),
      kind: "interest" as const,
      weight: LEVEL_WEIGHT[i.level],
      level: i.level,
    })),
    ...report.needMatches.map((m) => ({
      source: resultNode(m.offerer),
      target: resultNode(m.needer),
      kind: "need" as const,
      weight: m.score,
    })),
  ];
  return { nodes, edges, clusters: report.clusters.map((c) => ({ id: c.id, label: c.label })) };
}
