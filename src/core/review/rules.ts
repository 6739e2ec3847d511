// The design rule of the method (DESIGN.md): clusters bring projects together. Checked on approval; each warning
// names the cluster that breaks it.
import { clusterProjects, type ReviewCluster } from "./model.ts";

export function designRuleWarnings(clusters: readonly Pick<ReviewCluster, "label" | "members">[]): string[] {
  const warnings: string[] = [];
  for (const cluster of clusters) {
    const projects = clusterProjects(cluster);
    if (cluster.members.length === 0) warnings.push(`“${cluster.label}” has no results.`);
    else if (projects.length < 2)
      warnings.push(`“${cluster.label}” has results of ${projects[0]} only: a cluster spans at least two projects.`);
  }
  if (clusters.length >= 2) {
    const sets = clusters.map((cluster) => new Set(clusterProjects(cluster)));
    const everywhere = [...(sets[0] ?? [])].filter((acronym) => sets.every((set) => set.has(acronym)));
    for (const acronym of everywhere)
      warnings.push(`${acronym} is in every cluster (${clusters.map((c) => `“${c.label}”`).join(", ")}).`);
  }
  return warnings;
}
