/**
 * Encoder vectors of the real sets' results, stored int8-quantised in test/fixtures/real/encoded/ (written by
 * encode-real-sets.ts), looked up by the text the encoder saw.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { LabelledWorkshop } from "./real-sets.ts";

type Result = LabelledWorkshop["workshop"]["results"][number];

/** The text an encoder sees: what the engine reads (title, description, keywords, USP, market). */
export function encoderText(r: Result): string {
  const title = r.title === "terms" ? "" : r.title;
  return [title, r.description ?? "", (r.keywords ?? []).join(" "), r.usp ?? "", r.market ?? ""]
    .filter((s) => s.trim())
    .join(". ");
}

/** Vectors are stored under a short hash of the text the encoder saw. */
export function textKey(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}

export function quantise(vector: readonly number[]): string {
  const scale = Math.max(1e-12, ...vector.map(Math.abs));
  return Buffer.from(Int8Array.from(vector, (x) => Math.round((127 * x) / scale)).buffer).toString("base64");
}

function dequantise(text: string): Float32Array {
  const bytes = Buffer.from(text, "base64");
  return Float32Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length));
}

/** The stored vectors of `name` (e.g. "use"), or undefined when the file was never generated. */
export function loadEncoded(name: string): ((results: readonly Result[]) => Map<string, Float32Array>) | undefined {
  const file = new URL(`../fixtures/real/encoded/${name}.json`, import.meta.url);
  if (!existsSync(file)) return undefined;
  const stored = (JSON.parse(readFileSync(file, "utf8")) as { vectors: Record<string, string> }).vectors;
  return (results) => {
    const out = new Map<string, Float32Array>();
    for (const r of results) {
      const v = stored[textKey(encoderText(r))];
      if (v) out.set(r.id, dequantise(v));
    }
    return out;
  };
}
