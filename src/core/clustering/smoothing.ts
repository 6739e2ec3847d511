import type { Neighbour } from "./neighbours.ts";
import { addInto, type SparseVector, unitVector } from "./sparse.ts";

/**
 * Pseudo-relevance feedback: each vector borrows a little of its nearest neighbours' terms, so two results
 * that describe the same thing with different words (synonyms) meet through the results that use both.
 */
export function smoothVectors(
  vectors: readonly SparseVector[],
  neighbours: readonly Neighbour[][],
  share: number,
  keep = Number.POSITIVE_INFINITY,
): SparseVector[] {
  if (share <= 0) return [...vectors];
  return vectors.map((vector, i) => {
    const sum = new Map<number, number>();
    addInto(sum, vector);
    for (const { index, score } of neighbours[i]!) addInto(sum, vectors[index]!, share * score);
    return unitVector(strongest(sum, Math.max(vector.ids.length, keep)));
  });
}

// Borrowed terms make vectors several times longer, and every later step pays for their length: only the heaviest
// terms are kept (the result's own terms weigh most, so they stay unless it has very many).
function strongest(sum: Map<number, number>, keep: number): Map<number, number> {
  if (sum.size <= keep) return sum;
  const sorted = [...sum].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  return new Map(sorted.slice(0, keep));
}
