// A working group's own report: one cluster of a workshop with its results, the projects that own them, the interest
// in them (and the projects interested) and its work-plan. What `/cluster report` gives in a working group's channel.
import type { ReportInput } from "./input.ts";

/** The part of `input` about cluster `clusterId`; null when the input has no such cluster. */
export function groupInput(input: ReportInput, clusterId: string): ReportInput | null {
  const cluster = input.clusters?.find((c) => c.id === clusterId);
  if (!cluster) return null;
  const resultIds = new Set(cluster.results);
  const results = input.results.filter((r) => resultIds.has(r.id));
  const interests = input.interests.filter((i) => resultIds.has(i.result));
  const projectIds = new Set([...results.map((r) => r.project), ...interests.map((i) => i.project)]);
  return {
    ...input,
    projects: input.projects.filter((p) => projectIds.has(p.id)),
    results,
    interests,
    clusters: [cluster],
    unclustered: [],
    history: input.history.filter((e) => e.cluster === clusterId),
  };
}

export const groupReportTitle = (label: string, workshopName: string) =>
  `Working group report: ${label} (${workshopName})`;
