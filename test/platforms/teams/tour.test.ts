// The Teams part of the tour (`npm run tour`) played without pictures: every message, channel post and dialog a
// person sees from the setup to a work-plan item carries an Adaptive Card Teams can show (version 1.5 at most,
// within Teams' 28 KB message size) and shows no internal value (ids, enum names, undefined, null,
// [object Object], ISO timestamps).
import { beforeAll, describe, expect, it } from "vitest";
import { shownInternals } from "../../support/tour-checks.ts";
import { playTeamsTour } from "../../tools/tour/teams-play.ts";
import type { TeamsSurface } from "../../tools/tour/teams-surface.ts";

type Json = Record<string, unknown>;

/** Teams refuses a message (card included) over about 28 KB; desktop and mobile draw Adaptive Cards up to 1.5. */
const maxCardBytes = 28 * 1024;
const maxVersion = 1.5;

/** What a person can read on a card: texts, facts, labels, placeholders, typed values, choice titles, buttons. */
function cardTexts(node: unknown): string[] {
  const texts: string[] = [];
  const walk = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (value && typeof value === "object") {
      const element = value as Json;
      for (const [name, inner] of Object.entries(element)) {
        if (name === "data" || name === "id" || name === "$schema") continue;
        // A choice's value (and a choice set's or a toggle's, which names the picked choice) is what the card sends
        // back, never shown; its title is.
        const picked = element.type === "Input.ChoiceSet" || element.type === "Input.Toggle";
        if (name === "value" && (key === "choices" || picked)) continue;
        if (
          typeof inner === "string" &&
          ["text", "title", "value", "label", "placeholder", "fallbackText"].includes(name)
        )
          texts.push(inner);
        else walk(inner, name);
      }
    }
  };
  walk(node);
  return texts;
}

const teamsDates = /\{\{(DATE|TIME)\([^)]*\)\}\}/g;

function limitProblems(surface: TeamsSurface): string[] {
  if (!surface.card) return [];
  const card = surface.card as Json;
  const problems: string[] = [];
  if (card.type !== "AdaptiveCard") problems.push(`not an Adaptive Card: ${String(card.type)}`);
  if (!(Number(card.version) <= maxVersion)) problems.push(`version ${String(card.version)} above ${maxVersion}`);
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > maxCardBytes) problems.push(`${bytes} bytes, above Teams' ${maxCardBytes}`);
  return problems;
}

describe("the tour of a workshop in Teams", () => {
  let surfaces: TeamsSurface[] = [];
  beforeAll(async () => {
    surfaces = await playTeamsTour();
  }, 600_000);

  const seen = (kind: TeamsSurface["kind"], who: RegExp, text: string) =>
    surfaces.some(
      (surface) => surface.kind === kind && who.test(surface.who) && JSON.stringify(surface).includes(text),
    );

  it("shows people the homework: an invitation, a field error in a dialog, a reminder, the status", () => {
    expect(seen("message", /Ben/, "Homework for")).toBe(true);
    expect(seen("dialog", /Ana/, "This is the same title as result 1")).toBe(true);
    expect(seen("message", /Ana/, "7 days left")).toBe(true);
    expect(seen("message", /Fran/, "Smart Factories: 0 of 2 projects done")).toBe(true);
  });

  it("goes on to the review, the announcement and a work-plan item confirmed in its thread", () => {
    expect(seen("dialog", /Fran/, "Predictive maintenance of machines")).toBe(true);
    expect(seen("post", /^#General$/, "Join this working group")).toBe(true);
    expect(seen("post", /^#smart-factories-/, "Welcome to the working group")).toBe(true);
    expect(
      surfaces.some((surface) => surface.inThread && JSON.stringify(surface).includes("This is what I understood")),
    ).toBe(true);
  });

  it("keeps every card within what Teams shows", () => {
    const problems = surfaces.flatMap((surface) =>
      limitProblems(surface).map((problem) => `${surface.index} (${surface.step}): ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it("shows no internal value on any surface", () => {
    const problems = surfaces.flatMap((surface) =>
      [...cardTexts(surface.card), surface.text ?? "", surface.title]
        // Teams draws {{DATE(…)}} and {{TIME(…)}} as a date in the reader's zone: the timestamp never shows.
        .map((text) => text.replace(teamsDates, "a date"))
        .flatMap(shownInternals)
        .map((problem) => `${surface.index} (${surface.who}, ${surface.step}): ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});
