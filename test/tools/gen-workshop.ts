/**
 * npm run gen:workshop -- --results N --clusters K --seed S [--out FILE]
 * Writes a synthetic workshop in the interchange format (JSON). Its extra "plant" key maps each result to its
 * planted cluster (outliers get one of their own); readers of the interchange format ignore it.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { generateWorkshop } from "./synthetic.ts";

const { values } = parseArgs({
  options: {
    results: { type: "string", default: "100" },
    clusters: { type: "string", default: "12" },
    seed: { type: "string", default: "1" },
    outliers: { type: "string", default: "0.05" },
    out: { type: "string" },
  },
});

function positiveInteger(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name}: expected a whole number ≥ 1, got "${text}"\n`);
    process.exit(2);
  }
  return n;
}

const results = positiveInteger("results", values.results);
const clusters = positiveInteger("clusters", values.clusters);
if (clusters * 3 > results) {
  process.stderr.write(
    `--clusters: at most ${Math.floor(results / 3)} clusters for ${results} results (3 results each at least)\n`,
  );
  process.exit(2);
}
const synthetic = generateWorkshop({
  results,
  clusters,
  seed: positiveInteger("seed", values.seed),
  outliers: Number(values.outliers),
});
const text = `${JSON.stringify({ ...synthetic.workshop, plant: synthetic.plant }, null, 2)}\n`;
if (values.out) {
  writeFileSync(values.out, text);
  process.stderr.write(`Wrote ${results} results in ${clusters} planted clusters to ${values.out}\n`);
} else process.stdout.write(text);
