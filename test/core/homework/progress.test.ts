// One progress model, the same words everywhere: per result, per project, per workshop, and days left.
import { describe, expect, it } from "vitest";
import { timeLeftText } from "../../../src/core/homework/deadline.ts";
import {
  encouragementLine,
  homeworkProgress,
  projectProgressText,
  resultProgress,
  resultProgressText,
  workshopProgressText,
} from "../../../src/core/homework/progress.ts";
import { draftResult } from "../../support/workshop-homework.ts";

const blank = draftResult({ title: "Sensor kit" });
const draft = { ...blank, id: "r2", title: "Twin", description: "A twin", type: "product", trlNow: 4 };
const submitted = { ...blank, id: "r3", title: "Robot", status: "submitted" as const };

describe("homework progress", () => {
  it("names each result's state in words: never opened is Not started, not a draft", () => {
    expect(resultProgressText(resultProgress(blank))).toBe("Not started");
    expect(resultProgressText(resultProgress(draft))).toBe("Draft: 3 of 8");
    expect(resultProgressText(resultProgress(submitted))).toBe("Submitted ✓");
  });

  it("gives a project one line and one next step", () => {
    expect(projectProgressText(homeworkProgress([], 0))).toBe("Not started");
    const mixed = homeworkProgress([submitted, draft, blank], 1);
    expect(projectProgressText(mixed)).toBe("1 of 3 submitted · 1 interest");
    expect(mixed.nextStep).toBe("Finish and submit “Twin”");
    const done = homeworkProgress([submitted], 2);
    expect(projectProgressText(done)).toBe("Done ✓ · 1 of 1 submitted · 2 interests");
    expect(done.nextStep).toBeNull();
    expect(homeworkProgress([submitted], 0).nextStep).toBe("Say which other projects' results interest you");
  });

  it("does not send 0 of n as encouragement, and counts the workshop for facilitators", () => {
    expect(encouragementLine(0, 3)).toBeNull();
    expect(encouragementLine(2, 3)).toBe("2 of 3 projects are done");
    expect(workshopProgressText([homeworkProgress([], 0), homeworkProgress([submitted], 1)])).toBe(
      "1 of 2 projects done · 1 not started",
    );
  });

  it("says the whole days left, never more", () => {
    const now = new Date("2026-03-02T10:00:00Z");
    expect(timeLeftText(new Date("2026-03-13T16:00:00Z"), now)).toBe("11 days left");
    expect(timeLeftText(new Date("2026-03-03T09:00:00Z"), now)).toBe("less than a day left");
    expect(timeLeftText(new Date("2026-03-03T11:00:00Z"), now)).toBe("1 day left");
    expect(timeLeftText(new Date("2026-03-01T10:00:00Z"), now)).toBe("passed");
  });
});
