/**
 * node test/tools/eval-ceiling.ts — what the labels permit: supervised, leave-one-out figures on every real set.
 *
 * The true groups are used to BUILD each partition here, so these are upper-bound-ish figures of what a
 * representation can separate, not a method: an unsupervised engine is not expected to exceed them.
 * For every real set (development and held-out, full text):
 *   - nearest centroid: each result goes to the group whose centroid, computed without that result, is most
 *     cosine-similar; ARI of that partition against the true one. With TF-IDF (own tokeniser, baselines.ts), with the
 *     stored sentence-encoder vectors (test/fixtures/real/encoded/use.json), and with the blend the engine builds from
 *     them (`embeddings` option: centred, unit-length encoder vectors appended so that a dot product is
 *     (1 − share)·cos(TF-IDF) + share·cos(encoder)) at share 0.1 (best measured) and 0.5 (the option's default);
 *   - 1-NN and 5-NN majority (ties to the nearer neighbour), TF-IDF and encoder: accuracy and ARI.
 * Twice: leaving the result out, and leaving its whole project out (on the NSF sets each project's results are
 * near-copies of one another, so leaving only the result out lets its sibling give the answer away).
 */
import { adjustedRandIndex } from "./ari.ts";
import { tfidfMatrix } from "./baselines.ts";
import { loadEncoded } from "./encoded-vectors.ts";
import { type LabelledWorkshop, loadRealSets, textOf } from "./real-sets.ts";

type Vec = Float64Array;

const dotOf = (a: Vec, b: Vec) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

function unit(v: Vec): Vec {
  const n = Math.sqrt(dotOf(v, v));
  return n > 0 ? v.map((x) => x / n) : v;
}

/** Centred on the set's mean, unit length: what the engine does with encoder vectors. */
function centred(rows: Vec[]): Vec[] {
  const width = rows[0]!.length;
  const mean = new Float64Array(width);
  for (const r of rows) for (let c = 0; c < width; c++) mean[c]! += r[c]! / rows.length;
  return rows.map((r) => unit(r.map((x, c) => x - mean[c]!)));
}

function blend(tfidf: Vec[], encoder: Vec[], share: number): Vec[] {
  return tfidf.map((t, i) => {
    const e = encoder[i]!;
    const out = new Float64Array(t.length + e.length);
    const a = Math.sqrt(1 - share);
    const b = Math.sqrt(share);
    for (let c = 0; c < t.length; c++) out[c] = a * t[c]!;
    for (let c = 0; c < e.length; c++) out[t.length + c] = b * e[c]!;
    return out;
  });
}

/** Leave-one-out nearest centroid; `excluded(i, j)` = j may not count for i's centroids. */
function nearestCentroid(rows: Vec[], truth: string[], excluded: (i: number, j: number) => boolean): string[] {
  const groups = [...new Set(truth)].sort();
  return rows.map((x, i) => {
    let best = { group: `none:${i}`, score: Number.NEGATIVE_INFINITY };
    for (const g of groups) {
      const centroid = new Float64Array(x.length);
      let count = 0;
      truth.forEach((t, j) => {
        if (t !== g || j === i || excluded(i, j)) return;
        const r = rows[j]!;
        for (let c = 0; c < r.length; c++) centroid[c]! += r[c]!;
        count++;
      });
      if (count === 0) continue;
      const norm = Math.sqrt(dotOf(centroid, centroid));
      const score = norm > 0 ? dotOf(x, centroid) / norm : 0;
      if (score > best.score) best = { group: g, score };
    }
    return best.group;
  });
}

/** Leave-one-out k-NN majority vote (a tie goes to the group of the nearer neighbour). */
function nearestNeighbours(
  rows: Vec[],
  truth: string[],
  k: number,
  excluded: (i: number, j: number) => boolean,
): string[] {
  return rows.map((x, i) => {
    const order = rows
      .map((r, j) => ({ j, s: dotOf(x, r) }))
      .filter(({ j }) => j !== i && !excluded(i, j))
      .sort((a, b) => b.s - a.s || a.j - b.j)
      .slice(0, k);
    const votes = new Map<string, { n: number; first: number }>();
    order.forEach(({ j }, rank) => {
      const v = votes.get(truth[j]!) ?? { n: 0, first: rank };
      v.n++;
      votes.set(truth[j]!, v);
    });
    return [...votes.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)[0]![0];
  });
}

const accuracy = (truth: string[], predicted: string[]) =>
  truth.filter((t, i) => t === predicted[i]).length / truth.length;

interface Ceiling {
  set: string;
  heldOut: boolean;
  n: number;
  k: number;
  cells: Record<string, number>;
}

const use = loadEncoded("use");

export function ceilings(set: LabelledWorkshop, projectOut: boolean): Ceiling {
  const results = [...set.workshop.results].sort((a, b) => (a.id < b.id ? -1 : 1));
  const truth = results.map((r) => set.plant[r.id] ?? `alone:${r.id}`);
  const project = results.map((r) => r.project);
  const tfidf = tfidfMatrix(results.map((r) => ({ id: r.id, text: textOf(r) })));
  const ari = (p: string[]) => adjustedRandIndex(truth, p);
  const excluded = projectOut ? (i: number, j: number) => project[i] === project[j] : () => false;
  const cells: Record<string, number> = { "NC TF-IDF": ari(nearestCentroid(tfidf, truth, excluded)) };
  const encoded = use?.(results);
  const encoder =
    encoded && results.every((r) => encoded.has(r.id))
      ? centred(results.map((r) => Float64Array.from(encoded.get(r.id)!)))
      : undefined;
  if (encoder) {
    cells["NC encoder"] = ari(nearestCentroid(encoder, truth, excluded));
    cells["NC blend 0.1"] = ari(nearestCentroid(blend(tfidf, encoder, 0.1), truth, excluded));
    cells["NC blend 0.5"] = ari(nearestCentroid(blend(tfidf, encoder, 0.5), truth, excluded));
  }
  const spaces: [string, Vec[]][] = [["TF-IDF", tfidf], ...(encoder ? [["encoder", encoder] as [string, Vec[]]] : [])];
  for (const [name, rows] of spaces)
    for (const k of [1, 5]) {
      const p = nearestNeighbours(rows, truth, k, excluded);
      cells[`${k}-NN ${name} acc.`] = accuracy(truth, p);
      cells[`${k}-NN ${name} ARI`] = ari(p);
    }
  return { set: set.name, heldOut: set.heldOut, n: results.length, k: new Set(truth).size, cells };
}

function print(rows: Ceiling[]): void {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.cells)))];
  console.log(`| set | n | groups | ${columns.join(" | ")} |`);
  console.log(`|---|---:|---:|${columns.map(() => "---:").join("|")}|`);
  for (const r of rows)
    console.log(
      `| ${r.set}${r.heldOut ? " (held out)" : ""} | ${r.n} | ${r.k} | ${columns.map((c) => r.cells[c]?.toFixed(3) ?? "–").join(" | ")} |`,
    );
  const avg = (held: boolean, c: string) => {
    const xs = rows.filter((r) => r.heldOut === held && r.cells[c] !== undefined).map((r) => r.cells[c]!);
    return (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3);
  };
  console.log(`| development mean | | | ${columns.map((c) => avg(false, c)).join(" | ")} |`);
  console.log(`| held-out mean | | | ${columns.map((c) => avg(true, c)).join(" | ")} |`);
}

if (import.meta.main) {
  const sets = loadRealSets();
  console.log(
    "Supervised (true labels build the partition); ARI unless marked acc. (accuracy). NC = nearest centroid.\n",
  );
  console.log("Leave one result out:\n");
  print(sets.map((s) => ceilings(s, false)));
  console.log(
    "\nLeave the result's whole project out (its own other results count neither for centroids nor as neighbours):\n",
  );
  print(sets.map((s) => ceilings(s, true)));
}
