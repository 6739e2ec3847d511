/**
 * npm run eval:cluster — how well the engine groups real text nobody here wrote, beside two reference methods.
 *
 * For every real set (test/fixtures/real/, grouping chosen by others; held-out sets marked) and every variant
 * (full text, an unordered list of terms, titles only, 75 % of the projects: mean and worst of 12 seeded subsets)
 * it prints the adjusted Rand index (ARI) of
 *   - the engine (default options),
 *   - TF-IDF + average linkage told the true number of groups,
 *   - a TF-IDF 10-nearest-neighbour graph + Louvain with the resolution chosen by silhouette (no k),
 * and the number of clusters found against the true number. Then the planted workshops (groups of one set plus
 * unrelated results: one built here from the Debian sets, and every file in test/fixtures/real/planted/): clusters
 * found vs planted and how many unrelated results stay out.
 * Then the ablation: what each engine component adds or costs on the real sets.
 *
 *   npm run eval:cluster                 everything
 *   npm run eval:cluster -- --quick      main table only (full text and 75 % subsets)
 *   npm run eval:cluster -- --set NAME   one set
 *   npm run eval:cluster -- --planted    the planted workshops only
 *   npm run eval:cluster -- --no-ablation                 everything but the ablation
 *   npm run eval:cluster -- --ablation-only "A;B"         only the ablation rows whose labels start with A or B
 */
import { type AnalyzeOptions, analyzeWorkshopDetailed, type WorkshopInput } from "../../src/core/clustering/index.ts";
import { adjustedRandIndex, predictedLabels } from "./ari.ts";
import { averageLinkage, cosineMatrix, knnLouvain, tfidfMatrix } from "./baselines.ts";
import {
  type LabelledWorkshop,
  loadPlantedSets,
  loadRealSets,
  projectSubset,
  termsOnly,
  textOf,
  titlesOnly,
} from "./real-sets.ts";

const TITLE_ONCE = { title: 1, description: 1, keywords: 1, usp: 1, market: 1, needs: 0 };
/** The previous defaults, for comparison (same code otherwise). */
const ENGINE_2: AnalyzeOptions = {
  tfidf: { topicWeight: 2, fieldWeights: TITLE_ONCE },
  neighbours: { k: 5, smoothing: 0 },
  crossProject: false,
  relativeAttachment: 0,
};
const SUBSET_SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.includes("--set") ? args[args.indexOf("--set") + 1] : undefined;
const plantedOnly = args.includes("--planted");
const noAblation = args.includes("--no-ablation");
const ablationRows = args.includes("--ablation-only")
  ? args[args.indexOf("--ablation-only") + 1]!.split(";")
  : undefined;

interface Score {
  ari: number;
  found: number;
}

function truthOf(set: LabelledWorkshop, ids: readonly string[]): string[] {
  return ids.map((id) => set.plant[id] ?? `alone:${id}`);
}

export function engineScore(set: LabelledWorkshop, options: AnalyzeOptions = {}): Score & { unclustered: string[] } {
  const { analysis } = analyzeWorkshopDetailed(set.workshop, options);
  const ids = set.workshop.results.map((r) => r.id).sort();
  return {
    ari: adjustedRandIndex(truthOf(set, ids), predictedLabels(ids, analysis)),
    found: analysis.clusters.length,
    unclustered: analysis.unclustered.map((u) => u.result),
  };
}

function trueGroups(set: LabelledWorkshop): number {
  const ids = new Set(set.workshop.results.map((r) => r.id));
  return new Set(
    Object.entries(set.plant)
      .filter(([id]) => ids.has(id) && !set.unrelated?.includes(id))
      .map(([, g]) => g),
  ).size;
}

function baselineScores(set: LabelledWorkshop): { linkage: Score; louvain: Score } {
  const results = [...set.workshop.results].sort((a, b) => (a.id < b.id ? -1 : 1));
  const similarity = cosineMatrix(tfidfMatrix(results.map((r) => ({ id: r.id, text: textOf(r) }))));
  const truth = truthOf(
    set,
    results.map((r) => r.id),
  );
  const k = new Set(truth).size;
  const linkage = averageLinkage(similarity, k);
  const louvain = knnLouvain(similarity);
  const sized = (labels: number[]) => {
    const counts = new Map<number, number>();
    for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    return [...counts.values()].filter((c) => c >= 2).length;
  };
  return {
    linkage: { ari: adjustedRandIndex(truth, linkage.map(String)), found: sized(linkage) },
    louvain: { ari: adjustedRandIndex(truth, louvain.map(String)), found: sized(louvain) },
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const f3 = (x: number) => (x >= 0 ? " " : "") + x.toFixed(3);

interface Row {
  set: string;
  variant: string;
  engine: number;
  linkage: number;
  louvain: number;
  found: string;
  truth: string;
}

function scoreVariant(set: LabelledWorkshop, variant: string, options: AnalyzeOptions): Row {
  const engine = engineScore(set, options);
  const base = baselineScores(set);
  return {
    set: set.name,
    variant,
    engine: engine.ari,
    linkage: base.linkage.ari,
    louvain: base.louvain.ari,
    found: String(engine.found),
    truth: String(trueGroups(set)),
  };
}

function scoreSubsets(set: LabelledWorkshop, options: AnalyzeOptions): Row[] {
  const rows = SUBSET_SEEDS.map((seed) => scoreVariant(projectSubset(set, 0.75, seed), "75 %", options));
  const pick = (f: (r: Row) => number, worst: boolean) => (worst ? Math.min(...rows.map(f)) : mean(rows.map(f)));
  const found = rows.map((r) => Number(r.found));
  const truth = rows.map((r) => Number(r.truth));
  const span = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;
  return [
    {
      set: set.name,
      variant: "75 % of projects, mean of 12",
      engine: pick((r) => r.engine, false),
      linkage: pick((r) => r.linkage, false),
      louvain: pick((r) => r.louvain, false),
      found: span(found),
      truth: span(truth),
    },
    {
      set: set.name,
      variant: "75 % of projects, worst of 12",
      engine: pick((r) => r.engine, true),
      linkage: pick((r) => r.linkage, true),
      louvain: pick((r) => r.louvain, true),
      found: span(found),
      truth: span(truth),
    },
  ];
}

export function evaluateSet(set: LabelledWorkshop, options: AnalyzeOptions = {}, variants = !quick): Row[] {
  const rows = [scoreVariant(set, "full text", options)];
  if (variants) {
    rows.push(scoreVariant(termsOnly(set), "terms only", options));
    rows.push(scoreVariant(titlesOnly(set), "titles only", options));
  }
  rows.push(...scoreSubsets(set, options));
  return rows;
}

function printRows(rows: Row[], heldOut: Set<string>): void {
  console.log(
    "| set | variant | engine | TF-IDF + avg. linkage (true k) | kNN + Louvain (silhouette) | clusters found | true groups |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const name = heldOut.has(r.set) ? `${r.set} (held out)` : r.set;
    const win = r.engine > Math.max(r.linkage, r.louvain) ? " ✓" : "";
    console.log(
      `| ${name} | ${r.variant} | ${f3(r.engine)}${win} | ${f3(r.linkage)} | ${f3(r.louvain)} | ${r.found} | ${r.truth} |`,
    );
  }
}

/** Groups of one set plus unrelated results taken from far-away fields (one result from each of several groups). */
export function plantedWorkshop(sets: LabelledWorkshop[]): LabelledWorkshop {
  const base = sets.find((s) => s.name === "debian-health")!;
  const groups = [...new Set(Object.values(base.plant))].sort().slice(0, 6);
  const kept = base.workshop.results.filter((r) => groups.includes(base.plant[r.id]!));
  const far = ["debian-astro", "debian-radio", "debian-social-math"].flatMap((name) => {
    const s = sets.find((x) => x.name === name)!;
    const farGroups = [...new Set(Object.values(s.plant))].sort().slice(0, 4);
    return farGroups.map(
      (g) => s.workshop.results.filter((r) => s.plant[r.id] === g).sort((a, b) => (a.id < b.id ? -1 : 1))[0]!,
    );
  });
  const unrelated = far.map((r) => ({ ...r, project: `U-${r.project}` }));
  const results = [...kept, ...unrelated];
  const projects = [...new Set(results.map((r) => r.project))].sort().map((id) => ({ id }));
  return {
    name: "planted: 6 Debian Med groups + 12 unrelated",
    heldOut: false,
    workshop: { workshop: { name: "Planted workshop" }, projects, results, interests: [] } satisfies WorkshopInput,
    plant: Object.fromEntries([
      ...kept.map((r) => [r.id, base.plant[r.id]!]),
      ...unrelated.map((r) => [r.id, `unrelated:${r.id}`]),
    ]),
    unrelated: unrelated.map((r) => r.id),
  };
}

export function reportPlanted(planted: LabelledWorkshop, options: AnalyzeOptions = {}): string {
  const engine = engineScore(planted, options);
  const k = trueGroups(planted);
  const out = planted.unrelated!.filter((id) => engine.unclustered.includes(id)).length;
  const inRange = Math.abs(engine.found - k) <= 0.3 * k;
  const base = baselineScores(planted);
  return [
    `${planted.name}: engine ARI ${f3(engine.ari)} (baselines ${f3(base.linkage.ari)} / ${f3(base.louvain.ari)}),`,
    `clusters found ${engine.found} vs ${k} planted (${inRange ? "within" : "outside"} ±30 %),`,
    `unrelated left unclustered ${out}/${planted.unrelated!.length} (${Math.round((100 * out) / planted.unrelated!.length)} %).`,
  ].join(" ");
}

/** What the planted workshops are scored with under --planted. */
const PLANTED_VARIANTS: [string, AnalyzeOptions][] = [["default", {}]];

export const ABLATIONS: [string, AnalyzeOptions][] = [
  ["default", {}],
  ["Industry 4.0 lexicon pack on", { tfidf: { topicWeight: 2 } }],
  ["shared-keyword bonus off", { tfidf: { keywordBonus: 0 } }],
  ["complementarity off", { weights: { complementarity: 0 } }],
  ["interests off", { weights: { interest: 0 } }],
  ["no silhouette choice (resolution 1)", { community: { resolutions: [1] } }],
  ["same-project results count for attachment", { crossProject: false }],
  ["no neighbour smoothing", { neighbours: { smoothing: 0 } }],
  ["5 text neighbours instead of 10", { neighbours: { k: 5 } }],
  ["titles weigh as much as descriptions", { tfidf: { fieldWeights: { ...TITLE_ONCE } } }],
  ["relative attachment off", { relativeAttachment: 0 }],
  ["engine 2.0.0 settings", ENGINE_2],
];

function ablation(sets: LabelledWorkshop[]): void {
  console.log("\nAblation (engine ARI; full text and mean of the 12 subsets of 75 % of the projects)\n");
  console.log(
    `| variant | ${sets.map((s) => (s.heldOut ? `${s.name} (held out)` : s.name)).join(" | ")} | dev mean | held-out mean |`,
  );
  console.log(`|---|${sets.map(() => "---:").join("|")}|---:|---:|`);
  for (const [label, options] of ABLATIONS.filter(
    ([l]) => !ablationRows || ablationRows.some((a) => l.startsWith(a)),
  )) {
    const cells = sets.map((s) => {
      const full = engineScore(s, options).ari;
      const subsets = mean(
        SUBSET_SEEDS.map((seed) => {
          const subset = projectSubset(s, 0.75, seed);
          return engineScore(subset, options).ari;
        }),
      );
      return { heldOut: s.heldOut, full, subsets };
    });
    const avg = (held: boolean) =>
      mean(cells.filter((c) => c.heldOut === held).flatMap((c) => [c.full, c.subsets])).toFixed(3);
    console.log(
      `| ${label} | ${cells.map((c) => `${c.full.toFixed(3)} / ${c.subsets.toFixed(3)}`).join(" | ")} | ${avg(false)} | ${avg(true)} |`,
    );
  }
}

if (import.meta.main) {
  const sets = loadRealSets().filter((s) => !only || s.name === only);
  if (plantedOnly) {
    for (const [label, options] of PLANTED_VARIANTS) {
      console.log(`${label}:`);
      for (const planted of [plantedWorkshop(loadRealSets()), ...loadPlantedSets()])
        console.log(`- ${reportPlanted(planted, options)}`);
    }
  } else if (ablationRows) {
    ablation(sets);
  } else {
    const heldOut = new Set(sets.filter((s) => s.heldOut).map((s) => s.name));
    console.log(
      `Real sets: ${sets.map((s) => `${s.name} (${s.workshop.results.length} results, ${trueGroups(s)} groups${s.heldOut ? ", held out" : ""})`).join("; ")}.`,
    );
    console.log("ARI against the external grouping; unclustered results count as singletons. ✓ = engine beats both.\n");
    printRows(
      sets.flatMap((s) => evaluateSet(s)),
      heldOut,
    );
    if (!only) {
      console.log("");
      for (const planted of [plantedWorkshop(loadRealSets()), ...loadPlantedSets()])
        console.log(reportPlanted(planted));
    }
    if (!quick && !noAblation) ablation(sets);
  }
}
