// FormSpec → Block Kit modal, and the modal's state.values → the platform-neutral RawValues.
import type { FieldErrors, FieldOption, FieldSpec, FormSpec, RawValues } from "../../../core/forms/spec.ts";
import type { SlackBlock } from "./text.ts";
import { escapeMrkdwn, mrkdwn, plain } from "./text.ts";

export interface ModalView {
  type: "modal";
  callback_id: string;
  title: ReturnType<typeof plain>;
  submit: ReturnType<typeof plain>;
  close: ReturnType<typeof plain>;
  private_metadata: string;
  notify_on_close?: boolean;
  blocks: SlackBlock[];
}

const maxStaticOptions = 100;

export function renderForm(
  spec: FormSpec,
  options: { privateMetadata: string; extraBlocks?: SlackBlock[] },
): ModalView {
  const intro = spec.intro ? [{ type: "section", text: mrkdwn(escapeMrkdwn(spec.intro)) }] : [];
  return {
    type: "modal",
    callback_id: spec.id,
    title: plain(spec.title, 24),
    submit: plain(spec.submitLabel, 24),
    close: plain("Cancel", 24),
    private_metadata: options.privateMetadata,
    blocks: [
      ...intro,
      ...(options.extraBlocks ?? []),
      ...spec.fields.map((field) => inputBlock(field, spec.draftable === true)),
    ],
  };
}

function inputBlock(field: FieldSpec, draftable: boolean): SlackBlock {
  return {
    type: "input",
    block_id: field.id,
    optional: draftable || !field.required,
    label: plain(field.label, 2000),
    ...(field.hint ? { hint: plain(field.hint, 2000) } : {}),
    element: { action_id: field.id, ...element(field) },
  };
}

function option(choice: FieldOption) {
  return { text: plain(choice.label, 75), value: choice.value.slice(0, 150) };
}

function element(field: FieldSpec): Record<string, unknown> {
  const placeholder = field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {};
  switch (field.kind) {
    case "text":
    case "longText":
      return {
        type: "plain_text_input",
        multiline: field.kind === "longText",
        max_length: field.maxLength,
        ...placeholder,
        ...(field.initial ? { initial_value: field.initial } : {}),
      };
    case "number":
      return {
        type: "number_input",
        is_decimal_allowed: false,
        min_value: String(field.min),
        max_value: String(field.max),
        ...(field.initial !== undefined && field.initial !== null ? { initial_value: String(field.initial) } : {}),
      };
    case "choice": {
      const initial = field.options.find((choice) => choice.value === field.initial);
      if (field.options.length > maxStaticOptions) {
        return {
          type: "external_select",
          min_query_length: 0,
          ...(initial ? { initial_option: option(initial) } : {}),
        };
      }
      return {
        type: "static_select",
        options: field.options.map(option),
        ...(initial ? { initial_option: option(initial) } : {}),
      };
    }
    case "choices": {
      const initial = field.options.filter((choice) => field.initial?.includes(choice.value));
      return {
        type: "multi_static_select",
        options: field.options.slice(0, maxStaticOptions).map(option),
        ...(initial.length > 0 ? { initial_options: initial.map(option) } : {}),
      };
    }
    case "people":
      return { type: "multi_users_select", ...(field.initial?.length ? { initial_users: field.initial } : {}) };
    case "channel":
      return {
        type: "conversations_select",
        filter: { include: ["public", "private"], exclude_bot_users: true },
        ...(field.initial ? { initial_conversation: field.initial } : {}),
      };
    case "datetime":
      return {
        type: "datetimepicker",
        ...(field.initial ? { initial_date_time: Math.floor(field.initial.getTime() / 1000) } : {}),
      };
    case "search":
      return {
        type: "external_select",
        min_query_length: 0,
        ...(field.initial ? { initial_option: option(field.initial) } : {}),
      };
  }
}

interface StateValue {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[];
  selected_users?: string[];
  selected_conversation?: string | null;
  selected_date_time?: number | null;
}

/** Reads each field of the spec from `view.state.values`; anything missing or malformed reads as empty. */
export function valuesFromState(spec: FormSpec, stateValues: unknown): RawValues {
  const blocks = isRecord(stateValues) ? stateValues : {};
  const raw: RawValues = {};
  for (const field of spec.fields) {
    const block = blocks[field.id];
    const value = isRecord(block) && isRecord(block[field.id]) ? (block[field.id] as StateValue) : {};
    raw[field.id] = readValue(field, value);
  }
  return raw;
}

function readValue(field: FieldSpec, value: StateValue): RawValues[string] {
  switch (field.kind) {
    case "text":
    case "longText":
    case "number":
      return typeof value.value === "string" ? value.value : null;
    case "choice":
    case "search":
      return stringOrNull(value.selected_option?.value);
    case "choices":
      return Array.isArray(value.selected_options)
        ? value.selected_options.flatMap((choice) => stringList(choice?.value))
        : [];
    case "people":
      return Array.isArray(value.selected_users) ? value.selected_users.filter((id) => typeof id === "string") : [];
    case "channel":
      return stringOrNull(value.selected_conversation);
    case "datetime":
      return typeof value.selected_date_time === "number" ? value.selected_date_time : null;
  }
}

/** Field errors as Slack wants them in `response_action: errors`: keyed by the input's block_id. */
export function slackErrors(errors: FieldErrors, spec: FormSpec): Record<string, string> {
  const known = new Set(spec.fields.map((field) => field.id));
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    result[known.has(field) ? field : (spec.fields[0]?.id ?? field)] = message;
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function stringList(value: unknown): string[] {
  return typeof value === "string" ? [value] : [];
}
