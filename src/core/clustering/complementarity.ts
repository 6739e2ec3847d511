import { type ConceptMatch, conceptsOfType, cuesFor, matchConcepts, typesFit } from "./concepts.ts";
import type { AnalysedResult, TextField } from "./documents.ts";
import type { Edge } from "./graph.ts";
import { sortEdges } from "./graph.ts";
import type { ExploitableResult } from "./interchange.ts";
import { topNeighbours } from "./neighbours.ts";
import { addInto, dot, EMPTY_VECTOR, type SparseVector, sharedIds, unitVector } from "./sparse.ts";
import type { TextOptions } from "./text.ts";
import { addTerms, buildVocabulary, type TermBag, type Vocabulary, vectorise } from "./tfidf.ts";

export interface ComplementarityOptions {
  /** Offers kept per need. */
  k: number;
  minScore: number;
  /** Weight of a matched concept against one occurrence of a word. */
  conceptWeight: number;
  /** How much the needer's own topic steers which of several equal offers it is matched with (ranking only). */
  topicSteer: number;
  /** Bonus when the offer's type serves the needer's type (platform → application). */
  typeFitBonus: number;
  /** Bonus for adjacent readiness levels (1–2 TRL steps apart): one can take the other further. */
  trlBonus: number;
  /** Share of text similarity credited as complementarity when two related results' types fit. */
  typeFitShare: number;
}

export const DEFAULT_COMPLEMENTARITY_OPTIONS: ComplementarityOptions = {
  k: 3,
  minScore: 0.15,
  conceptWeight: 2,
  topicSteer: 0.5,
  typeFitBonus: 0.2,
  trlBonus: 0.1,
  typeFitShare: 0.3,
};

/** Evidence that one result's need meets another's offer. */
export interface Complement {
  needer: number;
  offerer: number;
  score: number;
  concepts: { label: string; need: string; offer: string }[];
  sharedTerms: string[];
  typeFit: boolean;
}

const OFFER_FIELDS: [TextField, number][] = [
  ["title", 2],
  ["description", 1],
  ["keywords", 2],
  ["usp", 1],
];

interface Profiles {
  needs: SparseVector[];
  offers: SparseVector[];
  topics: SparseVector[];
  needConcepts: Map<string, ConceptMatch>[];
  offerConcepts: Map<string, ConceptMatch>[];
  vocabulary: Vocabulary;
}

/** Need ↔ offer matches, scored on the needs text and the concepts it names, not on shared description words. */
export function needOfferComplements(
  results: readonly ExploitableResult[],
  analysed: readonly AnalysedResult[],
  textOptions: TextOptions,
  options: ComplementarityOptions,
): Complement[] {
  const profiles = buildProfiles(results, analysed, textOptions, options);
  const queries = profiles.needs.map((need, i) => steer(need, profiles.topics[i]!, options.topicSteer));
  const candidates = topNeighbours(queries, profiles.offers, {
    k: options.k * 3,
    minScore: 0,
    skip: (q, t) => results[q]!.project === results[t]!.project || profiles.needs[q]!.ids.length === 0,
  });
  const complements: Complement[] = [];
  candidates.forEach((list, needer) => {
    const scored = list
      .map(({ index }) => scoreComplement(needer, index, results, profiles, options))
      .filter((c) => c.score >= options.minScore)
      .sort((x, y) => y.score - x.score || x.offerer - y.offerer)
      .slice(0, options.k);
    complements.push(...scored);
  });
  return complements;
}

function buildProfiles(
  results: readonly ExploitableResult[],
  analysed: readonly AnalysedResult[],
  textOptions: TextOptions,
  options: ComplementarityOptions,
): Profiles {
  const cues = cuesFor(textOptions);
  const needConcepts = analysed.map((a) => matchConcepts(a.fields.needs.words, cues.needs));
  const offerConcepts = analysed.map((a, i) => {
    const found = conceptsOfType(results[i]!.type);
    for (const [field] of OFFER_FIELDS) {
      for (const [id, match] of matchConcepts(a.fields[field].words, cues.offers))
        if (!found.has(id)) found.set(id, match);
    }
    return found;
  });
  const offerBags = analysed.map((a, i) => withConcepts(offerBag(a), offerConcepts[i]!, options.conceptWeight));
  const needBags = analysed.map((a, i) => {
    const bag: TermBag = new Map();
    addTerms(bag, a.fields.needs.terms, 1);
    return withConcepts(bag, needConcepts[i]!, options.conceptWeight);
  });
  // Frequencies from offers: a concept or word that many results offer is weak evidence of a match.
  const vocabulary = buildVocabulary(offerBags, "smooth", new Map());
  return {
    needs: needBags.map((bag) => (bag.size ? vectorise(bag, vocabulary) : EMPTY_VECTOR)),
    offers: offerBags.map((bag) => vectorise(bag, vocabulary)),
    topics: offerBags.map((bag) => vectorise(withoutConcepts(bag), vocabulary)),
    needConcepts,
    offerConcepts,
    vocabulary,
  };
}

function offerBag(result: AnalysedResult): TermBag {
  const bag: TermBag = new Map();
  for (const [field, weight] of OFFER_FIELDS) addTerms(bag, result.fields[field].terms, weight);
  return bag;
}

function withConcepts(bag: TermBag, concepts: Map<string, ConceptMatch>, weight: number): TermBag {
  for (const id of concepts.keys()) bag.set(`c:${id}`, (bag.get(`c:${id}`) ?? 0) + weight);
  return bag;
}

function withoutConcepts(bag: TermBag): TermBag {
  return new Map([...bag].filter(([term]) => !term.startsWith("c:")));
}

function steer(need: SparseVector, topic: SparseVector, share: number): SparseVector {
  if (need.ids.length === 0 || share <= 0) return need;
  const entries = new Map<number, number>();
  addInto(entries, need);
  addInto(entries, topic, share);
  return unitVector(entries);
}

function scoreComplement(
  needer: number,
  offerer: number,
  results: readonly ExploitableResult[],
  profiles: Profiles,
  options: ComplementarityOptions,
): Complement {
  const need = results[needer]!;
  const offer = results[offerer]!;
  const typeFit = typesFit(offer.type, need.type);
  const bonus = 1 + (typeFit ? options.typeFitBonus : 0) + (adjacentTrl(need.trl, offer.trl) ? options.trlBonus : 0);
  const score = Math.min(1, dot(profiles.needs[needer]!, profiles.offers[offerer]!) * bonus);
  const concepts = [...profiles.needConcepts[needer]!]
    .filter(([id]) => profiles.offerConcepts[offerer]!.has(id))
    .map(([id, m]) => ({ label: m.concept.label, need: m.cue, offer: profiles.offerConcepts[offerer]!.get(id)!.cue }));
  const sharedTerms = sharedIds(profiles.needs[needer]!, profiles.offers[offerer]!)
    .map(({ id }) => profiles.vocabulary.terms[id]!)
    .filter((t) => !t.startsWith("c:"))
    .slice(0, 3);
  return { needer, offerer, score, concepts, sharedTerms, typeFit };
}

export function adjacentTrl(x: number | undefined, y: number | undefined): boolean {
  if (x === undefined || y === undefined) return false;
  const gap = Math.abs(x - y);
  return gap >= 1 && gap <= 2;
}

/** Related results whose types fit (a platform and an application of it) get part of their text link as complementarity. */
export function typeFitComplements(
  results: readonly ExploitableResult[],
  textEdges: readonly Edge[],
  share: number,
): Edge[] {
  const edges: Edge[] = [];
  for (const edge of textEdges) {
    const x = results[edge.a]!;
    const y = results[edge.b]!;
    if (x.project === y.project) continue;
    if (typesFit(x.type, y.type) || typesFit(y.type, x.type)) edges.push({ ...edge, weight: share * edge.weight });
  }
  return edges;
}

/** Undirected complementarity edges: the stronger of the two directions. */
export function complementEdges(complements: readonly Complement[]): Edge[] {
  const byPair = new Map<string, Edge>();
  for (const c of complements) {
    const a = Math.min(c.needer, c.offerer);
    const b = Math.max(c.needer, c.offerer);
    const key = `${a},${b}`;
    const edge = byPair.get(key);
    if (!edge) byPair.set(key, { a, b, weight: c.score });
    else edge.weight = Math.max(edge.weight, c.score);
  }
  return sortEdges([...byPair.values()]);
}
