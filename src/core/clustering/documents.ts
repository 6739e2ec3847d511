import type { ExploitableResult } from "./interchange.ts";
import { type AnalysedText, analyseText, type Term, type TextOptions } from "./text.ts";

export const TEXT_FIELDS = ["title", "description", "keywords", "usp", "market", "needs"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** A result's text, analysed once per field and reused by every signal. */
export interface AnalysedResult {
  fields: Record<TextField, AnalysedText>;
  /** Each keyword as a whole, so two results sharing a keyword can be credited for it. */
  keywords: Term[];
}

export function analyseResult(result: ExploitableResult, options: TextOptions): AnalysedResult {
  const field = (value: string | undefined) => analyseText(value ?? "", options);
  return {
    fields: {
      title: field(result.title),
      description: field(result.description),
      keywords: analyseKeywords(result.keywords ?? [], options),
      usp: field(result.usp),
      market: field(result.market),
      needs: field(result.needs),
    },
    keywords: keywordTerms(result.keywords ?? [], options),
  };
}

// Keywords are analysed one by one so that no phrase spans two keywords.
function analyseKeywords(keywords: string[], options: TextOptions): AnalysedText {
  const out: AnalysedText = { terms: [], words: [] };
  for (const keyword of keywords) {
    const analysed = analyseText(keyword, options);
    out.terms.push(...analysed.terms);
    out.words.push(...analysed.words, "");
  }
  return out;
}

function keywordTerms(keywords: string[], options: TextOptions): Term[] {
  const terms = new Map<string, Term>();
  for (const keyword of keywords) {
    const words = analyseText(keyword, options).words.filter(Boolean);
    if (words.length === 0) continue;
    const term = `kw:${words.join(" ")}`;
    if (!terms.has(term)) terms.set(term, { term, surface: keyword.trim().toLowerCase() });
  }
  return [...terms.values()];
}
