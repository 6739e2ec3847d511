import { seededRandom } from "./rng.ts";
import type { SimilarityModel } from "./similarity.ts";
import { addInto, dotWithSum, type SparseVector, unitVector } from "./sparse.ts";

/**
 * Null-distribution outlier test (round 5, off by default): is a result tied to its cluster more than a result with
 * the same number and weights of terms, drawn at random from the workshop's vocabulary (by document frequency),
 * would be? A member whose mean text similarity to the cluster's results from other projects is not above
 * `margin` × the `quantile` of `draws` such shuffled vectors leaves the cluster.
 */
export interface NullTestOptions {
  draws: number;
  quantile: number;
  margin: number;
  seed: number;
}

export const DEFAULT_NULL_TEST: NullTestOptions = { draws: 0, quantile: 0.95, margin: 1, seed: 5 };

export function dropChanceMembers(
  labels: Int32Array,
  groups: ReadonlyMap<number, number[]>,
  model: SimilarityModel,
  options: NullTestOptions,
): Int32Array {
  if (options.draws <= 0) return labels;
  const out = labels.slice();
  const pool = termPool(model.vectors);
  if (pool.length === 0) return out;
  for (const [label, members] of groups) {
    for (const i of members) {
      if (model.extra[i]!.some(({ index }) => labels[index] === label)) continue;
      const others = members.filter((j) => j !== i && model.projects?.of[j] !== model.projects?.of[i]);
      if (others.length === 0) continue;
      const sum = new Map<number, number>();
      for (const j of others) addInto(sum, model.vectors[j]!);
      const observed = dotWithSum(model.vectors[i]!, sum) / others.length;
      const random = seededRandom(options.seed * 100_003 + i);
      const nulls = Array.from(
        { length: options.draws },
        () => dotWithSum(shuffled(model.vectors[i]!, pool, random), sum) / others.length,
      ).sort((a, b) => a - b);
      const bar = nulls[Math.min(nulls.length - 1, Math.floor(options.quantile * nulls.length))]!;
      if (observed <= options.margin * bar) out[i] = -1;
    }
  }
  return out;
}

// Every term once per result that uses it: drawing from this list draws terms by document frequency.
function termPool(vectors: readonly SparseVector[]): Int32Array {
  const ids: number[] = [];
  for (const v of vectors) for (const id of v.ids) ids.push(id);
  return Int32Array.from(ids);
}

function shuffled(vector: SparseVector, pool: Int32Array, random: () => number): SparseVector {
  const entries = new Map<number, number>();
  for (const weight of vector.weights) {
    const id = pool[Math.floor(random() * pool.length)]!;
    entries.set(id, (entries.get(id) ?? 0) + weight);
  }
  return unitVector(entries);
}
