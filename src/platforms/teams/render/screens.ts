// The core's screens in a Teams dialog (task module): a form as the Adaptive Card form of cards/form-card.ts,
// carrying back what the core needs to read the submission (the form's context, its field kinds, whether it has
// several ways to submit); a panel as a card whose buttons submit the dialog with their action.
import type { TaskModuleResponse } from "@microsoft/teams.api";
import type { IAdaptiveCard } from "@microsoft/teams.cards";
import type { FieldSpec, FormSpec, RawValues } from "../../../core/forms/spec.ts";
import { encodeContext, type ScreenContext } from "../../../core/screens/context.ts";
import type { FormScreen, PanelScreen, Screen } from "../../../core/screens/screens.ts";
import type { FormAction, FormCardState } from "../cards/form-card.ts";
import type { DialogScreen } from "../dialogs.ts";
import { cardElements } from "./blocks.ts";
import { cardText } from "./text.ts";

/** The dataset of a core form's type-ahead field: it names the form, the field and the screen's context. */
export const suggestPrefix = "clusterbot.suggest:";

/** What a core form's card carries in its submit data's context (all strings, as the card form wants). */
export interface CoreFormContext {
  /** The screen's context, encoded. */
  screen: string;
  /** Field id → kind, to read the inputs back. */
  fields: string;
  /** "1" when the form has one way to submit (the core then gets `action: null`). */
  single: string;
  /** The drawn screen's key in the adapter's memory, to draw it again with field errors. */
  drawn: string;
}

export function suggestDataset(formId: string, fieldId: string, context: ScreenContext): string {
  const payload = Buffer.from(JSON.stringify({ f: formId, i: fieldId, c: encodeContext(context) })).toString(
    "base64url",
  );
  return `${suggestPrefix}${payload}`;
}

/** The card form for a core form screen: the spec with its type-ahead sources pointed at the core. */
export function formDialog(screen: FormScreen, drawn: string): { spec: FormSpec; state: FormCardState } {
  const { form } = screen;
  const fields = form.fields.map(
    (field): FieldSpec =>
      field.kind === "search" ? { ...field, source: suggestDataset(form.id, field.id, screen.context) } : field,
  );
  const kinds = Object.fromEntries(form.fields.map((field) => [field.id, field.kind]));
  const context: CoreFormContext = {
    screen: encodeContext(screen.context),
    fields: JSON.stringify(kinds),
    single: form.actions ? "0" : "1",
    drawn,
  };
  const actions: FormAction[] = form.actions
    ? form.actions.choices.map((choice, index, all) => ({
        id: choice.id,
        title: choice.label,
        ...(index === all.length - 1 ? { style: "positive" as const } : {}),
      }))
    : [{ id: "submit", title: form.submitLabel, style: "positive" }];
  const errors = {
    ...(screen.errorSummary ? { form: screen.errorSummary } : {}),
    ...screen.errors,
  };
  return {
    spec: { ...form, fields },
    state: {
      ...(screen.values ? { values: cardValues(form, screen.values) } : {}),
      ...(Object.keys(errors).length > 0 ? { errors } : {}),
      context: { ...context },
      actions,
    },
  };
}

/** The core's date-times are ISO instants; the card form shows seconds since the epoch. */
function cardValues(form: FormSpec, values: RawValues): RawValues {
  const shown: RawValues = { ...values };
  for (const field of form.fields) {
    const value = values[field.id];
    if (field.kind !== "datetime" || typeof value !== "string") continue;
    const at = new Date(value).getTime();
    shown[field.id] = Number.isNaN(at) ? null : Math.floor(at / 1000);
  }
  return shown;
}

export function panelCard(screen: PanelScreen): IAdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      { type: "TextBlock", text: cardText(screen.title), size: "Large", weight: "Bolder", wrap: true },
      ...cardElements(screen.blocks, { where: "screen", screenId: screen.id, context: screen.context }),
    ],
  };
}

export function panelDialog(screen: PanelScreen): TaskModuleResponse {
  return {
    task: {
      type: "continue",
      value: {
        title: screen.title,
        height: "large",
        width: "large",
        card: { contentType: "application/vnd.microsoft.card.adaptive", content: panelCard(screen) },
      },
    },
  };
}

/** A form screen as the dialog layer draws it (with its remembered type-ahead lists). */
export function formDialogScreen(screen: FormScreen, drawn: string): DialogScreen {
  const { spec, state } = formDialog(screen, drawn);
  return { kind: "form", spec, state };
}

export type { Screen };
