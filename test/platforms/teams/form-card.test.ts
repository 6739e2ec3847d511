// The neutral forms as Adaptive Cards, and submissions read back into RawValues: what a person sees in the Teams
// dialog (labels, values, errors next to fields, actions, type-ahead) and what reaches the form's schema.
import { describe, expect, it } from "vitest";
import { characterisationForm, interestForm, parseCharacterisation } from "../../../src/core/forms/homework.ts";
import { ownerOptionValue } from "../../../src/core/forms/owner-options.ts";
import type { FormSpec } from "../../../src/core/forms/spec.ts";
import { workshopSetupForm } from "../../../src/core/forms/workshop-setup.ts";
import { escapeCardText, formCard } from "../../../src/platforms/teams/cards/form-card.ts";
import { readSubmission } from "../../../src/platforms/teams/cards/form-values.ts";
import { draftResult } from "../../support/workshop-homework.ts";
import { elements, inputById, submitData } from "./forms.ts";

const result = draftResult({ title: "Edge analytics **kit**" });
const partners = ["Acme, Inc.", "Fraunhofer IPT", "~Tilde Labs"];
const draftActions = [
  { id: "draft", title: "Save draft" },
  { id: "submit", title: "Submit", style: "positive" as const },
];

describe("form cards", () => {
  it("shows each field with its label and kind; type-ahead for time zones, people and channels; date and time", () => {
    const spec = workshopSetupForm(null, [], null);
    const card = formCard(spec, { timeZone: "Europe/Brussels" });
    expect(inputById(card, "name")).toMatchObject({
      type: "Input.Text",
      label: "Workshop name",
      isRequired: true,
      maxLength: 120,
    });
    expect(inputById(card, "theme")).toMatchObject({ type: "Input.Text", isMultiline: true });
    expect(inputById(card, "maxResultsPerProject")).toMatchObject({ type: "Input.Number", min: 1, max: 10, value: 3 });
    expect(inputById(card, "timezone")).toMatchObject({
      type: "Input.ChoiceSet",
      style: "filtered",
      value: "UTC",
      "choices.data": { type: "Data.Query", dataset: "timezones" },
    });
    expect(inputById(card, "coFacilitators")).toMatchObject({
      isMultiSelect: true,
      "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users?scope=currentContext" },
    });
    expect(inputById(card, "announcementChannel")).toMatchObject({
      "choices.data": { dataset: "clusterbot.channels" },
    });
    expect(inputById(card, "homeworkDeadline")).toMatchObject({ type: "Input.Date" });
    expect(inputById(card, "homeworkDeadline__time")).toMatchObject({ type: "Input.Time", value: "17:00" });
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: "Action.Submit",
        title: "Save",
        data: { clusterbot: { form: "workshop.setup", action: "submit", context: {} } },
      }),
    ]);
  });

  it("puts each error under its field, sums them up on top, keeps the values, and lets a draft through", () => {
    const spec = characterisationForm(result, partners);
    const card = formCard(spec, {
      actions: draftActions,
      context: { resultId: "r1" },
      values: { description: "A kit that reads PLC data", trlNow: "4", owners: ["Acme, Inc."] },
      errors: { trlNow: "Please enter the TRL now between 1 and 9.", type: "Please pick a type from the list." },
    });
    const ids = elements(card).map((element) => element.id);
    expect(ids.indexOf("trlNow.error")).toBe(
      ids.indexOf("trlNow") + 1 + (spec.fields.find((f) => f.id === "trlNow")?.hint ? 1 : 0),
    );
    expect(elements(card).find((element) => element.id === "trlNow.error")).toMatchObject({
      text: "Please enter the TRL now between 1 and 9.",
      color: "Attention",
    });
    const summary = elements(card).find((element) => element.id === "errors");
    expect(JSON.stringify(summary)).toContain("Please check these 2 fields");
    expect(inputById(card, "description")).toMatchObject({ value: "A kit that reads PLC data" });
    expect(inputById(card, "trlNow")).toMatchObject({ value: "4" });
    expect(inputById(card, "owners")).toMatchObject({ value: expect.stringMatching(/^~/) });
    // A draftable form is checked on our side: no input may block a half-filled draft.
    expect(elements(card).some((element) => element.isRequired === true)).toBe(false);
    // …so what a submission needs is told apart by marking the other fields optional.
    expect(inputById(card, "keywords")).toMatchObject({ label: "Keywords (optional)" });
    expect(inputById(card, "description")).toMatchObject({ label: "Description" });
    expect((card.actions ?? []).map((action) => (action as { title?: string }).title)).toEqual([
      "Save draft",
      "Submit",
    ]);
    // The result's title is user text: its Markdown shows as typed.
    expect(elements(card)[0]?.text).toContain("Edge analytics \\*\\*kit\\*\\*");
    expect(escapeCardText("- [x](javascript:y) _a_")).toBe("\\- \\[x\\](javascript:y) \\_a\\_");
    // Markdown escapes punctuation only: a numbered line keeps its number and escapes its dot.
    expect(escapeCardText("1. Sensors\n 12. Twins")).toBe("1\\. Sensors\n 12\\. Twins");
  });

  it("reads a submission back, with commas inside choices intact, and the context returned", () => {
    const spec = characterisationForm(result, partners);
    const card = formCard(spec, { actions: draftActions, context: { resultId: "r1" } });
    const owners = inputById(card, "owners") as { choices: { value: string; title: string }[] };
    const chosen = owners.choices.filter((choice) => choice.title !== "Fraunhofer IPT").map((choice) => choice.value);
    const data = submitData(card, "submit", {
      owners: chosen.join(","),
      trlNow: "4",
      description: "  Reads PLC data ",
    });
    const submission = readSubmission(spec, data, "Europe/Madrid");
    expect(submission).toMatchObject({ form: "homework.characterise", action: "submit", context: { resultId: "r1" } });
    // Owners come back as their option ids (a long organisation name would not fit a value) and parse to names.
    expect(submission?.values.owners).toEqual(["Acme, Inc.", "~Tilde Labs"].map(ownerOptionValue));
    expect(submission?.values.trlNow).toBe("4");
    const parsed = parseCharacterisation(submission?.values ?? {}, "draft", partners);
    expect(parsed).toMatchObject({ ok: true, value: { owners: ["Acme, Inc.", "~Tilde Labs"], trlNow: 4 } });
  });

  it("reads a date and time in the person's time zone", () => {
    const spec = workshopSetupForm(null, [], null);
    const card = formCard(spec);
    const data = submitData(card, "submit", { homeworkDeadline: "2030-03-31", homeworkDeadline__time: "09:30" });
    const values = readSubmission(spec, data, "Europe/Brussels")?.values;
    expect(values?.homeworkDeadline).toBe(Date.UTC(2030, 2, 31, 7, 30) / 1000);
    const shown = formCard(spec, {
      values: { homeworkDeadline: values?.homeworkDeadline ?? null },
      timeZone: "Europe/Brussels",
    });
    expect(inputById(shown, "homeworkDeadline")).toMatchObject({ value: "2030-03-31" });
    expect(inputById(shown, "homeworkDeadline__time")).toMatchObject({ value: "09:30" });
  });

  it("turns a choice among more than 100 options into a type-ahead that still shows the current choice", () => {
    const options = Array.from({ length: 150 }, (_, index) => ({ value: `opt-${index}`, label: `Option ${index}` }));
    const spec: FormSpec = {
      id: "test.big",
      title: "Big",
      submitLabel: "Save",
      fields: [{ id: "pick", label: "Pick one", kind: "choice", required: true, options, initial: "opt-120" }],
    };
    const input = inputById(formCard(spec), "pick");
    expect(input).toMatchObject({ style: "filtered", value: "opt-120", "choices.data": { dataset: "test.big.pick" } });
    expect(input?.choices).toEqual([{ title: "Option 120", value: "opt-120" }]);
    const small = interestForm([{ resultId: "r9", label: "BETA: Sensor fusion" }], null);
    expect(inputById(formCard(small), "resultId")).toMatchObject({ style: "compact" });
  });

  it("reads missing or wrongly typed values as empty rather than failing", () => {
    const spec = characterisationForm(result, partners);
    const values = readSubmission(spec, {
      clusterbot: { form: spec.id, action: "draft" },
      trlNow: { evil: true },
      owners: 7,
    })?.values;
    expect(values?.trlNow).toBeNull();
    expect(values?.owners).toEqual(["7"]);
    expect(readSubmission(spec, { clusterbot: { form: "other.form", action: "x" } })).toBeUndefined();
    expect(readSubmission(spec, "not an object")).toBeUndefined();
  });
});
