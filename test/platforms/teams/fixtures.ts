// A homework result as the Teams form tests, the bench and the card renderer use it.
import type { ExploitableResult } from "../../../src/core/model/domain.ts";

export function draftResult(overrides: Partial<ExploitableResult> = {}): ExploitableResult {
  return {
    id: "r1",
    projectId: "p1",
    position: 0,
    title: "Edge analytics kit",
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
    status: "draft",
    ...overrides,
  };
}
