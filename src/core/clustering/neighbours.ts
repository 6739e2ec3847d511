import { dot, type SparseVector } from "./sparse.ts";

export interface Neighbour {
  index: number;
  score: number;
}

export interface NeighbourOptions {
  k: number;
  minScore: number;
  /** Pairs never to report (e.g. same index, same project). */
  skip?: (query: number, target: number) => boolean;
}

/**
 * Terms found in more than this share of the targets (and at least MIN_CAPPED_DF of them) are left out when
 * gathering candidates; candidates are then rescored exactly. Such words carry little weight after IDF, yet
 * their postings would make the search quadratic on large workshops.
 */
const COMMON_TERM_SHARE = 0.1;
const MIN_CAPPED_DF = 100;
const RESCORED_PER_NEIGHBOUR = 4;

/**
 * For each query, its k best targets by dot product, found through an inverted index over the targets,
 * so the cost follows the number of shared terms rather than n².
 */
export function topNeighbours(
  queries: readonly SparseVector[],
  targets: readonly SparseVector[],
  options: NeighbourOptions,
): Neighbour[][] {
  const index = invertedIndex(targets);
  const scores = new Float64Array(targets.length);
  const touched = new Int32Array(targets.length);
  const cap = Math.max(MIN_CAPPED_DF, Math.ceil(COMMON_TERM_SHARE * targets.length));
  const approximate = targets.length > cap;
  const gather = approximate ? { ...options, k: options.k * RESCORED_PER_NEIGHBOUR, minScore: 0 } : options;
  return queries.map((query, q) => {
    let count = 0;
    for (let k = 0; k < query.ids.length; k++) {
      const term = query.ids[k]!;
      const weight = query.weights[k]!;
      if (term + 1 >= index.start.length) continue;
      if (approximate && index.start[term + 1]! - index.start[term]! > cap) continue;
      for (let p = index.start[term]!; p < index.start[term + 1]!; p++) {
        const target = index.docs[p]!;
        if (scores[target] === 0) touched[count++] = target;
        scores[target]! += weight * index.weights[p]!;
      }
    }
    const best = collectBest(scores, touched, count, q, gather);
    return approximate ? rescore(best, query, targets, options) : best;
  });
}

function rescore(
  candidates: Neighbour[],
  query: SparseVector,
  targets: readonly SparseVector[],
  options: NeighbourOptions,
): Neighbour[] {
  return candidates
    .map(({ index }) => ({ index, score: dot(query, targets[index]!) }))
    .filter((n) => n.score >= options.minScore)
    .sort((x, y) => y.score - x.score || x.index - y.index)
    .slice(0, options.k);
}

interface InvertedIndex {
  start: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

function invertedIndex(vectors: readonly SparseVector[]): InvertedIndex {
  let maxTerm = -1;
  let total = 0;
  for (const v of vectors) {
    total += v.ids.length;
    if (v.ids.length > 0) maxTerm = Math.max(maxTerm, v.ids[v.ids.length - 1]!);
  }
  const start = new Int32Array(maxTerm + 2);
  for (const v of vectors) for (const id of v.ids) start[id + 1]!++;
  for (let t = 1; t < start.length; t++) start[t]! += start[t - 1]!;
  const fill = start.slice();
  const docs = new Int32Array(total);
  const weights = new Float64Array(total);
  vectors.forEach((v, doc) => {
    for (let k = 0; k < v.ids.length; k++) {
      const slot = fill[v.ids[k]!]!++;
      docs[slot] = doc;
      weights[slot] = v.weights[k]!;
    }
  });
  return { start, docs, weights };
}

// Keeps a small sorted list of the best k while clearing the score buffer for the next query.
function collectBest(
  scores: Float64Array,
  touched: Int32Array,
  count: number,
  query: number,
  options: NeighbourOptions,
): Neighbour[] {
  const best: Neighbour[] = [];
  for (let t = 0; t < count; t++) {
    const index = touched[t]!;
    const score = scores[index]!;
    scores[index] = 0;
    if (score < options.minScore) continue;
    if (best.length === options.k && !isBetter(score, index, best[best.length - 1]!)) continue;
    if (options.skip?.(query, index)) continue;
    let at = best.length;
    while (at > 0 && isBetter(score, index, best[at - 1]!)) at--;
    best.splice(at, 0, { index, score });
    if (best.length > options.k) best.pop();
  }
  return best;
}

function isBetter(score: number, index: number, other: Neighbour): boolean {
  return score > other.score || (score === other.score && index < other.index);
}

/**
 * The k best neighbours of each vector among its current neighbours and their neighbours (two hops in `near`),
 * scored exactly. After smoothing, vectors are several times longer and a fresh search over all of them costs far
 * more; the new nearest neighbours are almost always within two hops of the old ones.
 */
export function twoHopNeighbours(
  vectors: readonly SparseVector[],
  near: readonly Neighbour[][],
  options: NeighbourOptions,
): Neighbour[][] {
  let width = 0;
  for (const v of vectors) if (v.ids.length > 0) width = Math.max(width, v.ids[v.ids.length - 1]! + 1);
  const dense = new Float64Array(width);
  const stamp = new Int32Array(vectors.length).fill(-1);
  return vectors.map((query, q) => {
    for (let k = 0; k < query.ids.length; k++) dense[query.ids[k]!] = query.weights[k]!;
    const best: Neighbour[] = [];
    const consider = (t: number) => {
      if (t === q || stamp[t] === q || options.skip?.(q, t)) return;
      stamp[t] = q;
      const target = vectors[t]!;
      let score = 0;
      for (let k = 0; k < target.ids.length; k++) score += dense[target.ids[k]!]! * target.weights[k]!;
      if (score < options.minScore) return;
      if (best.length === options.k && !isBetter(score, t, best[best.length - 1]!)) return;
      let at = best.length;
      while (at > 0 && isBetter(score, t, best[at - 1]!)) at--;
      best.splice(at, 0, { index: t, score });
      if (best.length > options.k) best.pop();
    };
    for (const { index } of near[q]!) {
      consider(index);
      for (const second of near[index]!) consider(second.index);
    }
    for (let k = 0; k < query.ids.length; k++) dense[query.ids[k]!] = 0;
    return best;
  });
}
