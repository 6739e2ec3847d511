// The domain as the rest of the code sees it (DESIGN.md §2): plain data, no database or platform types.

export const platforms = ["slack", "teams", "web"] as const;
export type Platform = (typeof platforms)[number];

export const workshopPhases = ["setup", "homework", "analysis", "announced", "working", "closed"] as const;
export type WorkshopPhase = (typeof workshopPhases)[number];

export const resultTypes = [
  "product",
  "service",
  "process",
  "software",
  "method",
  "standard",
  "dataset",
  "training",
  "other",
] as const;
export type ResultType = (typeof resultTypes)[number];

export const iprProtections = [
  "patent",
  "copyright",
  "trade_secret",
  "open_licence",
  "design",
  "trademark",
  "none",
] as const;
export type IprProtection = (typeof iprProtections)[number];

export const interestLevels = ["low", "medium", "high"] as const;
export type InterestLevel = (typeof interestLevels)[number];

export const interestKinds = ["use", "co_develop", "integrate", "validate", "license", "joint_exploitation"] as const;
export type InterestKind = (typeof interestKinds)[number];

export type ResultStatus = "draft" | "submitted";

export interface Workshop {
  id: string;
  workspaceId: string;
  name: string;
  theme: string | null;
  timezone: string;
  homeworkDeadline: Date | null;
  maxResultsPerProject: number;
  reminderCadenceDays: number[];
  phase: WorkshopPhase;
  announcementChannelId: string | null;
}

export interface Project {
  id: string;
  workshopId: string;
  acronym: string;
  title: string;
  summary: string | null;
  programme: string | null;
  reopenedUntil: Date | null;
  partners: string[];
  memberIds: string[];
}

/** What a partner says about one result in the characterisation step. */
export interface ResultCharacterisation {
  description: string | null;
  type: string | null;
  keywords: string[];
  usp: string | null;
  trlNow: number | null;
  trlExpected: number | null;
  owners: string[];
  iprWithin: string | null;
  iprProtection: string[];
  iprOutside: string | null;
  targetMarket: string | null;
  timeToMarket: string | null;
  needs: string | null;
}

export interface ExploitableResult extends ResultCharacterisation {
  id: string;
  projectId: string;
  position: number;
  title: string;
  status: ResultStatus;
}

export interface Interest {
  id: string;
  projectId: string;
  resultId: string;
  level: InterestLevel;
  kind: InterestKind;
  note: string | null;
}

export interface Person {
  id: string;
  displayName: string;
  email: string | null;
  timezone: string | null;
  /** When the profile (name, email, timezone) was last read from the platform; absent where not tracked. */
  profileReadAt?: Date | null;
  awayUntil: Date | null;
}

/** Where an edited thing stands: its optimistic version, and who (a person id) saved it last and when. */
export interface EditStamp {
  version: number;
  editedById: string | null;
  editedAt: Date | null;
}

/** A save made from a form opened at `expected`, by `by`, at `at`. */
export interface EditRequest {
  expected: number;
  by: string;
  at: Date;
}
