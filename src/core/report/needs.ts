// Need ↔ offer matches for the report, scored by the clustering engine's own complementarity step (one scorer for
// clustering, its explanations and the per-project summaries). The engine's index does not export that step yet;
// this file is the one place that reaches into it.
import { DEFAULT_COMPLEMENTARITY_OPTIONS, needOfferComplements } from "../clustering/complementarity.ts";
import { analyseResult } from "../clustering/documents.ts";
import type { ExploitableResult } from "../clustering/index.ts";
import { DEFAULT_TEXT_OPTIONS } from "../clustering/text.ts";
import type { ResultInput } from "./input.ts";

/** One result's stated need that another project's result could serve. */
export interface NeedMatch {
  /** The result whose `needs` text is met. */
  needer: string;
  /** The result that offers it (always of another project). */
  offerer: string;
  score: number;
  /** In words: which concept or terms link the need and the offer. */
  because: string;
}

/** Every need ↔ offer match between results of different projects, best first per need. */
export function needOfferMatches(results: readonly ResultInput[]): NeedMatch[] {
  const withNeeds = results.some((r) => r.needs);
  if (!withNeeds || results.length < 2) return [];
  const sorted = [...results].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const engineResults = sorted.map(toEngineResult);
  const analysed = engineResults.map((r) => analyseResult(r, DEFAULT_TEXT_OPTIONS));
  const complements = needOfferComplements(
    engineResults,
    analysed,
    DEFAULT_TEXT_OPTIONS,
    DEFAULT_COMPLEMENTARITY_OPTIONS,
  );
  return complements.map((c) => {
    const concept = c.concepts[0];
    const because = concept
      ? `needs ${concept.label} (“${concept.need}”), offers “${concept.offer}”`
      : `shared terms ${c.sharedTerms.map((t) => `“${t}”`).join(", ")}`;
    return {
      needer: sorted[c.needer]!.id,
      offerer: sorted[c.offerer]!.id,
      score: Math.round(c.score * 100) / 100,
      because,
    };
  });
}

export function toEngineResult(result: ResultInput): ExploitableResult {
  return {
    id: result.id,
    project: result.project,
    title: result.title,
    description: result.description,
    keywords: result.keywords,
    type: result.type,
    trl: result.trlNow,
    usp: result.usp,
    market: result.market,
    needs: result.needs,
  };
}
