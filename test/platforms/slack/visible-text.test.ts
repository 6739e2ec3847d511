// The walk over every surface can fail: what it flags, and what it lets through.
import { describe, expect, it } from "vitest";
import { internalValues, visibleTexts } from "../../support/visible-text.ts";

describe("internal values on a surface", () => {
  it("flags what people saw before: a raw phase, a Slack id, undefined, a uuid, an enum value", () => {
    expect(internalValues("0 of 2 projects are done (phase: homework)")).toEqual(["a raw phase or status"]);
    expect(internalValues("*Not started yet*\nU0CLEO00001")).toEqual(["a Slack id written out"]);
    expect(internalValues("due undefined")).toEqual(["undefined"]);
    expect(internalValues("result 5a1178db-53a2-462e-b0d9-3cf9bb325796")).toEqual(["a uuid"]);
    expect(internalValues("High, co_develop")).toEqual(["an enum value"]);
    expect(internalValues("[object Object]")).toEqual(["[object Object]"]);
  });

  it("lets plain words through, and reads only text a person sees", () => {
    for (const text of ["Start homework: ALPHA", "Draft: 3 of 8", "1 of 3 submitted · 1 interest", "Homework is open"])
      expect(internalValues(text)).toEqual([]);
    const blocks = [
      { type: "button", text: { type: "plain_text", text: "Open" }, value: "5a1178db-53a2-462e-b0d9-3cf9bb325796" },
    ];
    expect(visibleTexts({ blocks, private_metadata: '{"project":null}' })).toEqual(["Open"]);
  });
});
