import { isRecord } from "./args.ts";
import { interactiveElements } from "./blocks.ts";
import type { JsonObject, ViewStateValues } from "./types.ts";

/**
 * What a test types into a field: a string/number for text, date, time and single selects (the option value),
 * a string list for multi selects, users and checkboxes, or a raw object (used as-is, `type` added).
 */
export type SimpleInput = string | number | boolean | null | string[] | JsonObject;

/**
 * Builds `view.state.values` for a view from `{ action_id: input }` (or `{ "block_id/action_id": input }`),
 * with Slack's type-specific shapes. Input blocks the map leaves out get Slack's empty value.
 */
export function stateValuesFor(view: { blocks: unknown[] }, inputs: Record<string, SimpleInput>): ViewStateValues {
  const values: ViewStateValues = {};
  const used = new Set<string>();
  for (const { blockId, blockType, element } of interactiveElements(view.blocks)) {
    const actionId = String(element.action_id);
    const key = [`${blockId}/${actionId}`, actionId].find((k) => k in inputs);
    if (key === undefined && blockType !== "input") continue;
    if (key !== undefined) used.add(key);
    const input = key === undefined ? null : (inputs[key] ?? null);
    values[blockId] = { ...values[blockId], [actionId]: elementValue(element, input) };
  }
  const unknown = Object.keys(inputs).filter((k) => !used.has(k));
  if (unknown.length > 0)
    throw new Error(`stateValuesFor: no element with action_id ${unknown.join(", ")} in the view`);
  return values;
}

/** The state value of one element (also the shape of a block_actions action's selection). */
export function elementValue(element: Record<string, unknown>, input: SimpleInput): JsonObject {
  const type = String(element.type);
  if (isRecord(input)) return { type, ...input };
  const one = input === null ? null : String(input);
  const many = input === null ? [] : Array.isArray(input) ? input : [String(input)];
  switch (type) {
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return { type, selected_option: one === null ? null : optionFor(element, one) };
    case "multi_static_select":
    case "multi_external_select":
    case "checkboxes":
      return { type, selected_options: many.map((v) => optionFor(element, v)) };
    case "users_select":
      return { type, selected_user: one };
    case "multi_users_select":
      return { type, selected_users: many };
    case "conversations_select":
      return { type, selected_conversation: one };
    case "multi_conversations_select":
      return { type, selected_conversations: many };
    case "channels_select":
      return { type, selected_channel: one };
    case "multi_channels_select":
      return { type, selected_channels: many };
    case "datepicker":
      return { type, selected_date: one };
    case "timepicker":
      return { type, selected_time: one };
    case "datetimepicker":
      return { type, selected_date_time: input === null ? null : Number(input) };
    default:
      return { type, value: one };
  }
}

/** The option with this value as Slack echoes it; static lists must contain it, external ones need not. */
function optionFor(element: Record<string, unknown>, value: string): JsonObject {
  const options = allOptions(element);
  // A person picks what they read: an option is found by its value, or else by its label.
  const option =
    options.find((o) => o.value === value) ??
    options.find((o) => (o.text as { text?: unknown } | undefined)?.text === value);
  if (option) return structuredClone(option);
  if (String(element.type).includes("external"))
    return { text: { type: "plain_text", text: value, emoji: true }, value };
  throw new Error(`option value "${value}" is not offered by ${String(element.action_id)}`);
}

function allOptions(element: Record<string, unknown>): JsonObject[] {
  const direct = Array.isArray(element.options) ? element.options : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups.flatMap((g) => (isRecord(g) && Array.isArray(g.options) ? g.options : []))
    : [];
  return [...direct, ...grouped].filter(isRecord);
}
