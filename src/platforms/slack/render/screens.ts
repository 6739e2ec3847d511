// Neutral screens → Block Kit views: a form as a modal of input blocks (values shown, errors answered next to
// fields), a panel as a modal of blocks, the home as the App Home view.
import type {
  HomeView,
  InputBlock,
  InputBlockElement,
  KnownBlock,
  ModalView,
  PlainTextElement,
  PlainTextOption,
} from "@slack/types";
import type { FieldErrors, FieldOption, FieldSpec, FormAction, FormSpec, RawValue } from "../../../core/forms/spec.ts";
import { encodeContext } from "../../../core/screens/context.ts";
import type { FormScreen, PanelScreen, Screen } from "../../../core/screens/screens.ts";
import { submitActionBlockId, submitActionKey } from "../state-values.ts";
import { blockKit } from "./blocks.ts";
import { escapeMrkdwn, mrkdwn, plain, truncate } from "./text.ts";

/** Slack's limits: 100 blocks a view, 100 options in a static menu (a search menu beyond). */
const maxViewBlocks = 100;
const maxStaticOptions = 100;

export function modalView(screen: Screen): ModalView {
  return screen.kind === "form" ? formModal(screen) : panelModal(screen);
}

export function homeView(screen: PanelScreen): HomeView {
  return { type: "home", blocks: blockKit(screen.blocks).slice(0, maxViewBlocks) };
}

function panelModal(screen: PanelScreen): ModalView {
  return {
    type: "modal",
    callback_id: screen.id,
    title: plain(screen.title, 24),
    close: plain(screen.closeLabel ?? "Close", 24),
    private_metadata: encodeContext(screen.context),
    blocks: blockKit(screen.blocks).slice(0, maxViewBlocks),
  };
}

function formModal(screen: FormScreen): ModalView {
  const { form } = screen;
  const intro: KnownBlock[] = form.intro ? [{ type: "section", text: mrkdwn(escapeMrkdwn(form.intro)) }] : [];
  const summary: KnownBlock[] = screen.errorSummary
    ? [{ type: "context", elements: [mrkdwn(`⚠️ ${escapeMrkdwn(truncate(screen.errorSummary, 2900))}`)] }]
    : [];
  const ways = submitWays(screen);
  // With one way to submit, what it needs is marked required (Slack then marks the rest optional).
  const draftable = form.draftable === true && ways.menu !== null;
  const fields = form.fields.map((field) =>
    inputBlock(field, draftable, screen.values?.[field.id], screen.errors?.[field.id]),
  );
  const context = ways.single ? { ...screen.context, [submitActionKey]: ways.single.id } : screen.context;
  return {
    type: "modal",
    callback_id: form.id,
    title: plain(form.title, 24),
    submit: plain(ways.single?.label ?? form.submitLabel, 24),
    close: plain(ways.onClose?.label ?? "Cancel", 24),
    private_metadata: encodeContext(context),
    ...(screen.notifyOnClose ? { notify_on_close: true } : {}),
    blocks: [...summary, ...intro, ...(ways.menu ? [ways.menu] : []), ...fields].slice(0, maxViewBlocks),
  };
}

/**
 * Slack has one submit button and one close button. A form's choice that closing also makes (`closeKeeps`, heard
 * through notify_on_close) becomes the close button; one choice left is the submit button; more than one become a
 * required menu at the top, above the fields.
 */
function submitWays(screen: FormScreen): { single?: FormAction; onClose?: FormAction; menu: InputBlock | null } {
  const { form } = screen;
  if (!form.actions) return { menu: null };
  if (form.fields.some((field) => field.id === submitActionBlockId))
    throw new Error(`form ${form.id}: a field may not be called "${submitActionBlockId}" when the form has actions`);
  const { closeKeeps, choices } = form.actions;
  const onClose = screen.notifyOnClose ? choices.find((choice) => choice.id === closeKeeps) : undefined;
  const rest = choices.filter((choice) => choice !== onClose);
  const ways = onClose ? { onClose } : {};
  if (rest.length === 1) return { ...ways, single: rest[0], menu: null };
  return { ...ways, menu: actionChoice(form, rest, screen.values) };
}

function actionChoice(form: FormSpec, choices: FormAction[], values: FormScreen["values"]): InputBlock {
  const options = choices.map((choice) => option({ value: choice.id, label: choice.label }));
  const chosen = stringValue(values?.[submitActionBlockId]) ?? form.actions?.initial;
  const initial = options.find((candidate) => candidate.value === chosen);
  return {
    type: "input",
    block_id: submitActionBlockId,
    label: plain(form.actions?.label ?? "Save as", 2000),
    element: {
      type: "static_select",
      action_id: submitActionBlockId,
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

function inputBlock(field: FieldSpec, draftable: boolean, value: RawValue | undefined, error?: string): InputBlock {
  const hint = error ? `⚠️ ${error}` : field.hint;
  return {
    type: "input",
    block_id: field.id,
    optional: draftable || !field.required,
    label: plain(field.label, 2000),
    ...(hint ? { hint: plain(hint, 2000) } : {}),
    element: element(field, value),
  };
}

/** A menu's options, in Slack's option groups when the options have groups (e.g. results by project). */
type PlainOptionGroup = { label: PlainTextElement; options: PlainTextOption[] };

function optionList(options: FieldOption[]): { options: PlainTextOption[] } | { option_groups: PlainOptionGroup[] } {
  if (!options.some((choice) => choice.group)) return { options: options.map(option) };
  const groups = new Map<string, PlainTextOption[]>();
  for (const choice of options) {
    const name = choice.group ?? "Other";
    groups.set(name, [...(groups.get(name) ?? []), option(choice)]);
  }
  return { option_groups: [...groups].map(([name, grouped]) => ({ label: plain(name, 75), options: grouped })) };
}

function option(choice: FieldOption): PlainTextOption {
  return { text: plain(choice.label, 75), value: choice.value.slice(0, 150) };
}

/** The field's element, showing `value` (what was typed) or else the spec's initial value. */
function element(field: FieldSpec, value: RawValue | undefined): InputBlockElement {
  const action_id = field.id;
  const placeholder = field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {};
  switch (field.kind) {
    case "text":
    case "longText": {
      const initial = value !== undefined ? stringValue(value) : field.initial;
      return {
        type: "plain_text_input",
        action_id,
        multiline: field.kind === "longText",
        max_length: field.maxLength,
        ...placeholder,
        ...(initial ? { initial_value: initial } : {}),
      };
    }
    case "number": {
      const initial = value !== undefined ? stringValue(value) : field.initial?.toString();
      return {
        type: "number_input",
        action_id,
        is_decimal_allowed: false,
        min_value: String(field.min),
        max_value: String(field.max),
        ...(initial ? { initial_value: initial } : {}),
      };
    }
    case "choice": {
      const chosen = value !== undefined ? stringValue(value) : field.initial;
      const initial = field.options.find((choice) => choice.value === chosen);
      if (field.options.length > maxStaticOptions) {
        return {
          type: "external_select",
          action_id,
          min_query_length: 0,
          ...(initial ? { initial_option: option(initial) } : {}),
        };
      }
      return {
        type: "static_select",
        action_id,
        ...optionList(field.options),
        ...(initial ? { initial_option: option(initial) } : {}),
      };
    }
    case "choices": {
      const chosen = value !== undefined ? listValue(value) : (field.initial ?? []);
      const initial = field.options.filter((choice) => chosen.includes(choice.value));
      return {
        type: "multi_static_select",
        action_id,
        options: field.options.slice(0, maxStaticOptions).map(option),
        ...(initial.length > 0 ? { initial_options: initial.map(option) } : {}),
      };
    }
    case "people": {
      const initial = value !== undefined ? listValue(value) : (field.initial ?? []);
      return { type: "multi_users_select", action_id, ...(initial.length > 0 ? { initial_users: initial } : {}) };
    }
    case "channel": {
      const initial = value !== undefined ? stringValue(value) : field.initial;
      return {
        type: "conversations_select",
        action_id,
        filter: { include: ["public", "private"], exclude_bot_users: true },
        ...(initial ? { initial_conversation: initial } : {}),
      };
    }
    case "datetime": {
      const typed = value !== undefined ? stringValue(value) : undefined;
      const initial = typed ? new Date(typed) : value === undefined ? field.initial : null;
      const seconds = initial && !Number.isNaN(initial.getTime()) ? Math.floor(initial.getTime() / 1000) : undefined;
      return { type: "datetimepicker", action_id, ...(seconds !== undefined ? { initial_date_time: seconds } : {}) };
    }
    case "search": {
      const typed = value !== undefined ? stringValue(value) : undefined;
      const initial =
        typed === undefined
          ? field.initial
          : typed
            ? field.initial?.value === typed
              ? field.initial
              : { value: typed, label: typed }
            : null;
      return {
        type: "external_select",
        action_id,
        min_query_length: 0,
        ...(initial ? { initial_option: option(initial) } : {}),
      };
    }
  }
}

function stringValue(value: RawValue | undefined): string | undefined {
  if (typeof value === "string") return value;
  return typeof value === "number" ? String(value) : undefined;
}

function listValue(value: RawValue): string[] {
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}

/**
 * Field errors as Slack wants them in `response_action: errors`: by the input's block id. An error about no field
 * of this view goes next to its first input, and the summary before it, since a modal has no other place for them.
 */
export function slackErrors(errors: FieldErrors, summary: string | undefined, inputBlockIds: string[]) {
  const known = new Set(inputBlockIds);
  const first = inputBlockIds[0] ?? Object.keys(errors)[0] ?? "form";
  const result: Record<string, string> = {};
  const add = (blockId: string, message: string) => {
    result[blockId] = truncate(result[blockId] ? `${result[blockId]} ${message}` : message, 2000);
  };
  for (const [field, message] of Object.entries(errors)) add(known.has(field) ? field : first, message);
  // The summary reads first, at the top input: a modal has no other place on top for it.
  if (summary) result[first] = truncate(result[first] ? `${summary} ${result[first]}` : summary, 2000);
  return result;
}
