// The tour (`npm run tour`) played without pictures: every surface a person sees along a whole workshop, from the
// setup to the report, stays within Slack's limits and shows no internal value (ids, enum names, undefined, null,
// [object Object], ISO timestamps).
import { beforeAll, describe, expect, it } from "vitest";
import { checkMessageBlocks, checkView, isTextTooLong } from "../../standins/slack/limits.ts";
import { shownInternals } from "../../support/tour-checks.ts";
import { visibleTexts } from "../../support/visible-text.ts";
import { playTour, type TourSurface } from "../../tools/tour/play.ts";

function limitProblems(surface: TourSurface): string[] {
  const plain = (text: string | undefined) => (text === undefined ? undefined : { type: "plain_text", text });
  const problems =
    surface.kind === "message" || surface.kind === "private" || surface.kind === "post"
      ? checkMessageBlocks(surface.blocks)
      : checkView({
          type: surface.kind,
          blocks: surface.blocks,
          ...(surface.kind === "modal"
            ? { title: plain(surface.title), submit: plain(surface.submit), close: plain(surface.close) }
            : {}),
        });
  const tooLong = isTextTooLong(surface.title) ? ["the message text is too long"] : [];
  return [...problems.map((problem) => `${problem.pointer}: ${problem.message}`), ...tooLong];
}

/** Slack draws `<!date^…^{date_long_pretty}|fallback>` as a date: only the fallback could show through. */
const dateTokens = /<!date\^[^|>]*\|([^>]*)>/g;

function shownProblems(surface: TourSurface): string[] {
  const texts = [...visibleTexts(surface.blocks), surface.title].map((text) => text.replace(dateTokens, "$1"));
  return texts.flatMap(shownInternals);
}

describe("the tour of a workshop in Slack", () => {
  let surfaces: TourSurface[] = [];
  beforeAll(async () => {
    surfaces = await playTour();
  }, 600_000);

  it("shows people every step: invitations, the homework forms, an error, reminders, a snooze, status, homes", () => {
    const seen = (kind: TourSurface["kind"], who: string, text: string) =>
      surfaces.some(
        (surface) => surface.kind === kind && surface.who === who && JSON.stringify(surface).includes(text),
      );
    expect(seen("message", "Ben Partner", "Start homework: ALPHA")).toBe(true);
    expect(seen("modal", "Ana Partner", "This is the same title as result 1")).toBe(true);
    expect(seen("message", "Ana Partner", "Snoozed until")).toBe(true);
    expect(seen("private", "Fran Facilitator", "reminded in the last 12 hours (one reminder per half day)")).toBe(true);
    expect(seen("home", "Ana Partner", "ALPHA")).toBe(true);
  });

  it("goes on to the end: review, announcement, working groups, a work-plan item, a follow-up, the report", () => {
    const seen = (kind: TourSurface["kind"], who: RegExp, text: string) =>
      surfaces.some(
        (surface) => surface.kind === kind && who.test(surface.who) && JSON.stringify(surface).includes(text),
      );
    expect(seen("message", /Fran/, "Open the review")).toBe(true);
    expect(seen("modal", /Fran/, "Predictive maintenance of machines")).toBe(true);
    expect(seen("modal", /Fran/, "Approved.")).toBe(true);
    expect(seen("post", /^#general$/, "Join this working group")).toBe(true);
    expect(seen("message", /Ana/, "your results joined the cluster")).toBe(true);
    expect(seen("post", /^#smart-factories-/, "Welcome to the working group")).toBe(true);
    const item = surfaces.find((surface) => JSON.stringify(surface).includes("This is what I understood"));
    expect(item).toMatchObject({ kind: "post", inThread: true });
    expect(item?.step).toContain("Ana answers");
    expect(seen("post", /^#smart-factories-/, "Follow-up 1")).toBe(true);
    const report = surfaces.find((surface) => surface.who === "#general" && surface.files?.length);
    expect(report?.files?.[0]?.name).toBe("Smart-Factories-report.pdf");
  });

  it("keeps every surface within Slack's limits", () => {
    const problems = surfaces.flatMap((surface) =>
      limitProblems(surface).map((problem) => `${surface.index} (${surface.step}): ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it("shows no internal value on any surface", () => {
    const problems = surfaces.flatMap((surface) =>
      shownProblems(surface).map((problem) => `${surface.index} (${surface.who}, ${surface.step}): ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});
