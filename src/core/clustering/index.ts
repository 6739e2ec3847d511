import { type CommunityOptions, DEFAULT_COMMUNITY_OPTIONS, detectCommunities } from "./communities.ts";
import {
  type ComplementarityOptions,
  complementEdges,
  DEFAULT_COMPLEMENTARITY_OPTIONS,
  needOfferComplements,
  typeFitComplements,
} from "./complementarity.ts";
import { applyConstraints, groupsOf } from "./constraints.ts";
import { analyseResult } from "./documents.ts";
import { distinctiveTerms, type ExplainContext, explainContext, explanationOf, labelOf } from "./explain.ts";
import {
  combineSignals,
  type Edge,
  type Link,
  type SignalWeights,
  signalDivisor,
  sortEdges,
  symmetricEdges,
} from "./graph.ts";
import type { Analysis, ClusterSuggestion, Granularity, Workshop } from "./interchange.ts";
import { DEFAULT_INTEREST_OPTIONS, type InterestOptions, interestEdges } from "./interest.ts";
import { topNeighbours, twoHopNeighbours } from "./neighbours.ts";
import { clusterSums, meanSimilarity, type SimilarityModel, similarityModel } from "./similarity.ts";
import { smoothVectors } from "./smoothing.ts";
import { dot, type SparseVector } from "./sparse.ts";
import { DEFAULT_TEXT_OPTIONS, type TextOptions } from "./text.ts";
import {
  bagOfResult,
  buildVocabulary,
  collectSurfaces,
  DEFAULT_TFIDF_OPTIONS,
  type TfidfOptions,
  vectorise,
} from "./tfidf.ts";
import { validateWorkshop, type WorkshopIssue } from "./validate.ts";

export * from "./interchange.ts";
export { formatIssuePath, validateWorkshop, type WorkshopIssue, type WorkshopValidation } from "./validate.ts";

export interface AnalyzeOptions {
  /** Most results in one cluster (default 10). */
  maxSize?: number;
  /** Coarse prefers fewer, larger clusters among nearly-as-good partitions; fine prefers more, smaller ones. */
  granularity?: Granularity;
  seed?: number;
  /** Relative weight of each signal (default text 1, interest 0.6, complementarity 0.3). */
  weights?: Partial<SignalWeights>;
  text?: Partial<TextOptions>;
  tfidf?: Partial<TfidfOptions>;
  /** Text neighbours kept per result, the least cosine worth a link, and how much neighbours smooth a vector. */
  neighbours?: { k?: number; minScore?: number; smoothing?: number; keepTerms?: number };
  complementarity?: Partial<ComplementarityOptions>;
  interest?: Partial<InterestOptions>;
  community?: Partial<Omit<CommunityOptions, "granularity" | "seed">>;
  /** Least mean similarity to its cluster for a result to stay in it (default 0.05). */
  minAttachment?: number;
  /** Least attachment relative to the cluster's median member (default DEFAULT_RELATIVE_ATTACHMENT; 0 = off). */
  relativeAttachment?: number;
  /**
   * Measure a result's attachment to a cluster (and silhouettes) against the cluster's results from other projects
   * only (default true): a project's own results describe themselves alike and must not hold a cluster together.
   */
  crossProject?: boolean;
}

export interface AnalysisDiagnostics {
  resolution: number;
  silhouette: number;
  /** Every resolution tried, with the raw Louvain partition (labels by index into `resultIds`). */
  trials: { resolution: number; clusters: number; silhouette: number; labels: Int32Array }[];
  resultIds: string[];
  links: number;
}

export interface DetailedAnalysis {
  analysis: Analysis;
  warnings: WorkshopIssue[];
  diagnostics: AnalysisDiagnostics;
}

/** Raised when the workshop does not validate; `issues` locates each problem by JSON path. */
export class WorkshopValidationError extends Error {
  readonly issues: WorkshopIssue[];
  constructor(issues: WorkshopIssue[]) {
    super(`The workshop is not valid (${issues.length} problem${issues.length === 1 ? "" : "s"})`);
    this.name = "WorkshopValidationError";
    this.issues = issues;
  }
}

export const DEFAULT_WEIGHTS: SignalWeights = { text: 1, interest: 0.6, complementarity: 0.3 };
export const DEFAULT_MAX_SIZE = 10;
/**
 * Text neighbours: 10 per result (5 fragmented real workshops of 60–120 results into pairs), and each vector borrows
 * half of its neighbours' terms (pseudo-relevance feedback), so results worded differently meet through the results
 * that use both wordings. Measured on the development sets (see README).
 */
export const DEFAULT_NEIGHBOURS = { k: 10, minScore: 0.05, smoothing: 0.5, keepTerms: Number.POSITIVE_INFINITY };
/**
 * Version of the clustering method, stored with each analysis run so that results from different methods are never
 * compared as if they were the same. Bump it whenever a default changes what clusters come out.
 */
export const engineVersion = "3.0.0";
/**
 * A member tied to its cluster less than half as well as the cluster's typical member leaves it (and rejoins a
 * cluster only under the same test): measured on the development sets and planted workshops, it leaves more
 * unrelated results out without costing ARI.
 */
export const DEFAULT_RELATIVE_ATTACHMENT = 0.5;

/** Groups a workshop's exploitable results into suggested clusters. Same input in any order → same output. */
export function analyzeWorkshop(input: unknown, options: AnalyzeOptions = {}): Analysis {
  return analyzeWorkshopDetailed(input, options).analysis;
}

export function analyzeWorkshopDetailed(input: unknown, options: AnalyzeOptions = {}): DetailedAnalysis {
  const validation = validateWorkshop(input);
  if (!validation.ok) throw new WorkshopValidationError(validation.issues);
  const { analysis, diagnostics } = clusterWorkshop(canonicalOrder(validation.workshop), resolveOptions(options));
  return { analysis, warnings: validation.warnings, diagnostics };
}

type Settings = ReturnType<typeof resolveOptions>;

function resolveOptions(options: AnalyzeOptions) {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (!Number.isInteger(maxSize) || maxSize < 2) throw new RangeError("maxSize must be an integer ≥ 2");
  return {
    maxSize,
    weights: { ...DEFAULT_WEIGHTS, ...options.weights },
    text: { ...DEFAULT_TEXT_OPTIONS, ...options.text },
    tfidf: { ...DEFAULT_TFIDF_OPTIONS, ...options.tfidf },
    neighbours: { ...DEFAULT_NEIGHBOURS, ...options.neighbours },
    complementarity: { ...DEFAULT_COMPLEMENTARITY_OPTIONS, ...options.complementarity },
    interest: { ...DEFAULT_INTEREST_OPTIONS, ...options.interest },
    community: {
      ...DEFAULT_COMMUNITY_OPTIONS,
      ...options.community,
      granularity: options.granularity ?? "normal",
      seed: options.seed ?? DEFAULT_COMMUNITY_OPTIONS.seed,
    },
    minAttachment: options.minAttachment ?? 0.05,
    relativeAttachment: options.relativeAttachment ?? DEFAULT_RELATIVE_ATTACHMENT,
    crossProject: options.crossProject ?? true,
  };
}

const byId = <T extends { id: string }>(x: T, y: T) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

function canonicalOrder(workshop: Workshop): Workshop {
  return {
    workshop: workshop.workshop,
    projects: [...workshop.projects].sort(byId),
    results: [...workshop.results].sort(byId).map((r) => ({ ...r, keywords: r.keywords && [...r.keywords].sort() })),
    interests: [...workshop.interests].sort((x, y) =>
      byId({ id: `${x.project}\u0000${x.result}` }, { id: `${y.project}\u0000${y.result}` }),
    ),
  };
}

/** The engine's signals over a workshop (in canonical order): what clustering and the explanations are made of. */
function workshopSignals(workshop: Workshop, settings: Settings) {
  const { results } = workshop;
  const projectOf = results.map((r) => r.project);
  const analysed = results.map((r) => analyseResult(r, settings.text));
  const bags = analysed.map((a) => bagOfResult(a, settings.tfidf));
  const surfaces = collectSurfaces(
    analysed.flatMap((a) => [
      ...Object.values(a.fields).map((f) => f.terms),
      a.keywords,
      ...Object.values(a.topics).flatMap((t) => [t.topics, t.areas]),
    ]),
  );
  const vocabulary = buildVocabulary(bags, settings.tfidf.idf, surfaces);
  const vectors = bags.map((bag) => vectorise(bag, vocabulary, settings.tfidf.tf));
  const textEdges = textNeighbourEdges(vectors, settings.neighbours);
  const complements =
    settings.weights.complementarity > 0
      ? needOfferComplements(results, analysed, settings.text, settings.complementarity)
      : [];
  const complementarity = mergeEdges(
    complementEdges(complements),
    typeFitComplements(results, textEdges.edges, settings.complementarity.typeFitShare),
  );
  const affinity = settings.weights.text > 0 ? (a: number, b: number) => dot(vectors[a]!, vectors[b]!) : () => 0;
  const interest = interestEdges(results, workshop.interests, affinity, settings.interest);
  const links = combineSignals({ text: textEdges.edges, interest, complementarity }, { weights: settings.weights });

  const model = buildSimilarity(
    textEdges.vectors,
    links,
    settings.weights,
    settings.crossProject ? projectOf : undefined,
  );
  const context = explainContext(
    {
      results,
      projects: new Map(workshop.projects.map((p) => [p.id, p])),
      vectors,
      vocabulary,
      interests: workshop.interests,
    },
    complements,
    links,
  );
  return { projectOf, links, model, context };
}

function clusterWorkshop(
  workshop: Workshop,
  settings: Settings,
): { analysis: Analysis; diagnostics: AnalysisDiagnostics } {
  const { results } = workshop;
  const { projectOf, links, model, context } = workshopSignals(workshop, settings);
  const communities = detectCommunities(results.length, links, model, settings.community);
  const placement = applyConstraints(communities.chosen.labels, links, model, projectOf, {
    maxSize: settings.maxSize,
    minAttachment: settings.minAttachment,
    relativeAttachment: settings.relativeAttachment,
    seed: settings.community.seed,
  });
  const analysis = describe(placement.labels, placement.nearest, model, context, settings.maxSize);
  return {
    analysis,
    diagnostics: {
      resolution: communities.chosen.resolution,
      silhouette: communities.chosen.silhouette,
      trials: communities.trials,
      resultIds: results.map((r) => r.id),
      links: links.length,
    },
  };
}

/** Above this many results, smoothed vectors are compared within two hops of the first neighbours only. */
const TWO_HOP_FROM = 1000;

/** Text links from smoothed vectors; the raw vectors stay the evidence shown to people. */
function textNeighbourEdges(
  vectors: SparseVector[],
  settings: Settings["neighbours"],
): { edges: Edge[]; vectors: SparseVector[] } {
  const skip = (q: number, t: number) => q === t;
  const first = topNeighbours(vectors, vectors, { ...settings, skip });
  if (settings.smoothing <= 0) return { edges: symmetricEdges(first), vectors };
  const smoothed = smoothVectors(vectors, first, settings.smoothing, settings.keepTerms);
  const second =
    vectors.length > TWO_HOP_FROM
      ? twoHopNeighbours(smoothed, first, { ...settings, skip })
      : topNeighbours(smoothed, smoothed, { ...settings, skip });
  return { edges: symmetricEdges(second), vectors: smoothed };
}

function buildSimilarity(
  vectors: Parameters<typeof similarityModel>[0],
  links: Link[],
  weights: SignalWeights,
  projectOf?: readonly string[],
): SimilarityModel {
  const total = signalDivisor(weights);
  const extra = (l: Link) => (weights.interest * l.interest + weights.complementarity * l.complementarity) / total;
  return similarityModel(vectors, links, weights.text / total, extra, projectOf);
}

function mergeEdges(first: Edge[], second: Edge[]): Edge[] {
  const byPair = new Map<string, Edge>();
  for (const edge of [...first, ...second]) {
    const key = `${edge.a},${edge.b}`;
    const existing = byPair.get(key);
    if (!existing || existing.weight < edge.weight) byPair.set(key, edge);
  }
  return sortEdges([...byPair.values()]);
}

function describe(
  labels: Int32Array,
  nearest: Int32Array,
  model: SimilarityModel,
  context: ExplainContext,
  maxSize: number,
): Analysis {
  const sums = clusterSums(labels, model);
  const groups = [...groupsOf(labels)].sort(([, x], [, y]) => y.length - x.length || x[0]! - y[0]!);
  const idOfLabel = new Map(groups.map(([label], k) => [label, `c${k + 1}`]));
  const cohesionOf = new Map<number, number>();
  const clusters: ClusterSuggestion[] = groups.map(([label, members], k) => {
    const { description, cohesion } = describeMembers(label, members, labels, sums, model, context);
    cohesionOf.set(label, cohesion);
    return {
      id: `c${k + 1}`,
      label: description.label,
      results: members.map((i) => context.results[i]!.id),
      projects: [...new Set(members.map((i) => context.results[i]!.project))].sort(),
      explanation: description.explanation,
      cohesion: description.cohesion,
      evidence: description.evidence,
    };
  });
  const unclustered: Analysis["unclustered"] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! >= 0) continue;
    const id = idOfLabel.get(nearest[i]!) ?? null;
    const result = context.results[i]!.id;
    if (id === null) {
      const reason =
        clusters.length === 0
          ? "no cluster could be formed in this workshop"
          : "shares no term, need or interest with any cluster";
      unclustered.push({ result, nearest: null, reason });
      continue;
    }
    const similarity = Math.round(meanSimilarity(i, nearest[i]!, labels, sums, model) * 100) / 100;
    const typical = (cohesionOf.get(nearest[i]!) ?? 0).toFixed(2);
    const size = sums.sizes.get(nearest[i]!) ?? 0;
    const named = `“${clusters.find((c) => c.id === id)?.label ?? id}”`;
    const reason =
      size >= maxSize
        ? `closest to ${named}, which is full (${size} results, the most a cluster may hold)`
        : `closest to ${named}, but tied to its results by ${similarity.toFixed(2)} where they are tied to each other by ${typical}`;
    unclustered.push({ result, nearest: id, similarity, reason });
  }
  return { clusters, unclustered };
}

/** What the engine says about a cluster: its label, why its results belong together, and how tightly. */
export interface ClusterDescription {
  label: string;
  explanation: string;
  /** Mean pairwise similarity (0–1), rounded to two decimals. */
  cohesion: number;
  evidence: { sharedTerms: { term: string; results: string[] }[] };
}

function describeMembers(
  label: number,
  members: readonly number[],
  labels: ArrayLike<number>,
  sums: ReturnType<typeof clusterSums>,
  model: SimilarityModel,
  context: ExplainContext,
): { description: ClusterDescription; cohesion: number } {
  // Text, interest and complementarity add up; cohesion is read as a share (0–1), so it stops at 1.
  const cohesion = Math.min(
    1,
    members.reduce((sum, i) => sum + meanSimilarity(i, label, labels, sums, model), 0) / members.length,
  );
  const shared = distinctiveTerms(members, context);
  return {
    cohesion,
    description: {
      label: labelOf(members, context, shared),
      explanation: explanationOf(members, context, shared, cohesion),
      cohesion: Math.round(cohesion * 100) / 100,
      evidence: { sharedTerms: shared.map((t) => ({ term: t.surface, results: t.results })) },
    },
  };
}

/**
 * Describes clusters whose members were chosen elsewhere (a facilitator moved, merged or split results), exactly as
 * the analysis of `input` with `options` describes its own: same signals, same explanation. Each cluster is a list
 * of result ids of `input`; ids it does not know are ignored, and a cluster left with none gets null.
 */
export function describeClusters(
  input: unknown,
  options: AnalyzeOptions,
  clusters: readonly (readonly string[])[],
): (ClusterDescription | null)[] {
  const validation = validateWorkshop(input);
  if (!validation.ok) throw new WorkshopValidationError(validation.issues);
  const { model, context } = workshopSignals(canonicalOrder(validation.workshop), resolveOptions(options));
  const indexOf = new Map(context.results.map((r, i) => [r.id, i]));
  return clusters.map((ids) => {
    const members = [...new Set(ids.flatMap((id) => indexOf.get(id) ?? []))].sort((a, b) => a - b);
    if (members.length === 0) return null;
    // One cluster at a time: a description depends only on its own members.
    const labels = new Int32Array(context.results.length).fill(-1);
    for (const i of members) labels[i] = 0;
    return describeMembers(0, members, labels, clusterSums(labels, model), model, context).description;
  });
}
