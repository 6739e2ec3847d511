// The facilitators' review of suggested clusters as plain data (DESIGN.md §3): what the screens, the design-rule
// check and the announcement are computed from. No I/O.

/** A result as the review shows it: its project and title. */
export interface ReviewResult {
  resultId: string;
  title: string;
  projectId: string;
  acronym: string;
}

export interface SharedTerm {
  term: string;
  /** Titles of the results that use it. */
  results: string[];
}

export interface ClusterResponseView {
  name: string;
  /** The project that answered "Not for us"; null for a "Join" by someone not yet in it. */
  acronym: string | null;
  answer: "join" | "decline";
}

export interface ReviewCluster {
  id: string;
  label: string;
  explanation: string;
  cohesion: number;
  status: "suggested" | "approved" | "announced";
  sharedTerms: SharedTerm[];
  members: ReviewResult[];
  responses: ClusterResponseView[];
}

export interface UnclusteredResult {
  result: ReviewResult;
  /** The label of the nearest suggested cluster when the engine ran, if any. */
  nearest: string | null;
  similarity: number | null;
  reason: string;
}

export interface ReviewEdit {
  who: string;
  at: Date;
  summary: string;
}

export interface ReviewView {
  workshopId: string;
  workshopName: string;
  runId: string;
  runNumber: number;
  engineVersion: string;
  granularity: string;
  version: number;
  clusters: ReviewCluster[];
  unclustered: UnclusteredResult[];
  /** Drafts the analysis left out. */
  leftOut: { acronym: string; title: string }[];
}

/** The projects of a cluster, in the order their results appear. */
export function clusterProjects(cluster: Pick<ReviewCluster, "members">): string[] {
  return [...new Set(cluster.members.map((member) => member.acronym))];
}

export function resultLine(result: ReviewResult): string {
  return `${result.acronym}: ${result.title}`;
}
