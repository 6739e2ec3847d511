import { createRequire } from "node:module";
import type { Model } from "wink-eng-lite-web-model";
import winkNLP, { type ItsFunction, type WinkMethods } from "wink-nlp";
import { GENERIC_WORDS } from "./lexicon.ts";

export type Stemming = "porter" | "none";

export interface TextOptions {
  /** How words are reduced to terms: Porter stems, or the lower-cased word. */
  stemming: Stemming;
  /** Drop words that are common in any project description ("innovative", "solution"). */
  genericStopWords: boolean;
}

export const DEFAULT_TEXT_OPTIONS: TextOptions = { stemming: "porter", genericStopWords: true };

/** A term with the words it came from, so labels can show readable words instead of stems. */
export interface Term {
  term: string;
  surface: string;
}

export interface AnalysedText {
  /** Content terms for TF-IDF. */
  terms: Term[];
  /**
   * Every word reduced to a term, stop words included, numbers as written ("62443"); "" marks punctuation.
   * For cue and lexicon matching.
   */
  words: string[];
  /** Positions in `words` written in capitals ("AM", "OT"), so short acronyms are not confused with words. */
  capitals: Set<number>;
}

let plainNlp: WinkMethods | undefined;

let languageModel: Model | undefined;

// The language model takes most of a second to load: it is loaded on the first analysis, not on import, so that
// commands and modules that never analyse text (help, templates, validation) stay fast.
function loadModel(): Model {
  languageModel ??= createRequire(import.meta.url)("wink-eng-lite-web-model") as Model;
  return languageModel;
}

function nlpFor(): WinkMethods {
  plainNlp ??= winkNLP(loadModel(), ["sbd"]);
  return plainNlp;
}

export function analyseText(text: string, options: TextOptions): AnalysedText {
  // Most optional fields are empty: no need to run the tokeniser on them.
  if (!/\S/.test(text)) return { terms: [], words: [], capitals: new Set() };
  const nlp = nlpFor();
  const its = nlp.its;
  const tokens = nlp.readDoc(joinHyphenatedWords(text)).tokens();
  const normals = tokens.out(its.normal) as string[];
  const values = tokens.out(its.value) as string[];
  const types = tokens.out(its.type) as string[];
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const reduced = [...reduceWords(options.stemming, normals, nlp)];
  const words: string[] = [];
  const capitals = new Set<number>();
  const terms: Term[] = [];
  for (let i = 0; i < normals.length; i++) {
    const normal = normals[i]!;
    const isWord = types[i] === "word" && /\p{L}/u.test(normal);
    const acronym = isWord && ACRONYM.exec(values[i]!);
    // "PLCs", "KPIs": the plural of an acronym is the acronym (Porter leaves words without vowels alone).
    if (acronym) reduced[i] = acronym[1]!.toLowerCase();
    if (acronym) capitals.add(i);
    words.push(isWord ? reduced[i]! : types[i] === "number" && /^\d+$/.test(normal) ? normal : "");
    const isContent =
      isWord && !stops[i] && normal.length > 1 && !(options.genericStopWords && GENERIC_WORDS.has(normal));
    if (!isContent) continue;
    terms.push({ term: reduced[i]!, surface: normal });
  }
  return { terms, words, capitals };
}

const ACRONYM = /^(\p{Lu}[\p{Lu}\d]{1,4})s?$/u;

const reducedCache = new Map<Stemming, Map<string, string>>();

// Stemming every token is the slowest step; words repeat, so each distinct word is reduced once.
// Stems are computed from the word alone (never from its neighbours in one text), so a word always gets the same
// stem whatever was analysed before: the output of a long-running process does not depend on its history.
function reduceWords(stemming: Stemming, normals: string[], nlp: WinkMethods): string[] {
  if (stemming === "none") return normals;
  // wink-nlp's typings declare stem with a signature `out` does not accept; it works at run time.
  const reducer = nlp.its.stem as unknown as ItsFunction<string>;
  const cache = reducedCache.get(stemming) ?? new Map<string, string>();
  reducedCache.set(stemming, cache);
  const missing = [...new Set(normals.filter((w) => !cache.has(w)))];
  const fresh = new Map<string, string>();
  if (missing.length > 0) {
    const stems = nlp.readDoc(missing.join("\n\n")).tokens().out(reducer) as string[];
    const aligned = stems.length === missing.length;
    missing.forEach((w, i) => {
      const stem = aligned ? stems[i]! : (nlp.readDoc(w).tokens().out(reducer) as string[]).join("");
      fresh.set(w, stem);
      if (cache.size < 200_000) cache.set(w, stem);
    });
  }
  return normals.map((w) => cache.get(w) ?? fresh.get(w) ?? w);
}

// "real-time", "co-design": keep both halves as words of their own.
function joinHyphenatedWords(text: string): string {
  return text.replace(/(\p{L})[-‐/](\p{L})/gu, "$1 $2");
}

/** Reduces a short cue phrase to the word sequence `analyseText` would produce for it. */
export function cueWords(cue: string, options: TextOptions): string[] {
  return analyseText(cue, options).words.filter(Boolean);
}
