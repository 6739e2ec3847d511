// The homework of the end-to-end workshop tests, the same on every surface (Slack, Teams): three projects' results
// with descriptions and keywords that make three clusters and one unclustered result, so each surface's test
// expects the same clusters, channels and report.
import type { ExploitableResult, ResultCharacterisation } from "../../src/core/model/domain.ts";

export const homework: Record<string, [string, string, string[]][]> = {
  ALPHA: [
    [
      "Vibration sensor kit",
      "Wireless vibration sensors for condition monitoring and predictive maintenance of rotating machines",
      ["vibration", "predictive maintenance"],
    ],
    [
      "Cathode recovery process",
      "Hydrometallurgical recovery of lithium and cobalt from spent battery cathodes for recycling",
      ["battery recycling", "lithium"],
    ],
  ],
  BETA: [
    [
      "Bearing fault predictor",
      "Predictive maintenance models that detect bearing faults from vibration signals in rotating machines",
      ["predictive maintenance", "vibration"],
    ],
    [
      "Battery sorting line",
      "Automated sorting of spent lithium batteries by chemistry before recycling and cathode recovery",
      ["battery recycling", "lithium"],
    ],
    [
      "Factory <!channel> twin",
      "A digital twin of the factory floor to simulate production layout and throughput",
      ["digital twin", "simulation"],
    ],
  ],
  GAMMA: [
    [
      "Maintenance scheduler",
      "Schedules predictive maintenance of machines from condition monitoring alarms and vibration trends",
      ["maintenance", "condition monitoring"],
    ],
    [
      "Layout simulator",
      "Discrete-event simulation of factory layout and production throughput with a digital twin",
      ["simulation", "digital twin"],
    ],
    [
      "Anti-reflective glass coating",
      "A nano coating that reduces reflection on solar panel glass",
      ["solar", "coating"],
    ],
  ],
};

/** A characterisation with nothing filled in, to spread the fields a test needs over. */
export const emptyCharacterisation: ResultCharacterisation = {
  description: null,
  type: null,
  keywords: [],
  usp: null,
  trlNow: null,
  trlExpected: null,
  owners: [],
  iprWithin: null,
  iprProtection: [],
  iprOutside: null,
  targetMarket: null,
  timeToMarket: null,
  needs: null,
};

/** A draft result with nothing characterised yet (result r1 of project p1), with what a test needs filled in. */
export function draftResult(overrides: Partial<ExploitableResult> = {}): ExploitableResult {
  return {
    id: "r1",
    projectId: "p1",
    position: 0,
    title: "Edge analytics kit",
    ...emptyCharacterisation,
    status: "draft",
    ...overrides,
  };
}

export function characterisation(description: string, keywords: string[]): ResultCharacterisation {
  return {
    ...emptyCharacterisation,
    description,
    type: "product",
    keywords,
    trlNow: 5,
    trlExpected: 7,
    iprWithin: "Foreground",
    targetMarket: "Manufacturers",
  };
}
