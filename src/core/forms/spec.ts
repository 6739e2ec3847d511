// Forms are described once here and rendered by each platform adapter (Block Kit modal, Adaptive Card dialog).
// Raw values come back from the adapter keyed by field id; each form's zod schema validates them the same way.
import type { z } from "zod";

export interface FieldOption {
  value: string;
  label: string;
  /** The option's group (e.g. the project a result belongs to); surfaces without groups put it before the label. */
  group?: string;
}

/** An option's text where options cannot be grouped: "GROUP: label". */
export function ungroupedLabel(option: FieldOption): string {
  return option.group ? `${option.group}: ${option.label}` : option.label;
}

interface FieldBase {
  id: string;
  label: string;
  required: boolean;
  hint?: string;
  placeholder?: string;
}

export type FieldSpec = FieldBase &
  (
    | { kind: "text" | "longText"; maxLength: number; initial?: string | null }
    | { kind: "number"; min: number; max: number; initial?: number | null }
    | { kind: "choice"; options: FieldOption[]; initial?: string | null }
    | { kind: "choices"; options: FieldOption[]; initial?: string[] }
    | { kind: "people"; initial?: string[] }
    | { kind: "channel"; initial?: string | null }
    | { kind: "datetime"; initial?: Date | null }
    /** A choice among more options than a menu holds; the adapter searches them as the user types. */
    | { kind: "search"; source: string; initial?: FieldOption | null }
  );

/** One way to submit a form, e.g. "Keep as a draft" or "Submit". */
export interface FormAction {
  id: string;
  label: string;
}

export interface FormSpec {
  /** Routes the submission back, e.g. "homework.results". */
  id: string;
  title: string;
  /** The submit button's label; with `actions`, the label of the one button of surfaces that have only one. */
  submitLabel: string;
  /**
   * More than one way to submit (e.g. keep as a draft, or submit). Surfaces with several submit buttons show one
   * per choice; Slack, which has one, shows a choice labelled `label` next to its submit button. The chosen id comes
   * back with the submission as its `action`; without `actions` that is null.
   * `closeKeeps`: the choice that closing the form makes too (its screen hears the close, `notifyOnClose`), e.g. a
   * draft; a surface with one submit button offers it as its close button and the other choice as its submit, so
   * the fields required to submit can be marked required there.
   */
  actions?: { label: string; choices: FormAction[]; initial?: string; closeKeeps?: string };
  intro?: string;
  /** Required fields may be left empty while the answer is kept as a draft (checked by the form's schema). */
  draftable?: boolean;
  fields: FieldSpec[];
}

/**
 * What an adapter extracts from a submission, by field id: text as typed (numbers too), a choice as its option value,
 * choices as a list of values, people as platform user ids, a channel as its platform id, a date-time as an ISO 8601
 * instant ("2026-03-13T16:00:00.000Z"; surfaces whose input has no zone read it in the person's time zone).
 */
export type RawValue = string | string[] | number | null;
export type RawValues = Record<string, RawValue>;

export type FieldErrors = Record<string, string>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Runs a form's schema; each problem is reported once, next to the field it is about. */
export function parseForm<T>(schema: z.ZodType<T>, raw: RawValues): Parsed<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

export const formTitleMaxLength = 24;
