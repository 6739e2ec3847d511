// A neutral form (FormSpec) as an Adaptive Card for a Teams dialog: each field an input with its label, the
// current values filled in, each field error right under its field plus a summary at the top, one submit action
// per way of saving ("Save draft", "Submit"…), choices with more than 100 options as a type-ahead (a Data.Query
// answered by our application/search handler), and a context object carried back in the submit data.
import type {
  CardElementArray,
  IAdaptiveCard,
  IChoice,
  IChoiceSetInput,
  IContainer,
  ISubmitAction,
  ITextBlock,
} from "@microsoft/teams.cards";
import {
  type FieldErrors,
  type FieldOption,
  type FieldSpec,
  type FormSpec,
  type RawValue,
  type RawValues,
  ungroupedLabel,
} from "../../../core/forms/spec.ts";
import { localDateTime } from "../../../core/reminders/zoned-time.ts";
import { encodeChoice } from "./choice-values.ts";

/** Teams shows at most this many static choices comfortably; more become a type-ahead. */
export const maxStaticChoices = 100;
/** The key in the submit data that carries our routing and context (inputs are merged beside it). */
export const submitKey = "clusterbot";
export const timeSuffix = "__time";
export const defaultTime = "17:00";
export const peopleDataset = "graph.microsoft.com/users?scope=currentContext";

export interface FormAction {
  id: string;
  title: string;
  style?: "positive" | "destructive" | "default";
}

export interface FormCardState {
  /** Values to show, as the reader reads them (they win over the spec's initial values). */
  values?: RawValues;
  errors?: FieldErrors;
  /** Carried back unchanged in the submit data (e.g. which project, which result). */
  context?: Record<string, string>;
  /** Submit actions; by default one, titled with the spec's submitLabel. */
  actions?: FormAction[];
  /** Names for ids shown as chosen (people, channels), when known. */
  labels?: Record<string, string>;
  /** The person's time zone, for date-and-time fields. */
  timeZone?: string;
}

export interface SubmitData {
  form: string;
  action: string;
  context: Record<string, string>;
}

/** The dataset a type-ahead field asks for: its own source, or the form's field for a long choice list. */
export function datasetOf(spec: FormSpec, field: FieldSpec): string | undefined {
  if (field.kind === "search") return field.source;
  if (field.kind === "channel") return "clusterbot.channels";
  if ((field.kind === "choice" || field.kind === "choices") && field.options.length > maxStaticChoices)
    return `${spec.id}.${field.id}`;
  return undefined;
}

export function formCard(spec: FormSpec, state: FormCardState = {}): IAdaptiveCard {
  const errors = state.errors ?? {};
  const body: CardElementArray = [];
  if (spec.intro) body.push(text(spec.intro, { wrap: true }));
  const summary = errorSummary(spec, errors);
  if (summary) body.push(summary);
  for (const field of spec.fields) body.push(...fieldElements(spec, field, state, errors[field.id]));
  const actions = state.actions ?? [{ id: "submit", title: spec.submitLabel, style: "positive" }];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    actions: actions.map((action) => submitAction(spec, action, state.context ?? {})),
  };
}

function submitAction(spec: FormSpec, action: FormAction, context: Record<string, string>): ISubmitAction {
  const data: SubmitData = { form: spec.id, action: action.id, context };
  return {
    type: "Action.Submit",
    id: `action.${action.id}`,
    title: action.title,
    ...(action.style ? { style: action.style } : {}),
    associatedInputs: "auto",
    data: { [submitKey]: data },
  };
}

function errorSummary(spec: FormSpec, errors: FieldErrors): IContainer | undefined {
  const entries = Object.entries(errors);
  if (entries.length === 0) return undefined;
  const labelOf = (id: string) => spec.fields.find((field) => field.id === id)?.label;
  const formLevel = entries.filter(([id]) => !labelOf(id)).map(([, message]) => message);
  const fieldLabels = entries.map(([id]) => labelOf(id)).filter((label): label is string => label !== undefined);
  const lines = [
    ...formLevel,
    ...(fieldLabels.length > 0
      ? [
          `Please check ${fieldLabels.length === 1 ? "this field" : `these ${fieldLabels.length} fields`}: ${fieldLabels.join(", ")}.`,
        ]
      : []),
  ];
  return {
    type: "Container",
    id: "errors",
    style: "attention",
    items: lines.map((line) => text(line, { wrap: true, color: "Attention", weight: "Bolder" })),
  };
}

function fieldElements(
  spec: FormSpec,
  field: FieldSpec,
  state: FormCardState,
  error: string | undefined,
): CardElementArray {
  const current = state.values && field.id in state.values ? state.values[field.id] : initialValue(field);
  const elements: CardElementArray = [...input(spec, field, current ?? null, state)];
  if (field.hint) elements.push(text(field.hint, { wrap: true, isSubtle: true, size: "Small", spacing: "None" }));
  if (error)
    elements.push(
      text(error, { id: `${field.id}.error`, wrap: true, color: "Attention", size: "Small", spacing: "None" }),
    );
  return elements;
}

function input(spec: FormSpec, field: FieldSpec, current: RawValue, state: FormCardState): CardElementArray {
  // A draftable form is checked on our side only: the card must let a half-filled draft through.
  const required =
    field.required && !spec.draftable ? { isRequired: true, errorMessage: `Please fill in ${field.label}.` } : {};
  // There, the fields a draft may leave empty but a submission may not are told apart by marking the others optional.
  const label = spec.draftable && !field.required ? `${field.label} (optional)` : field.label;
  const common = { id: field.id, label, ...required };
  const placeholder = field.placeholder ? { placeholder: field.placeholder } : {};
  switch (field.kind) {
    case "text":
    case "longText":
      return [
        {
          type: "Input.Text",
          ...common,
          ...placeholder,
          maxLength: field.maxLength,
          isMultiline: field.kind === "longText",
          ...(typeof current === "string" && current !== "" ? { value: current } : {}),
        },
      ];
    case "number":
      return [
        {
          type: "Input.Number",
          ...common,
          ...placeholder,
          min: field.min,
          max: field.max,
          ...(current !== null && current !== "" && Number.isFinite(Number(current)) ? { value: Number(current) } : {}),
        },
      ];
    case "choice":
    case "choices":
      return [choiceSet(spec, field, field.options, current, common, placeholder)];
    case "search": {
      const chosen = typeof current === "string" && current !== "" ? current : null;
      const options = chosen
        ? [{ value: chosen, label: state.labels?.[chosen] ?? field.initial?.label ?? chosen }]
        : [];
      return [typeAhead(field.source, options, chosen ? [chosen] : [], false, common, placeholder)];
    }
    case "people": {
      const ids = Array.isArray(current) ? current : [];
      const options = ids.map((id) => ({ value: id, label: state.labels?.[id] ?? id }));
      return [typeAhead(peopleDataset, options, ids, true, common, placeholder)];
    }
    case "channel": {
      const chosen = typeof current === "string" && current !== "" ? current : null;
      const options = chosen ? [{ value: chosen, label: state.labels?.[chosen] ?? chosen }] : [];
      return [typeAhead("clusterbot.channels", options, chosen ? [chosen] : [], false, common, placeholder)];
    }
    case "datetime":
      return dateTimeInputs(field, current, state.timeZone ?? "UTC", common);
  }
}

type Common = { id: string; label: string; isRequired?: boolean; errorMessage?: string };

function choiceSet(
  spec: FormSpec,
  field: FieldSpec & { kind: "choice" | "choices" },
  options: FieldOption[],
  current: RawValue,
  common: Common,
  placeholder: { placeholder?: string },
): IChoiceSetInput {
  const multi = field.kind === "choices";
  const chosen = Array.isArray(current) ? current : typeof current === "string" && current !== "" ? [current] : [];
  if (options.length > maxStaticChoices) {
    const shown = options.filter((option) => chosen.includes(option.value));
    return typeAhead(`${spec.id}.${field.id}`, shown, chosen, multi, common, placeholder);
  }
  return {
    type: "Input.ChoiceSet",
    ...common,
    ...placeholder,
    style: "compact",
    isMultiSelect: multi,
    choices: options.map(choice),
    ...(chosen.length > 0 ? { value: chosen.map(encodeChoice).join(",") } : {}),
  };
}

/** A Data.Query choice set: Teams asks our bot (or Graph, for people) for choices as the person types. */
function typeAhead(
  dataset: string,
  shown: FieldOption[],
  chosen: string[],
  multi: boolean,
  common: Common,
  placeholder: { placeholder?: string },
): IChoiceSetInput {
  return {
    type: "Input.ChoiceSet",
    ...common,
    placeholder: placeholder.placeholder ?? "Type to search",
    style: "filtered",
    isMultiSelect: multi,
    choices: shown.map(choice),
    "choices.data": { type: "Data.Query", dataset, count: 25 },
    ...(chosen.length > 0 ? { value: chosen.map(encodeChoice).join(",") } : {}),
  };
}

function dateTimeInputs(field: FieldSpec, current: RawValue, timeZone: string, common: Common): CardElementArray {
  const instant = typeof current === "number" ? new Date(current * 1000) : null;
  const local = instant ? localDateTime(instant, timeZone) : null;
  const pad = (value: number) => String(value).padStart(2, "0");
  const date = local ? `${local.year}-${pad(local.month)}-${pad(local.day)}` : undefined;
  const time = local ? `${pad(local.hour)}:${pad(local.minute)}` : defaultTime;
  return [
    { type: "Input.Date", ...common, ...(date ? { value: date } : {}) },
    {
      type: "Input.Time",
      id: `${field.id}${timeSuffix}`,
      label: `${field.label}: time (${timeZone})`,
      value: time,
      spacing: "Small",
    },
  ];
}

function choice(option: FieldOption): IChoice {
  return { title: ungroupedLabel(option), value: encodeChoice(option.value) };
}

function initialValue(field: FieldSpec): RawValue {
  switch (field.kind) {
    case "datetime":
      return field.initial ? Math.floor(field.initial.getTime() / 1000) : null;
    case "search":
      return field.initial?.value ?? null;
    case "choices":
    case "people":
      return field.initial ?? [];
    default:
      return field.initial ?? null;
  }
}

function text(value: string, options: Partial<Omit<ITextBlock, "type" | "text">> = {}): ITextBlock {
  return { type: "TextBlock", text: escapeCardText(value), ...options };
}

/**
 * Adaptive Card TextBlocks render a little Markdown (bold, italic, links, lists); user text must show as typed,
 * so what would start one of those is escaped with a backslash (a title "**Hi**" shows its stars). Markdown escapes
 * punctuation only: a numbered item's dot is escaped ("1\\."), not its digit, which would show the backslash.
 */
export function escapeCardText(value: string): string {
  return value
    .replace(/[\\`*_[\]]/g, (character) => `\\${character}`)
    .replace(/^(\s*)(?:([-+#>])|(\d+)\.)/gm, (_match, space: string, mark?: string, digits?: string) =>
      mark ? `${space}\\${mark}` : `${space}${digits}\\.`,
    );
}
