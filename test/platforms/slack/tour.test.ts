// The tour (`npm run tour`) played without pictures: every surface a person sees along a workshop stays within
// Slack's limits and shows no internal value (ids, enum names, undefined, null, [object Object]).
import { beforeAll, describe, expect, it } from "vitest";
import { checkMessageBlocks, checkView, isTextTooLong } from "../../standins/slack/limits.ts";
import { internalValues, visibleTexts } from "../../support/visible-text.ts";
import { playTour, type TourSurface } from "../../tools/tour/play.ts";

/** Internal names in code form: snake_case (draft_saved) and SCREAMING_CASE (HOMEWORK, NOT_STARTED). */
const codeForms: { name: string; pattern: RegExp }[] = [
  { name: "a snake_case name", pattern: /\b[a-z]+(?:_[a-z]+)+\b/ },
  { name: "a SCREAMING_CASE name", pattern: /\b[A-Z]{3,}_[A-Z_]+\b/ },
  { name: "a bare phase", pattern: /\b(HOMEWORK|SETUP|ANALYSIS|ANNOUNCED|DRAFT|SUBMITTED)\b/ },
];

function limitProblems(surface: TourSurface): string[] {
  const plain = (text: string | undefined) => (text === undefined ? undefined : { type: "plain_text", text });
  const problems =
    surface.kind === "message" || surface.kind === "private"
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
  return texts.flatMap((text) => [
    ...internalValues(text),
    ...codeForms.filter(({ pattern }) => pattern.test(text)).map(({ name }) => name),
  ]);
}

describe("the tour of a workshop in Slack", () => {
  let surfaces: TourSurface[] = [];
  beforeAll(async () => {
    surfaces = await playTour();
  }, 300_000);

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
    expect(surfaces.length).toBeGreaterThan(20);
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
