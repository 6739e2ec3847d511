import { describe, expect, it } from "vitest";
import { needOfferComplements } from "../../../src/core/clustering/complementarity.ts";
import { cuesFor, matchConcepts, typesFit } from "../../../src/core/clustering/concepts.ts";
import { analyseResult } from "../../../src/core/clustering/documents.ts";
import { interestEdges } from "../../../src/core/clustering/interest.ts";
import { topNeighbours } from "../../../src/core/clustering/neighbours.ts";
import { seededRandom } from "../../../src/core/clustering/rng.ts";
import { dot, type SparseVector, unitVector } from "../../../src/core/clustering/sparse.ts";
import { analyseText, DEFAULT_TEXT_OPTIONS } from "../../../src/core/clustering/text.ts";
import {
  bagOfResult,
  buildVocabulary,
  DEFAULT_TFIDF_OPTIONS,
  inverseDocumentFrequency,
  vectorise,
} from "../../../src/core/clustering/tfidf.ts";
import { generateWorkshop } from "../../tools/synthetic.ts";
import { themedWorkshop } from "./helpers.ts";

const terms = (text: string, options = {}) =>
  analyseText(text, { ...DEFAULT_TEXT_OPTIONS, ...options }).terms.map((t) => t.term);

describe("text", () => {
  it("stems words and drops stop words and generic project words", () => {
    expect(terms("The innovative sensors are monitoring machines")).toEqual(["sensor", "monitor", "machin"]);
  });

  it("keeps words as written without stemming", () => {
    expect(terms("digital twins", { stemming: "none" })).toEqual(["digital", "twins"]);
  });

  it("splits hyphenated words so that both halves count", () => {
    expect(terms("real-time monitoring")).toEqual(["real", "time", "monitor"]);
  });
});

describe("TF-IDF", () => {
  it("weights rare terms above common ones", () => {
    expect(inverseDocumentFrequency("smooth", 1, 100)).toBeGreaterThan(inverseDocumentFrequency("smooth", 50, 100));
    expect(inverseDocumentFrequency("probabilistic", 90, 100)).toBe(0);
    expect(inverseDocumentFrequency("none", 3, 100)).toBe(1);
  });

  it("builds unit vectors whose cosine is higher for related results", () => {
    const results = themedWorkshop().results.map((r) =>
      analyseResult({ ...r, keywords: r.keywords }, DEFAULT_TEXT_OPTIONS),
    );
    const bags = results.map((r) => bagOfResult(r, DEFAULT_TFIDF_OPTIONS));
    const vocabulary = buildVocabulary(bags, "smooth", new Map());
    const vectors = bags.map((b) => vectorise(b, vocabulary));
    for (const v of vectors) expect(dot(v, v)).toBeCloseTo(1);
    expect(dot(vectors[2]!, vectors[3]!)).toBeGreaterThan(dot(vectors[2]!, vectors[5]!));
  });
});

function randomVectors(count: number, vocabulary: number, seed: number): SparseVector[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const entries = new Map<number, number>();
    for (let k = 0; k < 6; k++) entries.set(Math.floor(random() ** 2 * vocabulary), random());
    return unitVector(entries);
  });
}

describe("neighbours", () => {
  it("finds the same top-k as a brute-force search", () => {
    const vectors = randomVectors(60, 40, 1);
    const found = topNeighbours(vectors, vectors, { k: 3, minScore: 0.01, skip: (q, t) => q === t });
    vectors.forEach((v, q) => {
      const brute = vectors
        .map((w, t) => ({ index: t, score: dot(v, w) }))
        .filter((n) => n.index !== q && n.score >= 0.01)
        .sort((x, y) => y.score - x.score || x.index - y.index)
        .slice(0, 3);
      expect(found[q]!.map((n) => n.index)).toEqual(brute.map((n) => n.index));
    });
  });

  it("stays close to exact on large workshops, where very common terms are skipped", () => {
    const { workshop } = generateWorkshop({ results: 2500, clusters: 150, seed: 5 });
    const analysed = workshop.results.map((r) => analyseResult({ ...r, keywords: r.keywords }, DEFAULT_TEXT_OPTIONS));
    const bags = analysed.map((a) => bagOfResult(a, DEFAULT_TFIDF_OPTIONS));
    const vocabulary = buildVocabulary(bags, "smooth", new Map());
    const vectors = bags.map((b) => vectorise(b, vocabulary));
    const found = topNeighbours(vectors, vectors, { k: 5, minScore: 0, skip: (q, t) => q === t });
    let kept = 0;
    for (let q = 0; q < 200; q++) {
      const exact = vectors
        .map((w, t) => ({ t, s: t === q ? -1 : dot(vectors[q]!, w) }))
        .sort((x, y) => y.s - x.s || x.t - y.t)
        .slice(0, 5)
        .map((n) => n.t);
      kept += found[q]!.filter((n) => exact.includes(n.index)).length;
    }
    expect(kept / 1000).toBeGreaterThanOrEqual(0.9);
  });
});

describe("interest", () => {
  const results = [
    { id: "A1", project: "A", title: "a1" },
    { id: "A2", project: "A", title: "a2" },
    { id: "B1", project: "B", title: "b1" },
  ];
  const options = { mutualBoost: 1.5, spread: 0.1 };

  it("links the interested project's results to the result, by level, the most related result most", () => {
    const affinity = (a: number, b: number) => (a === 0 && b === 2 ? 0.5 : 0);
    const edges = interestEdges(results, [{ project: "A", result: "B1", level: "high" }], affinity, options);
    expect(edges.map((e) => [e.a, e.b])).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(edges[0]!.weight).toBeCloseTo(1);
    expect(edges[1]!.weight).toBeCloseTo(0.1 / 0.6);
  });

  it("counts mutual interest more than one-way interest", () => {
    const oneWay = interestEdges(results, [{ project: "B", result: "A1", level: "low" }], () => 0, options);
    const mutual = interestEdges(
      results,
      [
        { project: "B", result: "A1", level: "low" },
        { project: "A", result: "B1", level: "low" },
      ],
      () => 0,
      options,
    );
    const weightOf = (edges: typeof oneWay) => edges.find((e) => e.a === 0 && e.b === 2)!.weight;
    expect(weightOf(mutual)).toBeGreaterThan(weightOf(oneWay) * 2);
  });
});

describe("complementarity", () => {
  it("recognises needs and offers through the concept lexicon", () => {
    const cues = cuesFor(DEFAULT_TEXT_OPTIONS);
    const need = matchConcepts(
      analyseText("We need a site to validate it with end users", DEFAULT_TEXT_OPTIONS).words,
      cues.needs,
    );
    const offer = matchConcepts(
      analyseText("A living lab with instrumented homes", DEFAULT_TEXT_OPTIONS).words,
      cues.offers,
    );
    expect([...need.keys()]).toEqual(expect.arrayContaining(["validation", "application"]));
    expect([...offer.keys()]).toContain("validation");
  });

  it("knows which result types fit together", () => {
    expect(typesFit("platform", "application")).toBe(true);
    expect(typesFit("dataset", "software")).toBe(true);
    expect(typesFit("application", "platform")).toBe(false);
  });

  it("matches a need with the result that offers it, never within one project", () => {
    const workshop = themedWorkshop();
    const results = workshop.results.map((r) => ({ ...r, keywords: r.keywords }));
    const analysed = results.map((r) => analyseResult(r, DEFAULT_TEXT_OPTIONS));
    const complements = needOfferComplements(results, analysed, DEFAULT_TEXT_OPTIONS, {
      k: 3,
      minScore: 0.1,
      conceptWeight: 2,
      topicSteer: 0.5,
      typeFitBonus: 0.2,
      trlBonus: 0.1,
      typeFitShare: 0.3,
    });
    const best = complements.filter((c) => c.needer === 0).sort((x, y) => y.score - x.score)[0];
    expect(best?.offerer).toBe(1);
    expect(best?.concepts.map((c) => c.label)).toContain("data");
    expect(complements.every((c) => results[c.needer]!.project !== results[c.offerer]!.project)).toBe(true);
  });
});
