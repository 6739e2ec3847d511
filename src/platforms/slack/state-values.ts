// A modal's `view.state.values` → the neutral RawValues, read by element type (so no form spec is needed), and the
// submit action chosen in the block that stands for a form's several submit buttons.
import { z } from "zod";
import type { RawValue, RawValues } from "../../core/forms/spec.ts";

/** The input block that carries the chosen submit action of a form with `actions` (see render/screens.ts). */
export const submitActionBlockId = "submit";
/** The private-metadata key of a form's one submit action when Slack's submit button stands for it. */
export const submitActionKey = "slackSubmit";

const option = z.object({ value: z.string() });
const element = z.looseObject({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: option.nullish(),
  selected_options: z.array(option).nullish(),
  selected_user: z.string().nullish(),
  selected_users: z.array(z.string()).nullish(),
  selected_conversation: z.string().nullish(),
  selected_channel: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_date_time: z.number().nullish(),
});
const stateSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export function readStateValues(stateValues: unknown): { values: RawValues; action: string | null } {
  const blocks = stateSchema.safeParse(stateValues);
  const values: RawValues = {};
  if (!blocks.success) return { values, action: null };
  for (const [blockId, elements] of Object.entries(blocks.data)) {
    const parsed = element.safeParse(elements[blockId] ?? Object.values(elements)[0]);
    if (parsed.success) values[blockId] = rawValue(parsed.data);
  }
  const chosen = values[submitActionBlockId];
  delete values[submitActionBlockId];
  return { values, action: typeof chosen === "string" ? chosen : null };
}

function rawValue(state: z.infer<typeof element>): RawValue {
  switch (state.type) {
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return state.selected_option?.value ?? null;
    case "multi_static_select":
    case "multi_external_select":
    case "checkboxes":
      return (state.selected_options ?? []).map((selected) => selected.value);
    case "users_select":
      return state.selected_user ?? null;
    case "multi_users_select":
      return state.selected_users ?? [];
    case "conversations_select":
      return state.selected_conversation ?? null;
    case "channels_select":
      return state.selected_channel ?? null;
    case "datepicker":
      return state.selected_date ?? null;
    case "datetimepicker":
      return typeof state.selected_date_time === "number" && Number.isFinite(state.selected_date_time)
        ? isoInstant(state.selected_date_time)
        : null;
    default:
      return state.value ?? null;
  }
}

/** Slack's epoch seconds as the ISO instant the core reads; out-of-range seconds read as no value. */
function isoInstant(seconds: number): string | null {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
