// Text that looks like something else, through Slack: an acronym in look-alike letters is refused next to the
// field; invisible, bidi and control characters never reach the store; full-width and compatibility forms are
// stored in their plain form.
import { describe, expect, it } from "vitest";
import { cleanUserText, lookalikeAcronymProblem, looksAlike, skeleton } from "../../src/core/text/index.ts";
import { backends } from "../support/database.ts";
import { users } from "../support/slack-bot.ts";
import { seededSlackBot } from "../support/slack-seed.ts";
import { submitModal } from "../support/slack-ui.ts";

describe.each(backends)("look-alike and invisible text from Slack on %s", (backend) => {
  const bot = seededSlackBot(backend, [{ acronym: "ALPHA", members: ["ana"] }]);

  const addProject = (inputs: { acronym: string; title: string; summary?: string; partners?: string }) =>
    submitModal(bot.harness.slack, users.facilitator, "project add", "project.add", {
      partners: "",
      members: [],
      ...inputs,
    });
  const stored = async (acronym: string) =>
    (await bot.harness.deps.repos.projects.list(bot.seeded.workshop.id)).find((project) => project.acronym === acronym);

  it.each([
    ["Greek capital alpha beside Latin letters", "\u0391LPHA", /mixes Greek and Latin letters/],
    ["Cyrillic letters only, reading as Latin", "\u0410\u0412\u0421", /reads as "ABC"/],
    ["a Latin small alpha passing for a", "\u0251lpha", /reads as "alpha"/],
  ])("refuses an acronym in %s, next to the field", async (_case, acronym, message) => {
    const answer = await addProject({ acronym, title: "Look-alike" });
    expect(answer.responseAction?.action).toBe("errors");
    const errors = (answer.responseAction as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors)).toEqual(["acronym"]);
    expect(errors.acronym).toMatch(message);
    expect((await bot.harness.deps.repos.projects.list(bot.seeded.workshop.id)).length).toBe(1);
  });

  it("accepts an acronym in one non-Latin alphabet that does not pass for a Latin one", async () => {
    const answer = await addProject({ acronym: "\u0395\u039b\u039b\u0391\u03a3", title: "Greek project" });
    expect(answer.responseAction?.action).toBe("close");
    expect(await stored("\u0395\u039b\u039b\u0391\u03a3")).toBeDefined();
  });

  it("stores text without bidi overrides, zero-width or control characters, normalised", async () => {
    const answer = await addProject({
      acronym: "\uff22\uff25\uff34\uff21", // full-width BETA
      title: "Sensor\u202e kit\u200b for \u2066edge\u2069 use\u0085\u0007 \ufb01eld",
      summary: "First line\nSecond\u00a0line\tend\u200d",
      partners: "Uni\u00adversity of \u200fNowhere\nACME\u0000 Corp",
    });
    expect(answer.responseAction?.action).toBe("close");
    const project = await stored("BETA");
    expect(project).toMatchObject({
      title: "Sensor kit for edge use field",
      summary: "First line\nSecond line\tend",
      partners: expect.arrayContaining(["University of Nowhere", "ACME Corp"]),
    });
  });
});

describe("the text module", () => {
  it("keeps joiners that shape emoji and scripts, drops those hiding in ASCII", () => {
    expect(cleanUserText("family \u{1F468}\u200d\u{1F469}")).toBe("family \u{1F468}\u200d\u{1F469}");
    expect(cleanUserText("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645")).toContain("\u200c");
    expect(cleanUserText("AL\u200dPHA")).toBe("ALPHA");
  });

  it("turns line breaks into spaces where only one line is allowed", () => {
    expect(cleanUserText("a\nb\r\nc\u2028d\te", { multiline: false })).toBe("a b c d e");
  });

  it("gives look-alikes the same UTS #39 skeleton", () => {
    expect(looksAlike("\u0391LPHA", "ALPHA")).toBe(true);
    expect(looksAlike("paypal", "p\u0430yp\u0430l")).toBe(true);
    expect(looksAlike("ALPHA", "ALPHB")).toBe(false);
    expect(skeleton("rn")).toBe(skeleton("m"));
  });

  it("leaves ordinary acronyms alone, including Latin with accents and Japanese with Latin", () => {
    for (const acronym of ["ALPHA", "5G-PPP", "\u00c9T\u00c9", "AI\u6771\u4eac", "\u0395\u039b\u039b\u0391\u03a3"]) {
      expect(lookalikeAcronymProblem(acronym)).toBeUndefined();
    }
  });
});
