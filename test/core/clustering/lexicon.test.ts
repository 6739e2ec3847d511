import { describe, expect, it } from "vitest";
import { matchTopics, topicIndex } from "../../../src/core/clustering/concepts.ts";
import { analyseResult } from "../../../src/core/clustering/documents.ts";
import { signalDivisor } from "../../../src/core/clustering/graph.ts";
import { analyzeWorkshop } from "../../../src/core/clustering/index.ts";
import { TOPICS } from "../../../src/core/clustering/lexicon.ts";
import { analyseText, DEFAULT_TEXT_OPTIONS } from "../../../src/core/clustering/text.ts";
import { bagOfResult, buildVocabulary, DEFAULT_TFIDF_OPTIONS, vectorise } from "../../../src/core/clustering/tfidf.ts";
import { workshopOf } from "./helpers.ts";

const topicsOf = (text: string) =>
  matchTopics(analyseText(text, DEFAULT_TEXT_OPTIONS), topicIndex(DEFAULT_TEXT_OPTIONS)).map((t) => t.id);

describe("domain lexicon", () => {
  it.each([
    ["Fleet of AGVs in the warehouse", "An automated guided vehicle moves pallets"],
    ["A cobot screws the cabinet", "collaborative robots share the station with workers"],
    ["AM of titanium brackets", "3D-printed titanium brackets"],
    ["Intrusion detection for SCADA", "Securing PLCs on the OT network"],
    ["LCA of the product", "a life-cycle assessment of the product"],
    ["PdM for pumps", "predictive maintenance of pumps"],
    ["MES integration", "manufacturing execution system connector"],
  ])("gives %j and %j a shared topic", (first, second) => {
    const shared = topicsOf(first).filter((t) => topicsOf(second).includes(t));
    expect(shared.length).toBeGreaterThan(0);
  });

  it("matches the longest phrase once, not also its words", () => {
    expect(topicsOf("wire arc additive manufacturing")).toEqual(["am"]);
    expect(topicsOf("digital product passport")).toEqual(["dpp"]);
  });

  it("only matches short acronyms written in capitals", () => {
    expect(topicsOf("I am here and it is on")).toEqual([]);
    expect(topicsOf("AM parts for OT networks")).toEqual(["am", "ot-security"]);
  });

  it("treats an acronym's plural as the acronym and keeps standard numbers", () => {
    const text = analyseText("PLCs and KPIs per IEC 62443", DEFAULT_TEXT_OPTIONS);
    expect(text.words).toEqual(["plc", "and", "kpi", "per", "iec", "62443"]);
    expect(topicsOf("PLCs per IEC 62443")).toEqual(["ot-security", "ot-security"]);
  });

  it("has unique topic ids and no phrase that reduces to nothing", () => {
    expect(new Set(TOPICS.map((t) => t.id)).size).toBe(TOPICS.length);
    const index = topicIndex(DEFAULT_TEXT_OPTIONS);
    const indexed = [...index.values()].reduce((n, cues) => n + cues.length, 0);
    expect(indexed).toBe(TOPICS.reduce((n, t) => n + t.phrases.length, 0));
  });

  it("links two results that share no word but name the same topic", () => {
    const [a, b, c] = [
      { id: "R1", project: "P1", title: "AGV fleet control", description: "Traffic rules for the fleet." },
      { id: "R2", project: "P2", title: "Autonomous mobile robot navigation", description: "Maps from lidar." },
      { id: "R3", project: "P3", title: "Cheese ripening", description: "Humidity of cellars." },
    ].map((r) => analyseResult(r, DEFAULT_TEXT_OPTIONS));
    const cosine = (options: typeof DEFAULT_TFIDF_OPTIONS) => {
      const bags = [a!, b!, c!].map((r) => bagOfResult(r, options));
      const vocabulary = buildVocabulary(bags, "smooth", new Map());
      const [x, y] = bags.map((bag) => vectorise(bag, vocabulary));
      let sum = 0;
      x!.ids.forEach((id, k) => {
        const at = y!.ids.indexOf(id);
        if (at >= 0) sum += x!.weights[k]! * y!.weights[at]!;
      });
      return sum;
    };
    // The lexicon is an optional pack, off by default.
    expect(cosine(DEFAULT_TFIDF_OPTIONS)).toBe(0);
    expect(cosine({ ...DEFAULT_TFIDF_OPTIONS, topicWeight: 2 })).toBeGreaterThan(0.05);
  });
});

describe("signal weights", () => {
  it("divides by the strongest weight", () => {
    expect(signalDivisor({ text: 1, interest: 0.6, complementarity: 0.3 })).toBe(1);
    expect(signalDivisor({ text: 0.5, interest: 0.6, complementarity: 0.3 })).toBe(0.6);
    expect(signalDivisor({ text: 0, interest: 0, complementarity: 0 })).toBe(1);
  });

  it("clusters a workshop without interests on its text instead of leaving results unclustered", () => {
    const themes = [
      ["AGV", "automated guided vehicles", "driverless transport"],
      ["cobot", "collaborative robot", "human-robot collaboration"],
      ["LCA", "life cycle assessment", "life-cycle analysis"],
    ];
    const results = themes.flatMap((names, t) =>
      names.map((name, k) => ({
        id: `R${t}${k}`,
        project: `P${t}${k}`,
        title: `${name} study ${t}`,
        description: `Work on ${name} for factories, pilot ${k}.`,
      })),
    );
    // Synonyms and abbreviations meet through the optional domain-lexicon pack.
    const analysis = analyzeWorkshop(workshopOf(results), { tfidf: { topicWeight: 2 } });
    expect(analysis.unclustered).toEqual([]);
    const clusterOf = new Map(analysis.clusters.flatMap((c) => c.results.map((r) => [r, c.id])));
    for (let t = 0; t < themes.length; t++) {
      expect(new Set([0, 1, 2].map((k) => clusterOf.get(`R${t}${k}`))).size).toBe(1);
    }
  });
});
