// Every button, form, type-ahead field and command the app shows has a route: a feature cannot add one and forget
// to register it.
import { describe, expect, it } from "vitest";
import { helpMessage } from "../../src/app/commands/help.ts";
import { groupActions } from "../../src/app/groups/messages.ts";
import { homeworkActions } from "../../src/app/homework/actions.ts";
import type { Interaction } from "../../src/app/interaction/interaction.ts";
import { findRoute } from "../../src/app/interaction/router.ts";
import { appRoutes } from "../../src/app/routes.ts";
import { characterisationForm, interestForm, resultListForm } from "../../src/core/forms/homework.ts";
import { projectForm } from "../../src/core/forms/project.ts";
import type { FormSpec } from "../../src/core/forms/spec.ts";
import { workshopSetupForm } from "../../src/core/forms/workshop-setup.ts";
import { reminderActions } from "../../src/core/reminders/messages.ts";
import { reviewActions, reviewForms } from "../../src/core/review/actions.ts";
import { plainText } from "../../src/core/screens/text.ts";
import { workPlanForm } from "../../src/core/workplan/form.ts";
import { draftResult } from "../support/workshop-homework.ts";

const result = draftResult({ title: "Kit" });
const manyTargets = Array.from({ length: 120 }, (_, index) => ({ resultId: `r${index}`, label: `P: ${index}` }));
const forms: FormSpec[] = [
  workshopSetupForm(null, [], null),
  projectForm(null, []),
  projectForm(
    {
      id: "p1",
      workshopId: "w",
      acronym: "A",
      title: "A",
      summary: null,
      programme: null,
      reopenedUntil: null,
      partners: [],
      memberIds: [],
    },
    [],
  ),
  resultListForm("A", [], 3),
  characterisationForm(result, ["Uni"]),
  interestForm(manyTargets, null),
  workPlanForm(["ACME"], null),
];

describe("the app's routes", () => {
  const routed = (interaction: Interaction) => findRoute(appRoutes, interaction)?.name;

  it("route every button the app puts on messages and screens", () => {
    const actions = [
      ...Object.values(homeworkActions),
      ...Object.values(reminderActions),
      ...new Set(Object.values(reviewActions)),
      ...Object.values(groupActions),
    ];
    for (const actionId of actions) {
      for (const where of ["message", "screen"] as const) {
        const name = routed({ kind: "action", actionId, value: "", where, context: {} });
        expect(name, actionId).toBe(`action ${actionId}`);
      }
    }
  });

  it("route every form's submission and every type-ahead field", () => {
    for (const form of forms) {
      const name = routed({ kind: "submit", formId: form.id, action: null, values: {}, context: {} });
      expect(name, form.id).toMatch(/^submit /);
      for (const field of form.fields.filter((candidate) => candidate.kind === "search")) {
        const suggest = routed({ kind: "suggest", formId: form.id, fieldId: field.id, query: "", context: {} });
        expect(suggest, `${form.id}/${field.id}`).toBe(`suggest ${form.id}/${field.id}`);
      }
    }
  });

  it("route every form of the clusters' review", () => {
    for (const formId of Object.values(reviewForms)) {
      const name = routed({ kind: "submit", formId, action: null, values: {}, context: {} });
      expect(name, formId).toBe(`submit ${formId}`);
    }
  });

  it("route every command the help lists to its own route, not the fallback", () => {
    const commands = (helpMessage().blocks ?? []).flatMap((block) =>
      block.kind === "list" ? block.items.map((item) => item.title ?? "") : [],
    );
    expect(commands.length).toBeGreaterThan(8);
    for (const command of commands) {
      const text = plainText(command)
        .replace(/^\/cluster /, "")
        .replace("ACRONYM", "ALPHA")
        .replace("YYYY-MM-DD", "2030-01-01")
        .replace(/ \[.*\]$/, "");
      expect(routed({ kind: "command", text }), command).not.toBe("any command");
    }
    expect(routed({ kind: "command", text: "dance" })).toBe("any command");
  });
});
