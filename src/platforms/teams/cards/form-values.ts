// Reads a dialog's task/submit back into the neutral RawValues of its form: Teams merges the inputs' values (all
// strings) into the submit action's data; multi-selects arrive comma-separated, a date and a time as two inputs.
// Anything missing or of the wrong type reads as empty, so the form's own schema reports it next to the field.
import type { FieldSpec, FormSpec, RawValue, RawValues } from "../../../core/forms/spec.ts";
import { instantAt, isValidTimeZone } from "../../../core/reminders/zoned-time.ts";
import { decodeChoice, decodeChoiceList } from "./choice-values.ts";
import { defaultTime, type SubmitData, submitKey, timeSuffix } from "./form-card.ts";

export interface Submission {
  form: string;
  action: string;
  context: Record<string, string>;
  values: RawValues;
}

/** Which form and action a submit data belongs to (before the spec is known); undefined when it is not ours. */
export function submitDataOf(data: unknown): SubmitData | undefined {
  if (!isRecord(data)) return undefined;
  const ours = data[submitKey];
  if (!isRecord(ours) || typeof ours.form !== "string" || typeof ours.action !== "string") return undefined;
  const context: Record<string, string> = {};
  if (isRecord(ours.context))
    for (const [key, value] of Object.entries(ours.context)) if (typeof value === "string") context[key] = value;
  return { form: ours.form, action: ours.action, context };
}

export function readSubmission(spec: FormSpec, data: unknown, timeZone = "UTC"): Submission | undefined {
  const submit = submitDataOf(data);
  if (!submit || submit.form !== spec.id || !isRecord(data)) return undefined;
  return { ...submit, values: readFields(spec.fields, data, timeZone) };
}

/** The inputs of these fields (only their ids and kinds matter) read from a submit data. */
export function readFields(
  fields: readonly Pick<FieldSpec, "id" | "kind">[],
  data: Record<string, unknown>,
  timeZone = "UTC",
): RawValues {
  const values: RawValues = {};
  for (const field of fields) values[field.id] = readField(field, data, timeZone);
  return values;
}

function readField(field: Pick<FieldSpec, "id" | "kind">, data: Record<string, unknown>, timeZone: string): RawValue {
  const raw = data[field.id];
  const text = typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : null;
  switch (field.kind) {
    case "text":
    case "longText":
    case "number":
      return text;
    case "choice":
    case "search":
    case "channel":
      return text === null || text.trim() === "" ? null : decodeChoice(text.trim());
    case "choices":
    case "people":
      return text === null ? [] : decodeChoiceList(text);
    case "datetime":
      return readDateTime(text, data[`${field.id}${timeSuffix}`], timeZone);
  }
}

/** "2025-06-30" and "17:30" in the person's time zone → seconds since the epoch; no date → null. */
function readDateTime(date: string | null, time: unknown, timeZone: string): number | null {
  const day = date?.trim().match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!day) return null;
  const clock = (typeof time === "string" && time.trim() !== "" ? time.trim() : defaultTime).match(
    /^(\d{1,2}):(\d{2})/,
  );
  const hour = clock ? Math.min(23, Number(clock[1])) : 17;
  const minute = clock ? Math.min(59, Number(clock[2])) : 0;
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const instant = instantAt({ year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) }, hour, minute, zone);
  return Number.isNaN(instant.getTime()) ? null : Math.floor(instant.getTime() / 1000);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
