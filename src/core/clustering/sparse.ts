/** A sparse vector: term ids in ascending order with their weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

export const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), weights: new Float64Array(0) };

/** Builds a vector from (id → weight) pairs, dropping zeros, scaled to unit length. */
export function unitVector(entries: Map<number, number>): SparseVector {
  const ids = [...entries.keys()].filter((id) => entries.get(id)! > 0).sort((a, b) => a - b);
  const weights = new Float64Array(ids.map((id) => entries.get(id)!));
  let squares = 0;
  for (const w of weights) squares += w * w;
  const norm = Math.sqrt(squares);
  if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
  return { ids: Int32Array.from(ids), weights };
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Ids present in both vectors with the product of their weights, strongest first. */
export function sharedIds(a: SparseVector, b: SparseVector): { id: number; weight: number }[] {
  const shared: { id: number; weight: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) shared.push({ id: x, weight: a.weights[i++]! * b.weights[j++]! });
    else if (x < y) i++;
    else j++;
  }
  return shared.sort((p, q) => q.weight - p.weight || p.id - q.id);
}

/** Adds `scale × vector` into a running sum (e.g. a cluster centroid). */
export function addInto(sum: Map<number, number>, vector: SparseVector, scale = 1): void {
  for (let k = 0; k < vector.ids.length; k++) {
    const id = vector.ids[k]!;
    sum.set(id, (sum.get(id) ?? 0) + scale * vector.weights[k]!);
  }
}

export function dotWithSum(vector: SparseVector, sum: Map<number, number>): number {
  let total = 0;
  for (let k = 0; k < vector.ids.length; k++) total += vector.weights[k]! * (sum.get(vector.ids[k]!) ?? 0);
  return total;
}
