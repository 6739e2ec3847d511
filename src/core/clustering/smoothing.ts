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
): SparseVector[] {
  if (share <= 0) return [...vectors];
  return vectors.map((vector, i) => {
    const sum = new Map<number, number>();
    addInto(sum, vector);
    for (const { index, score } of neighbours[i]!) addInto(sum, vectors[index]!, share * score);
    return unitVector(sum);
  });
}
