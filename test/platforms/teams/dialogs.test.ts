// A form in a Teams dialog, end to end through the stand-in: task/fetch opens the card, task/submit with bad
// values answers the same card with errors next to the fields and the typed values kept, a good one closes it;
// a failing save keeps what was typed; a long choice list is searched as the person types.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { characterisationForm, parseCharacterisation } from "../../../src/core/forms/homework.ts";
import type { FormSpec, RawValues } from "../../../src/core/forms/spec.ts";
import { draftResult } from "../../support/workshop-homework.ts";
import { continuedCard, elements, inputById, submitData } from "./forms.ts";
import { people, startTeamsHarness, type TeamsHarness } from "./harness.ts";

const result = draftResult();
const partners = ["Acme, Inc.", "Fraunhofer IPT"];
const big: FormSpec = {
  id: "test.big",
  title: "Pick",
  submitLabel: "Save",
  fields: [
    {
      id: "pick",
      label: "Organisation",
      kind: "choice",
      required: true,
      options: Array.from({ length: 300 }, (_, index) => ({ value: `org-${index}`, label: `Organisation ${index}` })),
    },
  ],
};

describe("Teams dialogs for the neutral forms", () => {
  let harness: TeamsHarness;
  const saved: { context: Record<string, string>; values: RawValues }[] = [];
  let failNextSave = false;
  beforeAll(async () => {
    harness = await startTeamsHarness("pglite");
    const dialogs = harness.adapter.dialogs;
    const spec = () => characterisationForm(result, partners);
    const actions = [
      { id: "draft", title: "Save draft" },
      { id: "submit", title: "Submit", style: "positive" as const },
    ];
    dialogs.onOpen("characterise", async (data) => ({
      kind: "form",
      spec: spec(),
      state: { actions, context: { resultId: String(data.resultId) } },
    }));
    dialogs.onOpen("big", async () => ({ kind: "form", spec: big }));
    dialogs.onForm("homework.characterise", {
      spec,
      async submit(submission) {
        const values = submission.values;
        const parsed = parseCharacterisation(values, submission.action === "submit" ? "submitted" : "draft", partners);
        if (!parsed.ok)
          return {
            kind: "form",
            spec: spec(),
            state: { actions, values, errors: parsed.errors, context: submission.context },
          };
        if (failNextSave) {
          failNextSave = false;
          throw new Error("the database went away");
        }
        saved.push({ context: submission.context, values });
        return { kind: "close", message: "Saved." };
      },
    });
  });
  afterAll(() => harness.close());

  it("opens the form, shows errors next to the fields with the typed values kept, then saves and closes", async () => {
    const opened = await harness.teams.driver.openDialog(people.ana, { dialog: "characterise", resultId: "r1" });
    expect(opened.status).toBe(200);
    const card = continuedCard(opened.body);
    expect(inputById(card, "description")).toMatchObject({ label: "Description" });

    const incomplete = submitData(card, "submit", {
      description: "Reads PLC data at the edge",
      trlNow: "7",
      trlExpected: "3",
    });
    const again = await harness.teams.driver.submitDialog(people.ana, incomplete);
    const errorCard = continuedCard(again.body);
    const errors = elements(errorCard).filter((element) => String(element.id).endsWith(".error"));
    expect(errors.length).toBeGreaterThan(0);
    expect(inputById(errorCard, "description")).toMatchObject({ value: "Reads PLC data at the edge" });
    expect(elements(errorCard).find((element) => element.id === "errors")).toBeDefined();
    expect(saved).toEqual([]);

    const draft = await harness.teams.driver.submitDialog(
      people.ana,
      submitData(errorCard, "draft", { trlExpected: "8" }),
    );
    expect(draft.body).toEqual({ task: { type: "message", value: "Saved." } });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.context).toEqual({ resultId: "r1" });
    expect(saved[0]?.values.description).toBe("Reads PLC data at the edge");
  });

  it("keeps what was typed when saving fails, with a note on top", async () => {
    const card = continuedCard(
      (await harness.teams.driver.openDialog(people.ana, { dialog: "characterise", resultId: "r1" })).body,
    );
    failNextSave = true;
    const answer = await harness.teams.driver.submitDialog(
      people.ana,
      submitData(card, "draft", { usp: "Ten times cheaper" }),
    );
    const kept = continuedCard(answer.body);
    expect(inputById(kept, "usp")).toMatchObject({ value: "Ten times cheaper" });
    expect(JSON.stringify(elements(kept).find((element) => element.id === "errors"))).toContain("could not be saved");
  });

  it("answers a type-ahead search over a long choice list, and reads the chosen value back", async () => {
    const card = continuedCard((await harness.teams.driver.openDialog(people.ben, { dialog: "big" })).body);
    expect(inputById(card, "pick")).toMatchObject({ "choices.data": { dataset: "test.big.pick" } });
    const answer = await harness.teams.driver.search(people.ben, "test.big.pick", "organisation 29");
    const body = answer.body as { type: string; value: { results: { title: string; value: string }[] } };
    expect(body.type).toBe("application/vnd.microsoft.search.searchResponse");
    expect(body.value.results.map((entry) => entry.title)).toEqual([
      "Organisation 29",
      ...Array.from({ length: 10 }, (_, index) => `Organisation ${290 + index}`),
    ]);
  });

  it("says so when a form or dialog is unknown, instead of failing", async () => {
    const unknown = await harness.teams.driver.openDialog(people.ben, { dialog: "nope" });
    expect(unknown.body).toEqual({ task: { type: "message", value: "This dialog is no longer available." } });
    const foreign = await harness.teams.driver.submitDialog(people.ben, { anything: "else" });
    expect(foreign.body).toEqual({ task: { type: "message", value: "This form is no longer available." } });
  });
});
