/**
 * Round 5 experiments (README, "Round 5"): scores a few engine option sets on the development sets only (full text and
 * the mean of seeded 75 % subsets), and on the held-out sets only when asked, plus the planted workshops.
 *
 *   node test/tools/eval-round5.ts [--held-out] [--subsets N] [--only "A;B"]
 */
import type { AnalyzeOptions } from "../../src/core/clustering/index.ts";
import { engineScore, plantedWorkshop, reportPlanted } from "./eval-cluster.ts";
import { loadPlantedSets, loadRealSets, projectSubset } from "./real-sets.ts";

export const ROUND5: [string, AnalyzeOptions][] = [
  ["default", {}],
  ["C1 BM25 term frequency", { tfidf: { tf: "bm25" } }],
  ["C2 two-word phrases", { text: { phrases: true } }],
  ["C3 lemmas instead of Porter stems", { text: { stemming: "lemma" } }],
  ["C4 word prefixes (5 letters, weight 0.5)", { tfidf: { prefix: { length: 5, weight: 0.5 } } }],
  ["M diagnostic: max size 20", { maxSize: 20 }],
];

const args = process.argv.slice(2);
const heldOut = args.includes("--held-out");
const subsets = args.includes("--subsets") ? Number(args[args.indexOf("--subsets") + 1]) : 12;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1]!.split(";") : undefined;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

if (import.meta.main) {
  const sets = loadRealSets().filter((s) => s.heldOut === heldOut);
  const planted = [plantedWorkshop(loadRealSets()), ...loadPlantedSets()];
  console.log(`| variant | ${sets.map((s) => s.name).join(" | ")} | mean |`);
  for (const [label, options] of ROUND5.filter(([l]) => !only || only.some((o) => l.startsWith(o)))) {
    const started = performance.now();
    const cells = sets.map((s) => {
      const full = engineScore(s, options).ari;
      const sub = mean(
        Array.from({ length: subsets }, (_, i) => engineScore(projectSubset(s, 0.75, i + 1), options).ari),
      );
      return [full, sub] as const;
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(
      `| ${label} | ${cells.map(([f, s]) => `${f.toFixed(3)} / ${s.toFixed(3)}`).join(" | ")} | ${mean(cells.flat()).toFixed(3)} | (${seconds} s)`,
    );
    for (const p of planted) console.log(`  - ${reportPlanted(p, options)}`);
  }
}
