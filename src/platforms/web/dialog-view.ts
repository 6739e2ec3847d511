// A dialog as the workspace keeps it: a form (the FormSpec's fields without initial values, its submit buttons,
// errors) or a panel (blocks with buttons). Raw values have the core's shapes (RawValues): text and numbers as typed,
// a choice as its value, several as a list, people and a channel as workspace ids, a date-time as an ISO instant.
import {
  type FieldErrors,
  type FieldSpec,
  type FormSpec,
  type RawValue,
  type RawValues,
  ungroupedLabel,
} from "../../core/forms/spec.ts";
import type { ScreenContext } from "../../core/screens/context.ts";
import type { FormScreen, PanelScreen } from "../../core/screens/screens.ts";
import { wirePanel } from "./content.ts";
import type { DialogAction, DialogField, FormDialogView, PanelDialogView } from "./protocol.ts";

type Kept<View> = Omit<View, "id" | "version" | "status" | "values">;

export type StoredFormView = Kept<FormDialogView> & {
  /** The form declares several ways to submit (`FormSpec.actions`): the chosen one is given back. */
  choices: boolean;
  /** The bot hears the person closing it (`FormScreen.notifyOnClose`). */
  notifyOnClose: boolean;
};
export type StoredPanelView = Kept<PanelDialogView>;
export type StoredDialogView = StoredFormView | StoredPanelView;

/** What a dialog is made of in the store. */
export interface StoredDialog {
  view: StoredDialogView;
  values: RawValues;
  context: ScreenContext;
}

/** The id of the one submit button of a form without `actions`. */
export const singleSubmitId = "submit";

/** The form's buttons: one per declared action, else its submit label. The last is the main one. */
function formActions(spec: FormSpec): DialogAction[] {
  const choices = spec.actions?.choices;
  if (!choices || choices.length === 0) return [{ id: singleSubmitId, label: spec.submitLabel, style: "primary" }];
  return choices.map((choice, index) => ({
    id: choice.id,
    label: choice.label,
    ...(index === choices.length - 1 ? { style: "primary" as const } : {}),
  }));
}

/** Errors next to the form's fields; the rest (and the summary) read as a notice above them. */
function placeErrors(fieldIds: readonly string[], errors: FieldErrors, summary: string | undefined) {
  const ids = new Set(fieldIds);
  const byField: FieldErrors = {};
  const elsewhere: string[] = summary ? [summary] : [];
  for (const [id, message] of Object.entries(errors)) {
    if (ids.has(id)) byField[id] = message;
    else elsewhere.push(message);
  }
  return { errors: byField, notice: elsewhere.join(" ") || null };
}

export function storedForm(screen: FormScreen): StoredDialog {
  const { form } = screen;
  return {
    view: {
      kind: "form",
      formId: form.id,
      title: form.title,
      intro: form.intro ?? null,
      fields: form.fields.map(dialogField),
      actions: formActions(form),
      closeLabel: "Cancel",
      choices: (form.actions?.choices.length ?? 0) > 0,
      notifyOnClose: screen.notifyOnClose === true,
      ...placeErrors(
        form.fields.map((field) => field.id),
        screen.errors ?? {},
        screen.errorSummary,
      ),
    },
    values: startingValues(form, screen.values),
    context: screen.context,
  };
}

/** Throws ContentError when the blocks are not what a panel holds. */
export function storedPanel(screen: PanelScreen): StoredDialog {
  return {
    view: { kind: "panel", screenId: screen.id, closeLabel: screen.closeLabel ?? "Close", ...wirePanel(screen) },
    values: {},
    context: screen.context,
  };
}

/** The same form with errors next to its fields (and a summary above them); typed values stay. */
export function withErrors(view: StoredFormView, errors: FieldErrors, summary: string | undefined): StoredFormView {
  return {
    ...view,
    ...placeErrors(
      view.fields.map((field) => field.id),
      errors,
      summary,
    ),
  };
}

function dialogField(field: FieldSpec): DialogField {
  const base = {
    id: field.id,
    label: field.label,
    required: field.required,
    ...(field.hint ? { hint: field.hint } : {}),
    ...(field.placeholder ? { placeholder: field.placeholder } : {}),
  };
  switch (field.kind) {
    case "text":
    case "longText":
      return { ...base, kind: field.kind, maxLength: field.maxLength };
    case "number":
      return { ...base, kind: field.kind, min: field.min, max: field.max };
    case "choice":
    case "choices":
      // The browser's menus are not grouped: the group goes before the label.
      return {
        ...base,
        kind: field.kind,
        options: field.options.map((option) => ({ value: option.value, label: ungroupedLabel(option) })),
      };
    case "people":
    case "channel":
    case "datetime":
      return { ...base, kind: field.kind };
    case "search":
      return { ...base, kind: field.kind, source: field.source, selected: field.initial ?? null };
  }
}

/** The raw value a field starts with, in the shape a submission carries. */
export function initialRawValue(field: FieldSpec): RawValue {
  switch (field.kind) {
    case "text":
    case "longText":
    case "choice":
    case "channel":
      return field.initial ?? null;
    case "number":
      return field.initial === null || field.initial === undefined ? null : String(field.initial);
    case "choices":
    case "people":
      return field.initial ?? [];
    case "datetime":
      return field.initial && !Number.isNaN(field.initial.getTime()) ? field.initial.toISOString() : null;
    case "search":
      return field.initial?.value ?? null;
  }
}

/** The form's initial values, overridden by the values given (e.g. what the person typed before an error). */
export function startingValues(spec: FormSpec, given: RawValues | undefined): RawValues {
  const values: RawValues = {};
  for (const field of spec.fields) values[field.id] = initialRawValue(field);
  return { ...values, ...pickKnown(spec.fields, given ?? {}) };
}

const rawValueLimit = 20_000;

type FieldShape = Pick<FieldSpec, "id" | "kind">;

/**
 * Raw values from the browser, narrowed to the form's fields and to each field's shape; anything else is dropped.
 * Text is kept as typed (the form's schema cleans it), only cut at a generous length.
 */
export function pickKnown(fields: readonly FieldShape[], raw: Record<string, unknown>): RawValues {
  const values: RawValues = {};
  for (const field of fields) {
    if (Object.hasOwn(raw, field.id)) values[field.id] = narrowRawValue(field, raw[field.id]);
  }
  return values;
}

function narrowRawValue(field: FieldShape, value: unknown): RawValue {
  switch (field.kind) {
    case "choices":
    case "people":
      return Array.isArray(value)
        ? value.filter((item): item is string => typeof item === "string").map((item) => item.slice(0, 500))
        : [];
    case "datetime":
      return typeof value === "string" && value.length <= 40 && !Number.isNaN(Date.parse(value))
        ? new Date(value).toISOString()
        : null;
    default:
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
      return typeof value === "string" ? value.slice(0, rawValueLimit) : null;
  }
}
