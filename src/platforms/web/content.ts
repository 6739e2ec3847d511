// Checks what the bot hands the workspace (message content, dialogs) and turns a FormSpec into what the browser
// renders: fields without initial values, plus the raw values (the same shapes Slack's modals give back).
import { z } from "zod";
import { cleanText } from "../../core/forms/fields.ts";
import type { FieldSpec, FormSpec, RawValue, RawValues } from "../../core/forms/spec.ts";
import type { DialogAction, DialogField, MessageContent } from "./protocol.ts";

const line = (max: number) => z.string().max(max);
const button = z.object({
  actionId: line(255).min(1),
  label: line(75).min(1),
  value: line(2000),
  style: z.enum(["primary", "danger"]).optional(),
});
/** Only paths of this server: no `javascript:` or other sites behind a link the bot posts. */
const localPath = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])[^\s]*$/, "a link must be a path on this server");

const block = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), heading: line(300).optional(), text: line(12_000) }),
  z.object({
    type: z.literal("fields"),
    fields: z.array(z.object({ label: line(300), value: line(2000) })).max(50),
  }),
  z.object({ type: z.literal("actions"), buttons: z.array(button).min(1).max(25) }),
  z.object({ type: z.literal("context"), text: line(3000) }),
  z.object({ type: z.literal("divider") }),
  z.object({ type: z.literal("link"), label: line(300).min(1), href: localPath }),
]);

export const messageContentSchema = z.object({
  text: line(40_000),
  blocks: z.array(block).max(100).optional(),
});

export const personTextMaxLength = 10_000;

/** What a person typed, as content: control characters dropped, trimmed; null when nothing is left. */
export function personContent(text: string): MessageContent | null {
  const cleaned = cleanText(text);
  return cleaned === "" ? null : { text: cleaned.slice(0, personTextMaxLength) };
}

export const dialogActionSchema = z.object({
  id: line(100).min(1),
  label: line(40).min(1),
  style: z.enum(["primary", "danger"]).optional(),
});

/** The dialog's buttons: the ones the bot gave, else the form's own submit label. */
export function dialogActions(spec: FormSpec, actions: DialogAction[] | undefined): DialogAction[] {
  return actions && actions.length > 0 ? actions : [{ id: "submit", label: spec.submitLabel, style: "primary" }];
}

export function dialogFields(spec: FormSpec): DialogField[] {
  return spec.fields.map(dialogField);
}

function dialogField(field: FieldSpec): DialogField {
  {
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
        return { ...base, kind: field.kind, options: field.options };
      case "people":
      case "channel":
      case "datetime":
        return { ...base, kind: field.kind };
      case "search":
        return { ...base, kind: field.kind, source: field.source, selected: field.initial ?? null };
    }
  }
}

/** The raw value a field starts with, in the shape a submission carries (datetime: Unix seconds, as Slack). */
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
      return field.initial ? Math.floor(field.initial.getTime() / 1000) : null;
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

/**
 * Raw values from the browser, narrowed to the form's fields and to each field's shape; anything else is dropped.
 * Text is kept as typed (the form's schema cleans it), only cut at a generous length.
 */
export function pickKnown(fields: readonly FieldShape[], raw: Record<string, unknown>): RawValues {
  const values: RawValues = {};
  for (const field of fields) {
    if (!(field.id in raw)) continue;
    values[field.id] = narrowRawValue(field, raw[field.id]);
  }
  return values;
}

type FieldShape = Pick<FieldSpec, "id" | "kind">;

function narrowRawValue(field: FieldShape, value: unknown): RawValue {
  switch (field.kind) {
    case "choices":
    case "people":
      return Array.isArray(value)
        ? value.filter((item): item is string => typeof item === "string").map((item) => item.slice(0, 500))
        : [];
    case "datetime":
      return typeof value === "number" && Number.isFinite(value) ? Math.trunc(value) : null;
    default:
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
      return typeof value === "string" ? value.slice(0, rawValueLimit) : null;
  }
}
