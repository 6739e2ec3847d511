import type { Neighbour } from "./neighbours.ts";

/** An undirected weighted pair of results, `a < b` (indices into the sorted results). */
export interface Edge {
  a: number;
  b: number;
  weight: number;
}

export interface SignalWeights {
  text: number;
  interest: number;
  complementarity: number;
}

/** The link between two results with each signal's share, kept for explanations. */
export interface Link extends Edge {
  text: number;
  interest: number;
  complementarity: number;
}

export interface SignalEdges {
  text: Edge[];
  interest: Edge[];
  complementarity: Edge[];
}

/** Turns directed top-k lists into undirected edges, keeping the stronger direction. */
export function symmetricEdges(neighbours: readonly Neighbour[][]): Edge[] {
  const edges = new Map<string, Edge>();
  neighbours.forEach((list, from) => {
    for (const { index, score } of list) {
      if (index === from) continue;
      const a = Math.min(from, index);
      const b = Math.max(from, index);
      const key = `${a},${b}`;
      const existing = edges.get(key);
      if (!existing) edges.set(key, { a, b, weight: score });
      else existing.weight = Math.max(existing.weight, score);
    }
  });
  return sortEdges([...edges.values()]);
}

export function sortEdges<T extends Edge>(edges: T[]): T[] {
  return edges.sort((x, y) => x.a - y.a || x.b - y.b);
}

/**
 * What the weighted sum of the signals is divided by: the strongest signal's weight, so a pair linked by one signal
 * keeps that signal's scale and the others add to it — a signal that is absent for a pair (no interest expressed, no
 * need written) neither adds nor dilutes (a weighted mean, tried first, diluted them).
 */
export function signalDivisor(weights: SignalWeights): number {
  const divisor = Math.max(weights.text, weights.interest, weights.complementarity);
  return divisor > 0 ? divisor : 1;
}

export interface CombineOptions {
  weights: SignalWeights;
}

/** Weighted sum of the signals over `signalDivisor`, at most 1. */
export function combineSignals(signals: SignalEdges, options: CombineOptions): Link[] {
  const { weights } = options;
  const total = signalDivisor(weights);
  const links = new Map<string, Link>();
  const add = (edges: Edge[], signal: keyof SignalWeights) => {
    if (weights[signal] <= 0) return;
    for (const edge of edges) {
      const key = `${edge.a},${edge.b}`;
      let link = links.get(key);
      if (!link) {
        link = { a: edge.a, b: edge.b, weight: 0, text: 0, interest: 0, complementarity: 0 };
        links.set(key, link);
      }
      link[signal] = Math.max(link[signal], edge.weight);
    }
  };
  add(signals.text, "text");
  add(signals.interest, "interest");
  add(signals.complementarity, "complementarity");
  for (const link of links.values()) {
    const sum =
      weights.text * link.text + weights.interest * link.interest + weights.complementarity * link.complementarity;
    link.weight = Math.min(1, sum / total);
  }
  return sortEdges([...links.values()].filter((l) => l.weight > 0));
}

/** Adjacency lists for walking a node's links. */
export function adjacency(n: number, edges: readonly Edge[]): { index: number; weight: number }[][] {
  const lists: { index: number; weight: number }[][] = Array.from({ length: n }, () => []);
  for (const { a, b, weight } of edges) {
    lists[a]!.push({ index: b, weight });
    lists[b]!.push({ index: a, weight });
  }
  return lists;
}
