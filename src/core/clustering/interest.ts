import type { Edge } from "./graph.ts";
import { sortEdges } from "./graph.ts";
import type { ExploitableResult, Interest, InterestLevel } from "./interchange.ts";

export const LEVEL_WEIGHT: Record<InterestLevel, number> = { low: 0.4, medium: 0.7, high: 1 };

export interface InterestOptions {
  /** Multiplier when the two projects are interested in each other's results. */
  mutualBoost: number;
  /** Floor of the share a project's less related results get of its interest (0–1). */
  spread: number;
}

export const DEFAULT_INTEREST_OPTIONS: InterestOptions = { mutualBoost: 1.5, spread: 0.1 };

/**
 * An interest of project A in result r links A's results to r. A's results share the link by how related
 * each is to r (`affinity`), the most related taking the full level weight, since an interest rarely
 * concerns every result of A equally.
 */
export function interestEdges(
  results: readonly ExploitableResult[],
  interests: readonly Interest[],
  affinity: (a: number, b: number) => number,
  options: InterestOptions,
): Edge[] {
  const indexOf = new Map(results.map((r, i) => [r.id, i]));
  const byProject = resultsByProject(results);
  const mutual = mutualPairs(new Map(results.map((r) => [r.id, r.project])), interests);
  const weights = new Map<string, Edge>();
  for (const interest of interests) {
    const target = indexOf.get(interest.result);
    if (target === undefined) continue;
    const sources = byProject.get(interest.project) ?? [];
    const owner = results[target]!.project;
    const boost = mutual.has(pairKey(interest.project, owner)) ? options.mutualBoost : 1;
    const shares = sharesOf(sources, target, affinity, options.spread);
    sources.forEach((source, k) => {
      addWeight(weights, source, target, LEVEL_WEIGHT[interest.level] * boost * shares[k]!);
    });
  }
  return sortEdges([...weights.values()].map((e) => ({ ...e, weight: Math.min(1, e.weight) })));
}

/** Unordered project pairs in which each project is interested in a result of the other. */
export function mutualPairs(owner: ReadonlyMap<string, string>, interests: readonly Interest[]): Set<string> {
  const directed = new Set<string>();
  for (const i of interests) directed.add(`${i.project}\u0000${owner.get(i.result)}`);
  const mutual = new Set<string>();
  for (const key of directed) {
    const [from, to] = key.split("\u0000") as [string, string];
    if (directed.has(`${to}\u0000${from}`)) mutual.add(pairKey(from, to));
  }
  return mutual;
}

export function pairKey(p: string, q: string): string {
  return p < q ? `${p}\u0000${q}` : `${q}\u0000${p}`;
}

function resultsByProject(results: readonly ExploitableResult[]): Map<string, number[]> {
  const byProject = new Map<string, number[]>();
  results.forEach((r, i) => {
    const list = byProject.get(r.project) ?? [];
    list.push(i);
    byProject.set(r.project, list);
  });
  return byProject;
}

function sharesOf(
  sources: number[],
  target: number,
  affinity: (a: number, b: number) => number,
  spread: number,
): number[] {
  const raw = sources.map((s) => spread + affinity(s, target));
  const max = Math.max(...raw);
  return raw.map((r) => r / max);
}

function addWeight(weights: Map<string, Edge>, x: number, y: number, weight: number): void {
  const a = Math.min(x, y);
  const b = Math.max(x, y);
  const key = `${a},${b}`;
  const edge = weights.get(key);
  if (edge) edge.weight += weight;
  else weights.set(key, { a, b, weight });
}
