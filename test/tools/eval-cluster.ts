/**
 * npm run eval:cluster — adjusted Rand index (ARI) of the clustering against planted clusters.
 * Two sources: seeded synthetic workshops (test/tools/synthetic.ts) and a hand-written workshop of realistic
 * result descriptions (test/fixtures/workshops/realistic.json). Prints text only / interest only / combined,
 * then one line per text-processing choice, so each choice is kept only if it measurably helps.
 */
import { readFileSync } from "node:fs";
import { type AnalyzeOptions, analyzeWorkshopDetailed, type WorkshopInput } from "../../src/core/clustering/index.ts";
import { adjustedRandIndex, predictedLabels } from "./ari.ts";
import { generateWorkshop } from "./synthetic.ts";

interface Case {
  name: string;
  workshop: WorkshopInput;
  plant: Record<string, string>;
}

const SYNTHETIC_SEEDS = [1, 2, 3, 4];
const realistic = JSON.parse(
  readFileSync(new URL("../fixtures/workshops/realistic.json", import.meta.url), "utf8"),
) as Case["workshop"] & { plant: Record<string, string> };
const cases: Case[] = [
  ...SYNTHETIC_SEEDS.map((seed) => ({
    name: `synthetic-${seed}`,
    ...generateWorkshop({ results: 300, clusters: 50, seed }),
  })),
  { name: "realistic", workshop: realistic, plant: realistic.plant },
];

const TEXT_ONLY: AnalyzeOptions = { weights: { interest: 0, complementarity: 0 } };
const INTEREST_ONLY: AnalyzeOptions = { weights: { text: 0, complementarity: 0 } };

const SIGNALS: [string, AnalyzeOptions][] = [
  ["text only", TEXT_ONLY],
  ["interest only", INTEREST_ONLY],
  ["text + complementarity", { weights: { interest: 0 } }],
  ["combined (default)", {}],
];

const ABLATIONS: [string, AnalyzeOptions][] = [
  ["default (Porter stems, no phrases, smooth IDF)", {}],
  ["stemming: none", { text: { stemming: "none" } }],
  ["stemming: lemma", { text: { stemming: "lemma" } }],
  ["phrases: on (two-word terms)", { text: { phrases: true } }],
  ["generic project words kept", { text: { genericStopWords: false } }],
  ["IDF: plain log(N/df)", { tfidf: { idf: "plain" } }],
  ["IDF: probabilistic", { tfidf: { idf: "probabilistic" } }],
  ["IDF: none", { tfidf: { idf: "none" } }],
  [
    "fields: title ×2, keywords ×2, market ×0.5",
    { tfidf: { fieldWeights: { title: 2, description: 1, keywords: 2, usp: 1, market: 0.5, needs: 0 } } },
  ],
  [
    "fields: needs text counted too",
    { tfidf: { fieldWeights: { title: 1, description: 1, keywords: 1, usp: 1, market: 1, needs: 1 } } },
  ],
  ["shared-keyword bonus: off", { tfidf: { keywordBonus: 0 } }],
  ["neighbour smoothing (pseudo-feedback)", { neighbours: { smoothing: 1 } }],
  ["text neighbours k = 10 (default 5)", { neighbours: { k: 10 } }],
  ["same-project links damped ×0.5", { sameProjectFactor: 0.5 }],
];

function ariOf(c: Case, options: AnalyzeOptions): { ari: number; best: number; clusters: number } {
  const { analysis, diagnostics } = analyzeWorkshopDetailed(c.workshop, options);
  const ids = Object.keys(c.plant).sort();
  const truth = ids.map((id) => c.plant[id]!);
  const ari = adjustedRandIndex(truth, predictedLabels(ids, analysis));
  const sortedTruth = diagnostics.resultIds.map((id) => c.plant[id]!);
  const best = Math.max(...diagnostics.trials.map((t) => adjustedRandIndex(sortedTruth, [...t.labels].map(String))));
  return { ari, best, clusters: analysis.clusters.length };
}

function row(label: string, options: AnalyzeOptions, merge: AnalyzeOptions = {}): string {
  const combined = { ...merge, ...options, weights: { ...merge.weights, ...options.weights } };
  const scores = cases.map((c) => ariOf(c, combined));
  const synthetic = scores.slice(0, SYNTHETIC_SEEDS.length);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const real = scores[scores.length - 1]!;
  return `| ${label.padEnd(48)} | ${mean(synthetic.map((s) => s.ari)).toFixed(3)} | ${mean(synthetic.map((s) => s.best)).toFixed(3)} | ${real.ari.toFixed(3)} | ${real.best.toFixed(3)} |`;
}

const header = `| ${"variant".padEnd(48)} | synthetic ARI | (best resolution) | realistic ARI | (best resolution) |\n|${"-".repeat(50)}|---:|---:|---:|---:|`;

console.log(
  `Synthetic: ${SYNTHETIC_SEEDS.length} workshops of 300 results / 50 planted clusters (seeds ${SYNTHETIC_SEEDS.join(", ")}), mean ARI.`,
);
console.log(
  "Realistic: 40 hand-written results (test/fixtures/workshops/realistic.json), 10 themes + 3 outliers. '(best resolution)': ARI of the best raw Louvain partition tried, before constraints.\n",
);
console.log("Signals\n");
console.log(header);
for (const [label, options] of SIGNALS) console.log(row(label, options));
console.log("\nText-processing choices (text only)\n");
console.log(header);
for (const [label, options] of ABLATIONS) console.log(row(label, options, TEXT_ONLY));
console.log("\nText-processing choices (combined)\n");
console.log(header);
for (const [label, options] of ABLATIONS) console.log(row(label, options));
