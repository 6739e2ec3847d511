// The words of one project's summary ("something back for every partner"), shared by the report's section and the
// direct message each project's members get, so both say the same thing.
import type { ProjectSummary } from "./model.ts";
import { clusterTitle, list } from "./words.ts";

export interface SummaryLines {
  interest: string[];
  clusters: string[];
  needs: string[];
}

export const summaryHeadings = {
  interest: "Interest in its results",
  clusters: "Clusters",
  needs: "Unmet needs of others it could serve",
} as const;

export function summaryLines(s: ProjectSummary): SummaryLines {
  return {
    interest:
      s.interestInResults.length === 0
        ? ["No other project expressed interest in its results yet."]
        : s.interestInResults.map(
            (i) =>
              `${i.by} is interested in “${i.resultTitle}” (${[i.level, i.kind].filter(Boolean).join(", ")})` +
              (i.note ? `: ${i.note}` : ""),
          ),
    clusters:
      s.clusters.length === 0
        ? ["Its results joined no cluster."]
        : s.clusters.map(
            (c) =>
              `${clusterTitle(c)} through ${list(c.via.map((t) => `“${t}”`))}` +
              (c.with.length > 0 ? `, with ${list(c.with)}` : ""),
          ),
    needs:
      s.needsItCouldServe.length === 0
        ? ["No unmet need of another project matched its results."]
        : s.needsItCouldServe.map(
            (n) => `“${n.resultTitle}” could serve ${n.forProject}'s “${n.forResultTitle}”, which needs: ${n.need}`,
          ),
  };
}
