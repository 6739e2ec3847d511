// The built report: what every format shows, already resolved (names instead of ids, sorted, derived sections).
import type { InterestKind, InterestLevel } from "../clustering/index.ts";
import type { UnclusteredReason } from "./clusters.ts";
import type { ClusterStatus, Partner, ResultInput, WorkPlanItem } from "./input.ts";
import type { NeedMatch } from "./needs.ts";

export interface Report {
  title: string;
  workshop: { name: string; theme?: string; timezone?: string; homeworkDeadline?: string; phase?: string };
  /** The day the report was made (YYYY-MM-DD), given by the caller so the same input gives the same report. */
  generatedOn: string;
  /** "analysis": the clusters were suggested by the engine for this report and not reviewed by facilitators. */
  clustersSource: "stored" | "analysis";
  figures: ReportFigures;
  projects: ReportProject[];
  results: ReportResult[];
  interests: ReportInterest[];
  clusters: ReportCluster[];
  unclustered: ReportUnclustered[];
  /** Every need ↔ offer match between results of different projects (shown on the cluster map). */
  needMatches: NeedMatch[];
  /** Every facilitator change, oldest first; empty when none was recorded. */
  history: ReportEvent[];
  summaries: ProjectSummary[];
}

export interface ReportFigures {
  projects: number;
  partners: number;
  results: number;
  interests: number;
  clusters: number;
  unclustered: number;
  workPlanItems: number;
}

export interface ReportProject {
  id: string;
  acronym: string;
  title?: string;
  summary?: string;
  programme?: string;
  partners: Partner[];
  /** Members' names (an email address when no name is known). */
  members: string[];
  /** Ids of its results, in input order. */
  results: string[];
}

export interface ReportResult extends ResultInput {
  projectAcronym: string;
  /** Ids of the clusters it joined. */
  clusters: string[];
}

export interface ReportInterest {
  project: string;
  projectAcronym: string;
  result: string;
  resultTitle: string;
  owner: string;
  ownerAcronym: string;
  level: InterestLevel;
  kind?: InterestKind;
  note?: string;
}

export interface ResultRef {
  id: string;
  title: string;
  projectAcronym: string;
}

export interface ReportCluster {
  id: string;
  label: string;
  status: ClusterStatus;
  explanation?: string;
  cohesion?: number;
  results: ResultRef[];
  /** Acronyms of the projects whose results it holds. */
  projects: string[];
  workPlan: WorkPlanItem[];
  history: ReportEvent[];
}

export interface ReportUnclustered extends ResultRef {
  reason: UnclusteredReason;
  nearest: { id: string; label: string } | null;
}

export interface ReportEvent {
  at: string;
  by: string;
  action: string;
  cluster?: { id: string; label: string };
}

/** "Something back for every partner": what the workshop found for one project. */
export interface ProjectSummary {
  project: string;
  acronym: string;
  /** Other projects' interest in its results, strongest first. */
  interestInResults: {
    result: string;
    resultTitle: string;
    by: string;
    level: InterestLevel;
    kind?: InterestKind;
    note?: string;
  }[];
  /** The clusters its results joined, and with which other projects. */
  clusters: { id: string; label: string; status: ClusterStatus; via: string[]; with: string[] }[];
  /** Needs stated by other projects' results that one of its results could serve (and no interest yet says so). */
  needsItCouldServe: {
    result: string;
    resultTitle: string;
    forProject: string;
    forResult: string;
    forResultTitle: string;
    need: string;
    because: string;
  }[];
}
