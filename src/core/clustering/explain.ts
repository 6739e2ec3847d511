import type { Complement } from "./complementarity.ts";
import { typesFit } from "./concepts.ts";
import type { Link } from "./graph.ts";
import type { ExploitableResult, Interest, Project } from "./interchange.ts";
import { mutualPairs } from "./interest.ts";
import type { SparseVector } from "./sparse.ts";
import type { Vocabulary } from "./tfidf.ts";

export interface ExplainContext {
  results: readonly ExploitableResult[];
  projects: ReadonlyMap<string, Project>;
  vectors: readonly SparseVector[];
  vocabulary: Vocabulary;
  interests: readonly Interest[];
  /** Result id → project id. */
  owners: ReadonlyMap<string, string>;
  /** Need ↔ offer matches by needer index. */
  complementsOf: ReadonlyMap<number, Complement[]>;
  /** Links by their smaller end (`a`), so each appears once. */
  linksOf: readonly Link[][];
}

export function explainContext(
  base: Omit<ExplainContext, "owners" | "complementsOf" | "linksOf">,
  complements: readonly Complement[],
  links: readonly Link[],
): ExplainContext {
  const complementsOf = new Map<number, Complement[]>();
  for (const c of complements) complementsOf.set(c.needer, [...(complementsOf.get(c.needer) ?? []), c]);
  const linksOf: Link[][] = base.results.map(() => []);
  for (const link of links) linksOf[link.a]!.push(link);
  return { ...base, owners: new Map(base.results.map((r) => [r.id, r.project])), complementsOf, linksOf };
}

export interface SharedTerm {
  surface: string;
  results: string[];
  score: number;
}

const LABEL_TERMS = 3;
const LISTED = 3;

/** Terms that many members use and that are rare elsewhere (c-TF-IDF), most distinctive first. */
export function distinctiveTerms(members: readonly number[], context: ExplainContext): SharedTerm[] {
  const perTerm = new Map<number, { weight: number; results: number[] }>();
  for (const i of members) {
    const v = context.vectors[i]!;
    for (let k = 0; k < v.ids.length; k++) {
      const entry = perTerm.get(v.ids[k]!) ?? { weight: 0, results: [] };
      entry.weight += v.weights[k]!;
      entry.results.push(i);
      perTerm.set(v.ids[k]!, entry);
    }
  }
  const terms: SharedTerm[] = [];
  for (const [id, { weight, results }] of perTerm) {
    if (results.length < 2) continue;
    terms.push({
      surface: context.vocabulary.surfaces[id]!,
      results: results.map((i) => context.results[i]!.id),
      score: (weight * results.length) / members.length,
    });
  }
  return dedupeTerms(terms.sort((x, y) => y.score - x.score || (x.surface < y.surface ? -1 : 1)));
}

// A keyword, its phrase and its words often all appear; keep the longest form and drop the words it contains.
function dedupeTerms(terms: SharedTerm[]): SharedTerm[] {
  const kept: SharedTerm[] = [];
  for (const term of terms) {
    const words = term.surface.split(" ");
    const covered = kept.some(
      (k) => k.surface === term.surface || words.every((w) => k.surface.split(" ").includes(w)),
    );
    if (!covered) kept.push(term);
  }
  return kept;
}

export function labelOf(members: readonly number[], context: ExplainContext, shared: SharedTerm[]): string {
  if (shared.length > 0)
    return shared
      .slice(0, LABEL_TERMS)
      .map((t) => t.surface)
      .join(" · ");
  return `around “${context.results[members[0]!]!.title}”`;
}

export function explanationOf(
  members: readonly number[],
  context: ExplainContext,
  shared: SharedTerm[],
  cohesion: number,
): string {
  const parts = [
    sharedTermsSentence(shared, context),
    interestSentence(members, context),
    complementSentence(members, context),
  ];
  parts.push(`Cohesion ${cohesion.toFixed(2)} (mean pairwise similarity, 0–1).`);
  return parts.filter(Boolean).join(" ");
}

function sharedTermsSentence(shared: SharedTerm[], context: ExplainContext): string {
  if (shared.length === 0) return "";
  const byId = new Map(context.results.map((r) => [r.id, r]));
  const listed = shared.slice(0, 4).map((t) => {
    const named = t.results.slice(0, LISTED).map((id) => {
      const result = byId.get(id);
      return result ? resultName(result) : id;
    });
    const more = t.results.length > LISTED ? ` and ${t.results.length - LISTED} more` : "";
    return `“${t.surface}” (${named.join(", ")}${more})`;
  });
  return `Shared terms: ${listed.join("; ")}.`;
}

const NAME_LENGTH = 40;

// People read explanations: results and projects go by their titles and acronyms, never by stored ids.
function resultName(result: ExploitableResult): string {
  const title = result.title.trim();
  return title.length > NAME_LENGTH ? `${title.slice(0, NAME_LENGTH - 1).trimEnd()}…` : title;
}

function resultNameById(id: string, context: ExplainContext): string {
  const result = context.results.find((r) => r.id === id);
  return result ? `“${resultName(result)}”` : id;
}

function projectName(id: string, context: ExplainContext): string {
  const project = context.projects.get(id);
  return project?.acronym?.trim() || project?.title?.trim() || id;
}

function interestSentence(members: readonly number[], context: ExplainContext): string {
  const inCluster = new Set(members.map((i) => context.results[i]!.id));
  const projects = new Set(members.map((i) => context.results[i]!.project));
  const relevant = context.interests
    .filter((x) => inCluster.has(x.result) && projects.has(x.project))
    .sort((x, y) => levelRank(y) - levelRank(x) || (x.project + x.result < y.project + y.result ? -1 : 1));
  if (relevant.length === 0) return "";
  const described = relevant.slice(0, LISTED).map((x) => {
    const details = [x.level, x.kind].filter(Boolean).join(", ");
    return `${projectName(x.project, context)} → ${resultNameById(x.result, context)} (${details})`;
  });
  const more = relevant.length > LISTED ? ` and ${relevant.length - LISTED} more` : "";
  const mutual = mutualSentence(relevant, context);
  return `Interest: ${described.join("; ")}${more}.${mutual}`;
}

function mutualSentence(relevant: Interest[], context: ExplainContext): string {
  const pairs = [...mutualPairs(context.owners, relevant)].sort();
  if (pairs.length === 0) return "";
  const named = pairs.map((key) =>
    key
      .split("\u0000")
      .map((p) => projectName(p, context))
      .join(" ↔ "),
  );
  return ` Mutual interest: ${named.join("; ")}.`;
}

function levelRank(interest: Interest): number {
  return { low: 0, medium: 1, high: 2 }[interest.level];
}

function complementSentence(members: readonly number[], context: ExplainContext): string {
  const inCluster = new Set(members);
  const pairs = members
    .flatMap((i) => context.complementsOf.get(i) ?? [])
    .filter((c) => inCluster.has(c.offerer))
    .sort((x, y) => y.score - x.score || x.needer - y.needer || x.offerer - y.offerer)
    .slice(0, LISTED)
    .map((c) => describeComplement(c, context));
  const fits = typeFitPairs(members, context);
  const all = [...pairs, ...fits.slice(0, Math.max(0, LISTED - pairs.length))];
  return all.length ? `Complementarity: ${all.join("; ")}.` : "";
}

function describeComplement(c: Complement, context: ExplainContext): string {
  const needer = `“${resultName(context.results[c.needer]!)}”`;
  const offerer = `“${resultName(context.results[c.offerer]!)}”`;
  const concept = c.concepts[0];
  if (concept) return `${needer} needs ${concept.label} (“${concept.need}”) ↔ ${offerer} offers “${concept.offer}”`;
  return `${needer}'s needs match ${offerer}'s offer on ${c.sharedTerms.map((t) => `“${t}”`).join(", ")}`;
}

function typeFitPairs(members: readonly number[], context: ExplainContext): string[] {
  const inCluster = new Set(members);
  const out: string[] = [];
  for (const link of members.flatMap((i) => context.linksOf[i] ?? [])) {
    if (!inCluster.has(link.b) || link.text <= 0) continue;
    const x = context.results[link.a]!;
    const y = context.results[link.b]!;
    if (x.project === y.project) continue;
    const [nx, ny] = [`“${resultName(x)}”`, `“${resultName(y)}”`];
    if (typesFit(x.type, y.type)) out.push(`${nx} (${x.type}) serves ${ny} (${y.type})`);
    else if (typesFit(y.type, x.type)) out.push(`${ny} (${y.type}) serves ${nx} (${x.type})`);
  }
  return out;
}
