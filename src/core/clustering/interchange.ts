import { z } from "zod";

/** Interest levels and how strongly each one links results. */
export const INTEREST_LEVELS = ["low", "medium", "high"] as const;
export const INTEREST_KINDS = ["use", "co-develop", "integrate", "validate", "license", "joint-exploitation"] as const;
export const GRANULARITIES = ["coarse", "normal", "fine"] as const;

const id = z.string().trim().min(1, "expected a non-empty id");
const text = z.string();

export const projectSchema = z
  .object({
    id: id.meta({ description: "Unique project id, e.g. P1" }),
    acronym: text.optional().meta({ description: "Short project name shown to people" }),
    title: text.optional(),
    summary: text.optional(),
  })
  .meta({ title: "Project" });

export const resultSchema = z
  .object({
    id: id.meta({ description: "Unique result id, e.g. R1" }),
    project: id.meta({ description: "Id of the project that owns the result" }),
    title: z.string().trim().min(1, "expected a non-empty title"),
    description: text.optional(),
    keywords: z.array(z.string()).optional(),
    type: text.optional().meta({ description: "product, service, process, software, platform, method, dataset, …" }),
    trl: z.number().int().min(1).max(9).optional().meta({ description: "Technology readiness level 1–9" }),
    usp: text.optional().meta({ description: "Unique selling point" }),
    market: text.optional().meta({ description: "Target users or market" }),
    needs: text.optional().meta({ description: "What is needed to exploit the result" }),
  })
  .meta({ title: "ExploitableResult" });

export const interestSchema = z
  .object({
    project: id.meta({ description: "Id of the interested project" }),
    result: id.meta({ description: "Id of the result it is interested in" }),
    level: z.enum(INTEREST_LEVELS).default("medium"),
    kind: z.enum(INTEREST_KINDS).optional(),
    note: text.optional(),
  })
  .meta({ title: "Interest" });

export const workshopSchema = z
  .object({
    workshop: z.object({ name: z.string().trim().min(1, "expected a non-empty name") }),
    projects: z.array(projectSchema),
    results: z.array(resultSchema),
    interests: z.array(interestSchema).default([]),
  })
  .meta({ title: "ClusterbotWorkshop", description: "Clusterbot interchange format for a clustering workshop" });

export const clusterSchema = z.object({
  id: z.string(),
  label: z.string(),
  results: z.array(z.string()),
  projects: z.array(z.string()),
  explanation: z.string(),
  cohesion: z.number(),
  /** The evidence behind `explanation`, for screens that show it item by item. */
  evidence: z
    .object({
      /** The most distinctive terms the members share, each with the results that use it. */
      sharedTerms: z.array(z.object({ term: z.string(), results: z.array(z.string()) })),
    })
    .optional(),
});

export const analysisSchema = z.object({
  clusters: z.array(clusterSchema),
  unclustered: z.array(
    z.object({
      result: z.string(),
      nearest: z.string().nullable(),
      /** Mean similarity to the nearest cluster's results from other projects (0–1). */
      similarity: z.number().optional(),
      /** Why the result is not in a cluster, in plain words. */
      reason: z.string().optional(),
    }),
  ),
});

export type Project = z.infer<typeof projectSchema>;
export type ExploitableResult = z.infer<typeof resultSchema>;
export type Interest = z.infer<typeof interestSchema>;
export type InterestLevel = (typeof INTEREST_LEVELS)[number];
export type InterestKind = (typeof INTEREST_KINDS)[number];
export type Granularity = (typeof GRANULARITIES)[number];
/** A validated workshop (defaults applied). */
export type Workshop = z.infer<typeof workshopSchema>;
/** What callers may pass in (defaults not yet applied). */
export type WorkshopInput = z.input<typeof workshopSchema>;
export type ClusterSuggestion = z.infer<typeof clusterSchema>;
export type Analysis = z.infer<typeof analysisSchema>;

type JsonSchema = Record<string, unknown>;

/** JSON Schema (draft 2020-12) of the interchange format, generated from the zod schema. */
export function workshopJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(workshopSchema, { io: "input" }) as JsonSchema;
  return requireDescriptionOrKeywords(schema);
}

/** JSON Schema of the `analyze --json` output. */
export function analysisJsonSchema(): JsonSchema {
  return z.toJSONSchema(analysisSchema) as JsonSchema;
}

// zod cannot express "description or keywords" structurally; add it to the generated schema by hand.
function requireDescriptionOrKeywords(schema: JsonSchema): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  const items = properties?.results?.items as JsonSchema | undefined;
  if (items) items.anyOf = [{ required: ["description"] }, { required: ["keywords"] }];
  return schema;
}
