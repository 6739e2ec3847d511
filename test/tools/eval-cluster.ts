/**
 * npm run eval:cluster — adjusted Rand index (ARI) of the clustering against planted clusters.
 * Three sources: seeded synthetic workshops (test/tools/synthetic.ts), a hand-written workshop of realistic
 * result descriptions used while choosing the method (test/fixtures/workshops/realistic.json), and a second
 * hand-written workshop from other domains kept for confirmation only (realistic-heldout.json).
 * Prints text only / interest only / combined, then one line per text-processing choice, so each choice is kept
 * only if it measurably helps on the development sets — and the held-out column then tells whether it generalises.
 *
 *   npm run eval:cluster             all tables
 *   npm run eval:cluster -- --quick  signals table only
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

type Source = "synthetic" | "realistic" | "heldout";

const SYNTHETIC_SEEDS = [1, 2, 3, 4];

function fixture(name: string): Case {
  const parsed = JSON.parse(
    readFileSync(new URL(`../fixtures/workshops/${name}.json`, import.meta.url), "utf8"),
  ) as WorkshopInput & { plant: Record<string, string> };
  return { name, workshop: parsed, plant: parsed.plant };
}

const sources: Record<Source, Case[]> = {
  synthetic: SYNTHETIC_SEEDS.map((seed) => ({
    name: `synthetic-${seed}`,
    ...generateWorkshop({ results: 300, clusters: 50, seed }),
  })),
  realistic: [fixture("realistic")],
  heldout: [fixture("realistic-heldout")],
};

const TEXT_ONLY: AnalyzeOptions = { weights: { interest: 0, complementarity: 0 } };
const INTEREST_ONLY: AnalyzeOptions = { weights: { text: 0, complementarity: 0 } };

/** How a workshop is changed before clustering: real workshops often come with few or no interests. */
type Scenario = (w: WorkshopInput) => WorkshopInput;

const withInterestsOf = (w: WorkshopInput, keep: (project: string) => boolean): WorkshopInput => ({
  ...w,
  interests: (w.interests ?? []).filter((i) => keep(i.project)),
});

// Every other project (by id) keeps its interests.
const HALF_INTERESTS: Scenario = (w) => {
  const kept = new Set(
    w.projects
      .map((p) => p.id)
      .sort()
      .filter((_, k) => k % 2 === 0),
  );
  return withInterestsOf(w, (p) => kept.has(p));
};
const NO_INTERESTS: Scenario = (w) => withInterestsOf(w, () => false);

const SIGNALS: [string, AnalyzeOptions, Scenario?][] = [
  ["text only", TEXT_ONLY],
  ["interest only", INTEREST_ONLY],
  ["text + complementarity", { weights: { interest: 0 } }],
  ["combined (default)", {}],
  ["combined, half the projects' interests dropped", {}, HALF_INTERESTS],
  ["combined, no interests filled in", {}, NO_INTERESTS],
];

const ABLATIONS: [string, AnalyzeOptions, Scenario?][] = [
  ["default", {}],
  ["domain lexicon topics: off", { tfidf: { topicWeight: 0 } }],
  ["domain lexicon topics ×1 (default ×2)", { tfidf: { topicWeight: 1 } }],
  ["lexicon broad areas ×0.5 too", { tfidf: { areaWeight: 0.5 } }],
  ["TF: BM25 saturation (k1 = 1.2)", { tfidf: { tf: "bm25" } }],
  ["TF: raw counts", { tfidf: { tf: "raw" } }],
  ["word prefixes (5 letters, ×0.5)", { tfidf: { prefix: { length: 5, weight: 0.5 } } }],
  ["stemming: none", { text: { stemming: "none" } }],
  ["stemming: lemma", { text: { stemming: "lemma" } }],
  ["phrases: on (two-word terms)", { text: { phrases: true } }],
  ["generic project words kept", { text: { genericStopWords: false } }],
  ["IDF: plain log(N/df)", { tfidf: { idf: "plain" } }],
  ["IDF: none", { tfidf: { idf: "none" } }],
  [
    "fields: needs text counted too",
    { tfidf: { fieldWeights: { title: 1, description: 1, keywords: 1, usp: 1, market: 1, needs: 1 } } },
  ],
  ["shared-keyword bonus: off", { tfidf: { keywordBonus: 0 } }],
  ["neighbour smoothing (pseudo-feedback)", { neighbours: { smoothing: 1 } }],
  ["text neighbours k = 10 (default 5)", { neighbours: { k: 10 } }],
  ["same-project links damped ×0.5", { sameProjectFactor: 0.5 }],
  ["signals averaged (÷ sum of weights)", { signalScale: "sum" }],
  ["interest weight scaled by coverage", { interestCoverage: true }],
  ["complementarity weight 0.6 (default 0.3)", { weights: { complementarity: 0.6 } }],
  ["least attachment 0.08 (default 0.05)", { minAttachment: 0.08 }],
  ["granularity fine (finest within 10 % silhouette)", { granularity: "fine" }],
];

interface Score {
  ari: number;
  best: number;
  clusters: number;
}

function ariOf(c: Case, options: AnalyzeOptions, scenario?: Scenario): Score {
  const { analysis, diagnostics } = analyzeWorkshopDetailed(scenario ? scenario(c.workshop) : c.workshop, options);
  const ids = Object.keys(c.plant).sort();
  const truth = ids.map((id) => c.plant[id]!);
  const ari = adjustedRandIndex(truth, predictedLabels(ids, analysis));
  const sortedTruth = diagnostics.resultIds.map((id) => c.plant[id]!);
  const best = Math.max(...diagnostics.trials.map((t) => adjustedRandIndex(sortedTruth, [...t.labels].map(String))));
  return { ari, best, clusters: analysis.clusters.length };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function merged(options: AnalyzeOptions, base: AnalyzeOptions): AnalyzeOptions {
  return {
    ...base,
    ...options,
    weights: { ...base.weights, ...options.weights },
    text: { ...base.text, ...options.text },
    tfidf: { ...base.tfidf, ...options.tfidf },
    neighbours: { ...base.neighbours, ...options.neighbours },
    complementarity: { ...base.complementarity, ...options.complementarity },
    community: { ...base.community, ...options.community },
  };
}

function row(label: string, options: AnalyzeOptions, base: AnalyzeOptions, scenario?: Scenario): string {
  const combined = merged(options, base);
  const cells = (Object.keys(sources) as Source[]).flatMap((source) => {
    const scores = sources[source].map((c) => ariOf(c, combined, scenario));
    return [mean(scores.map((s) => s.ari)).toFixed(3), mean(scores.map((s) => s.best)).toFixed(3)];
  });
  return `| ${label.padEnd(48)} | ${cells.join(" | ")} |`;
}

const header = `| ${"variant".padEnd(48)} | synthetic | (best res.) | realistic | (best res.) | held-out | (best res.) |\n|${"-".repeat(50)}|---:|---:|---:|---:|---:|---:|`;

function table(
  title: string,
  rows: [string, AnalyzeOptions, Scenario?][],
  base: AnalyzeOptions = {},
  scenario?: Scenario,
): void {
  console.log(`\n${title}\n`);
  console.log(header);
  for (const [label, options, own] of rows) console.log(row(label, options, base, own ?? scenario));
}

console.log(
  `Synthetic: ${SYNTHETIC_SEEDS.length} workshops of 300 results / 50 planted clusters (seeds ${SYNTHETIC_SEEDS.join(", ")}), mean ARI.`,
);
console.log(
  "Realistic: 40 hand-written results, 10 themes + 3 outliers (realistic.json). Held-out: 52 hand-written results, 12 other themes + 3 outliers (realistic-heldout.json), not used to choose anything. '(best res.)': ARI of the best raw Louvain partition tried, before constraints.",
);
table("Signals", SIGNALS);
if (!process.argv.includes("--quick")) {
  // Rows that change the signal weights would not be text only.
  table(
    "Text-processing choices (text only)",
    ABLATIONS.filter(([, options]) => !options.weights),
    TEXT_ONLY,
  );
  table("Text-processing choices (combined)", ABLATIONS);
  table("Text-processing choices (combined, no interests filled in)", ABLATIONS, {}, NO_INTERESTS);
}
