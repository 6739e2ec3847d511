// ReportInput: everything a report is built from, and the record `export` writes and `import` reads back.
// The database loader (src/app/report) and the file readers (src/io) fill it; later features (the review of
// clusters, working groups) fill `clusters`, `history` and each cluster's `workPlan`. See README.md here.
import { z } from "zod";
import { INTEREST_KINDS, INTEREST_LEVELS } from "../clustering/index.ts";

export const CLUSTER_STATUSES = ["suggested", "approved", "announced"] as const;
export const WORK_PLAN_STATUSES = ["proposed", "agreed", "in_progress", "done", "dropped"] as const;
export const RESULT_STATUSES = ["draft", "submitted"] as const;

const key = z.string().trim().min(1, "expected a non-empty id");
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));
const texts = z
  .array(z.string().trim())
  .default([])
  .transform((list) => list.filter(Boolean));
const trl = z.number().int().min(1).max(9).optional().meta({ description: "Technology readiness level 1–9" });

export const partnerSchema = z.object({
  name: z.string().trim().min(1, "expected a partner name"),
  country: optionalText,
});

/** A chat user named by email (linked when they first appear in chat) or by platform user id (`slack:U0123`). */
export const memberSchema = z
  .object({
    name: optionalText,
    email: optionalText.pipe(z.email("expected an email address").optional()),
    platformUser: optionalText.meta({ description: "platform:user id, e.g. slack:U0123ABCD or teams:<AAD object id>" }),
  })
  .refine((m) => m.email !== undefined || m.platformUser !== undefined, {
    message: "expected an email address or a platform user id",
  });

export const projectInputSchema = z.object({
  id: key.meta({ description: "Key used by results and interests in this record (export: the acronym)" }),
  acronym: z.string().trim().min(1, "expected an acronym"),
  title: optionalText,
  summary: optionalText,
  programme: optionalText,
  partners: z.array(partnerSchema).default([]),
  members: z.array(memberSchema).default([]),
});

export const resultInputSchema = z.object({
  id: key,
  project: key.meta({ description: "Id of the project that owns the result" }),
  title: z.string().trim().min(1, "expected a non-empty title"),
  description: optionalText,
  type: optionalText,
  keywords: texts,
  usp: optionalText.meta({ description: "Unique selling point" }),
  trlNow: trl,
  trlExpected: trl,
  owners: texts.meta({ description: "Partner organisations that own the result" }),
  iprWithin: optionalText.meta({ description: "Ownership, background/foreground, protection within the project" }),
  iprProtection: texts,
  iprOutside: optionalText.meta({ description: "Third-party rights, freedom to operate" }),
  market: optionalText,
  timeToMarket: optionalText,
  needs: optionalText.meta({ description: "What is needed to exploit it" }),
  status: z.enum(RESULT_STATUSES).optional(),
});

export const interestInputSchema = z.object({
  project: key.meta({ description: "Id of the interested project" }),
  result: key,
  level: z.enum(INTEREST_LEVELS).default("medium"),
  kind: z.enum(INTEREST_KINDS).optional(),
  note: optionalText,
});

export const workPlanItemSchema = z.object({
  activity: z.string().trim().min(1, "expected an activity"),
  lead: optionalText.meta({ description: "Lead partner" }),
  contributors: texts,
  start: optionalText.meta({ description: "Start date, YYYY-MM-DD" }),
  end: optionalText.meta({ description: "End date, YYYY-MM-DD" }),
  milestone: optionalText,
  resources: optionalText,
  benefit: optionalText.meta({ description: "Expected benefit" }),
  status: z.enum(WORK_PLAN_STATUSES).default("proposed"),
  followUp: optionalText.meta({ description: "Follow-up state in words, e.g. 'asked 2026-05-02, answered'" }),
});

export const clusterInputSchema = z.object({
  id: key,
  label: z.string().trim().min(1, "expected a label"),
  explanation: optionalText,
  cohesion: z.number().min(0).max(1).optional(),
  status: z.enum(CLUSTER_STATUSES).default("suggested"),
  results: z.array(key),
  workPlan: z.array(workPlanItemSchema).default([]),
});

/** One change a facilitator made during the review: who, when (ISO 8601), what. */
export const reviewEventSchema = z.object({
  at: z.string().trim().min(1, "expected a time"),
  by: z.string().trim().min(1, "expected who made the change"),
  action: z.string().trim().min(1, "expected what changed"),
  cluster: optionalText.meta({ description: "Id of the cluster concerned, if one" }),
});

export const reportInputSchema = z
  .object({
    workshop: z.object({
      name: z.string().trim().min(1, "expected a non-empty name"),
      theme: optionalText,
      timezone: optionalText,
      homeworkDeadline: optionalText,
      phase: optionalText,
    }),
    projects: z.array(projectInputSchema),
    results: z.array(resultInputSchema).default([]),
    interests: z.array(interestInputSchema).default([]),
    /** Absent: not clustered yet (the report runs the analysis). Present, even empty: the clusters to report. */
    clusters: z.array(clusterInputSchema).optional(),
    /** Results in no cluster, with the nearest cluster; results neither here nor in a cluster count as unclustered. */
    unclustered: z.array(z.object({ result: key, nearest: key.nullable().default(null) })).optional(),
    history: z.array(reviewEventSchema).default([]),
  })
  .meta({ title: "ClusterbotReportInput", description: "A workshop's projects, homework, clusters and work-plans" });

/** A validated report input (defaults applied). */
export type ReportInput = z.infer<typeof reportInputSchema>;
/** What callers may write (defaults not yet applied), e.g. in a JSON file. */
export type ReportInputDraft = z.input<typeof reportInputSchema>;
export type ProjectInput = ReportInput["projects"][number];
export type ResultInput = ReportInput["results"][number];
export type InterestInput = ReportInput["interests"][number];
export type ClusterInput = NonNullable<ReportInput["clusters"]>[number];
export type UnclusteredInput = NonNullable<ReportInput["unclustered"]>[number];
export type WorkPlanItem = ClusterInput["workPlan"][number];
export type ReviewEvent = ReportInput["history"][number];
export type Partner = ProjectInput["partners"][number];
export type Member = ProjectInput["members"][number];
export type WorkPlanStatus = (typeof WORK_PLAN_STATUSES)[number];
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];
