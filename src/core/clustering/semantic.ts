import { seededRandom } from "./rng.ts";
import { type SparseVector, unitVector } from "./sparse.ts";

/**
 * Latent semantic analysis (truncated SVD of the TF-IDF matrix) without a numeric library: a randomized range
 * finder (Halko, Martinsson & Tropp 2011) with power iterations over the sparse rows, then the eigen-decomposition of
 * a small (d+p)×(d+p) matrix by Jacobi rotations. Words that occur in the same results end up on the same axes, so
 * two results that say the same thing with different words get a positive similarity. Cost: a few passes over the
 * non-zeros times (d+p), plus O(n·(d+p)²); memory O(n·(d+p)).
 */
export interface LsaOptions {
  /** Dimensions kept (capped by the number of results / 2). */
  dimensions: number;
  oversampling: number;
  powerIterations: number;
  seed: number;
}

export const DEFAULT_LSA_OPTIONS: LsaOptions = { dimensions: 64, oversampling: 10, powerIterations: 2, seed: 11 };

type Dense = Float64Array[];

/** Row i: result i's coordinates in the latent space, unit length (empty rows stay zero). */
export function lsaVectors(rows: readonly SparseVector[], terms: number, options: LsaOptions): Dense {
  const n = rows.length;
  const d = Math.max(1, Math.min(options.dimensions, Math.floor(n / 2), terms));
  const width = Math.min(d + options.oversampling, n, terms);
  if (n < 3 || width < 2) return rows.map(() => new Float64Array(1));
  const random = seededRandom(options.seed);
  const gaussian = () => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  // Ω: terms × width, Y = X Ω (n × width).
  const omega = Array.from({ length: terms }, () => Float64Array.from({ length: width }, gaussian));
  let q = orthonormalColumns(multiplyRows(rows, omega, width));
  for (let it = 0; it < options.powerIterations; it++) {
    q = orthonormalColumns(multiplyRows(rows, orthonormalColumns(transposeMultiply(rows, q, terms, width)), width));
  }
  // B = Qᵀ X (width × terms); B Bᵀ = V Λ Vᵀ; document coordinates U Σ = Q V Σ (Σ = √Λ), scaled per axis.
  const b = transposeMultiply(rows, q, terms, width); // terms × width, i.e. Bᵀ
  const gram = Array.from({ length: width }, () => new Float64Array(width));
  for (const row of b)
    for (let i = 0; i < width; i++) {
      const ri = row[i]!;
      if (ri === 0) continue;
      for (let j = i; j < width; j++) gram[i]![j]! += ri * row[j]!;
    }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) gram[i]![j] = gram[j]![i]!;
  const { values, vectors } = symmetricEigen(gram);
  const order = [...values.keys()].sort((x, y) => values[y]! - values[x]!).slice(0, d);
  return q.map((qi) => {
    const out = new Float64Array(order.length);
    order.forEach((k, c) => {
      let s = 0;
      for (let j = 0; j < width; j++) s += qi[j]! * vectors[j]![k]!;
      out[c] = s * Math.sqrt(Math.max(values[k]!, 0));
    });
    const norm = Math.hypot(...out);
    if (norm > 0) for (let c = 0; c < out.length; c++) out[c]! /= norm;
    return out;
  });
}

function multiplyRows(rows: readonly SparseVector[], right: Dense, width: number): Dense {
  return rows.map((row) => {
    const out = new Float64Array(width);
    for (let k = 0; k < row.ids.length; k++) {
      const w = row.weights[k]!;
      const r = right[row.ids[k]!]!;
      for (let j = 0; j < width; j++) out[j]! += w * r[j]!;
    }
    return out;
  });
}

/** Xᵀ Q: terms × width. */
function transposeMultiply(rows: readonly SparseVector[], q: Dense, terms: number, width: number): Dense {
  const out = Array.from({ length: terms }, () => new Float64Array(width));
  rows.forEach((row, i) => {
    const qi = q[i]!;
    for (let k = 0; k < row.ids.length; k++) {
      const w = row.weights[k]!;
      const o = out[row.ids[k]!]!;
      for (let j = 0; j < width; j++) o[j]! += w * qi[j]!;
    }
  });
  return out;
}

/** Modified Gram–Schmidt on the columns of an m × w matrix stored by rows. */
function orthonormalColumns(matrix: Dense): Dense {
  const m = matrix.length;
  const w = matrix[0]?.length ?? 0;
  const out = matrix.map((r) => Float64Array.from(r));
  for (let c = 0; c < w; c++) {
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let i = 0; i < m; i++) dot += out[i]![c]! * out[i]![p]!;
      for (let i = 0; i < m; i++) out[i]![c]! -= dot * out[i]![p]!;
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += out[i]![c]! ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < m; i++) out[i]![c] = norm > 1e-12 ? out[i]![c]! / norm : 0;
  }
  return out;
}

/** Cyclic Jacobi eigen-decomposition of a small symmetric matrix: values and column eigenvectors. */
export function symmetricEigen(input: Dense): { values: Float64Array; vectors: Dense } {
  const n = input.length;
  const a = input.map((r) => Float64Array.from(r));
  const v = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: Float64Array.from(a, (row, i) => row[i]!), vectors: v };
}

/**
 * Appends the latent coordinates to each sparse TF-IDF vector as extra dimensions (ids from `offset` on), weighted
 * so that the dot product of two results is (1 − share)·cos(TF-IDF) + share·cos(LSA). The engine's neighbour search,
 * silhouettes and cluster sums then use the blend without knowing about it.
 */
export function blendVectors(
  sparse: readonly SparseVector[],
  latent: Dense,
  offset: number,
  share: number,
): SparseVector[] {
  if (share <= 0) return [...sparse];
  const a = Math.sqrt(1 - share);
  const b = Math.sqrt(share);
  return sparse.map((v, i) => {
    const entries = new Map<number, number>();
    for (let k = 0; k < v.ids.length; k++) entries.set(v.ids[k]!, a * v.weights[k]!);
    const l = latent[i]!;
    for (let c = 0; c < l.length; c++) if (l[c] !== 0) entries.set(offset + c, b * l[c]!);
    return signedUnit(entries);
  });
}

// unitVector drops non-positive weights (TF-IDF is never negative); latent coordinates are signed.
function signedUnit(entries: Map<number, number>): SparseVector {
  const ids = [...entries.keys()].filter((id) => entries.get(id) !== 0).sort((x, y) => x - y);
  const weights = Float64Array.from(ids, (id) => entries.get(id)!);
  const norm = Math.hypot(...weights);
  if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
  return ids.length ? { ids: Int32Array.from(ids), weights } : unitVector(new Map());
}
