/**
 * npm run bench:cluster — time and peak memory of analyzeWorkshop for 50, 500 and 5 000 results.
 * Each size runs in a fresh child process so that its peak RSS is its own (the parent only reports).
 * Then the command line end to end (median of 7 runs each): `clusterbot --version`, `--help`, and
 * `clusterbot analyze` on a 50-result workshop file (the real debian-health set).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeWorkshop } from "../../src/core/clustering/index.ts";
import { generateWorkshop } from "../tools/synthetic.ts";

const SIZES = [50, 500, 5000];
const self = fileURLToPath(import.meta.url);

interface Measure {
  results: number;
  clusters: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  heapMb: number;
}

function measureOne(results: number): Measure {
  const { workshop } = generateWorkshop({ results, clusters: Math.max(3, Math.round(results / 8)), seed: 42 });
  analyzeWorkshop(generateWorkshop({ results: 30, clusters: 4, seed: 1 }).workshop); // loads the language model
  globalThis.gc?.();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const analysis = analyzeWorkshop(workshop);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  return {
    results,
    clusters: analysis.clusters.length,
    seconds,
    cpuSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapMb,
  };
}

const child = process.argv.indexOf("--size");
if (child >= 0) {
  process.stdout.write(JSON.stringify(measureOne(Number(process.argv[child + 1]))));
} else {
  console.log(
    "| results | clusters | wall time (s) | CPU time (s) | peak RSS (MB) | heap after (MB) | CPU per result (ms) |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  for (const size of SIZES) {
    const output = execFileSync(process.execPath, ["--expose-gc", self, "--size", String(size)], { encoding: "utf8" });
    const m = JSON.parse(output) as Measure;
    const perResult = ((m.cpuSeconds * 1000) / m.results).toFixed(2);
    const cells = [
      m.results,
      m.clusters,
      m.seconds.toFixed(2),
      m.cpuSeconds.toFixed(2),
      m.peakRssMb.toFixed(0),
      m.heapMb.toFixed(0),
      perResult,
    ];
    console.log(`| ${cells.join(" | ")} |`);
  }
  console.log("\n| command | median wall time (s) | fastest (s) |\n|---|---:|---:|");
  const cli = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
  const file = join(mkdtempSync(join(tmpdir(), "clusterbot-bench-")), "workshop-50.json");
  const real = JSON.parse(readFileSync(new URL("../fixtures/real/debian-health.json", import.meta.url), "utf8"));
  const { plant: _plant, heldOut: _heldOut, field: _field, ...workshop } = real;
  writeFileSync(file, JSON.stringify(workshop));
  for (const args of [["--version"], ["--help"], ["analyze", file]]) {
    const times = Array.from({ length: 7 }, () => {
      const started = performance.now();
      const run = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
      if (run.status !== 0) throw new Error(`clusterbot ${args.join(" ")} failed: ${run.stderr}`);
      return (performance.now() - started) / 1000;
    }).sort((a, b) => a - b);
    const label = args[0] === "analyze" ? "clusterbot analyze (50 results)" : `clusterbot ${args[0]}`;
    console.log(`| ${label} | ${times[3]!.toFixed(2)} | ${times[0]!.toFixed(2)} |`);
  }
  const [load] = loadavg();
  console.log(
    `\nPeak RSS includes Node and the language model (~100 MB before any work). Load average at the end: ${load?.toFixed(1)}.`,
  );
}
