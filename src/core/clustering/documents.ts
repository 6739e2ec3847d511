import { matchTopics, topicIndex } from "./concepts.ts";
import type { ExploitableResult } from "./interchange.ts";
import { type AnalysedText, analyseText, type Term, type TextOptions } from "./text.ts";

export const TEXT_FIELDS = ["title", "description", "keywords", "usp", "market", "needs"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** A result's text, analysed once per field and reused by every signal. */
export interface AnalysedResult {
  fields: Record<TextField, AnalysedText>;
  /** Each keyword as a whole, so two results sharing a keyword can be credited for it. */
  keywords: Term[];
  /** Per field, the domain-lexicon topics it names (`t:…`) and their broad areas (`a:…`), once per mention. */
  topics: Record<TextField, { topics: Term[]; areas: Term[] }>;
}

export function analyseResult(result: ExploitableResult, options: TextOptions): AnalysedResult {
  const field = (value: string | undefined) => analyseText(value ?? "", options);
  const fields: Record<TextField, AnalysedText> = {
    title: field(result.title),
    description: field(result.description),
    keywords: analyseKeywords(result.keywords ?? [], options),
    usp: field(result.usp),
    market: field(result.market),
    needs: field(result.needs),
  };
  const index = topicIndex(options);
  const topics = Object.fromEntries(
    TEXT_FIELDS.map((name) => {
      const found = matchTopics(fields[name], index);
      return [
        name,
        {
          topics: found.map((t) => ({ term: `t:${t.id}`, surface: t.label })),
          areas: found.map((t) => ({ term: `a:${t.area}`, surface: t.area })),
        },
      ];
    }),
  ) as AnalysedResult["topics"];
  return { fields, keywords: keywordTerms(result.keywords ?? [], options), topics };
}

// Keywords are analysed one by one so that no phrase spans two keywords.
function analyseKeywords(keywords: string[], options: TextOptions): AnalysedText {
  const out: AnalysedText = { terms: [], words: [], capitals: new Set() };
  for (const keyword of keywords) {
    const analysed = analyseText(keyword, options);
    out.terms.push(...analysed.terms);
    for (const at of analysed.capitals) out.capitals.add(out.words.length + at);
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
