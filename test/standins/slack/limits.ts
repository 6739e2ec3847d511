import { isRecord } from "./args.ts";
import type { LimitProblem } from "./errors.ts";

/** Slack's documented limits that the stand-in enforces. */
export const LIMITS = {
  modalTitle: 24,
  modalButton: 24,
  viewBlocks: 100,
  messageBlocks: 50,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  blockId: 255,
  actionId: 255,
  selectOptions: 100,
  choiceOptions: 10,
  overflowOptions: 5,
  optionText: 75,
  optionValue: 150,
  buttonText: 75,
  buttonValue: 2000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  actionsElements: 25,
  contextElements: 10,
  messageText: 40_000,
  channelName: 80,
  topic: 250,
  viewStack: 3,
} as const;

const SELECTS_WITH_OPTIONS = new Set(["static_select", "multi_static_select"]);
const CHOICES = new Set(["checkboxes", "radio_buttons"]);

/** Problems in a modal or home view; an empty list means Slack would accept it. */
export function checkView(view: unknown, pointer = "/view"): LimitProblem[] {
  if (!isRecord(view)) return [{ message: "must provide an object", pointer }];
  const problems: LimitProblem[] = [];
  const type = view.type;
  if (type !== "modal" && type !== "home")
    problems.push({ message: "must be one of modal, home", pointer: `${pointer}/type` });
  if (type === "modal") {
    checkPlainText(view.title, LIMITS.modalTitle, `${pointer}/title`, problems, true);
    checkPlainText(view.submit, LIMITS.modalButton, `${pointer}/submit`, problems, false);
    checkPlainText(view.close, LIMITS.modalButton, `${pointer}/close`, problems, false);
  }
  checkMaxLength(view.private_metadata, LIMITS.privateMetadata, `${pointer}/private_metadata`, problems);
  checkMaxLength(view.callback_id, LIMITS.callbackId, `${pointer}/callback_id`, problems);
  checkMaxLength(view.external_id, LIMITS.externalId, `${pointer}/external_id`, problems);
  const blocks = view.blocks;
  if (!Array.isArray(blocks)) {
    problems.push({ message: "must provide an array", pointer: `${pointer}/blocks` });
    return problems;
  }
  problems.push(...checkBlocks(blocks, LIMITS.viewBlocks, `${pointer}/blocks`));
  const hasInput = blocks.some((b) => isRecord(b) && b.type === "input");
  if (type === "modal" && hasInput && view.submit === undefined) {
    problems.push({ message: "must provide submit when using input blocks", pointer: `${pointer}/submit` });
  }
  return problems;
}

/** Problems in a message's text and blocks (`msg_too_long` is reported separately). */
export function checkMessageBlocks(blocks: unknown): LimitProblem[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return [{ message: "must provide an array", pointer: "/blocks" }];
  return checkBlocks(blocks, LIMITS.messageBlocks, "/blocks");
}

export function isTextTooLong(text: string | undefined): boolean {
  return text !== undefined && text.length > LIMITS.messageText;
}

/** Options returned for a block_suggestion (external select). */
export function checkSuggestionOptions(body: unknown): LimitProblem[] {
  if (!isRecord(body)) return [{ message: "must provide an object", pointer: "" }];
  const problems: LimitProblem[] = [];
  if (Array.isArray(body.options)) checkOptions(body.options, LIMITS.selectOptions, "/options", problems);
  if (Array.isArray(body.option_groups)) {
    checkCount(body.option_groups, LIMITS.selectOptions, "/option_groups", problems);
  }
  return problems;
}

/** Slack's error code for a bad channel name, or undefined when the name is fine. */
export function channelNameError(name: string): string | undefined {
  if (name.length === 0) return "invalid_name_required";
  if (name.length > LIMITS.channelName) return "invalid_name_maxlength";
  if (!/^[a-z0-9_-]+$/.test(name)) return "invalid_name_specials";
  if (/^[-_]+$/.test(name)) return "invalid_name_punctuation";
  return undefined;
}

function checkBlocks(blocks: unknown[], max: number, pointer: string): LimitProblem[] {
  const problems: LimitProblem[] = [];
  checkCount(blocks, max, pointer, problems);
  const seenBlockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const at = `${pointer}/${index}`;
    if (!isRecord(block)) {
      problems.push({ message: "must provide an object", pointer: at });
      return;
    }
    if (typeof block.type !== "string") problems.push({ message: "missing required field: type", pointer: at });
    if (typeof block.block_id === "string") {
      checkMaxLength(block.block_id, LIMITS.blockId, `${at}/block_id`, problems);
      if (seenBlockIds.has(block.block_id)) {
        problems.push({ message: `duplicate block_id ${block.block_id}`, pointer: `${at}/block_id` });
      }
      seenBlockIds.add(block.block_id);
    }
    checkBlock(block, at, problems);
  });
  return problems;
}

function checkBlock(block: Record<string, unknown>, at: string, problems: LimitProblem[]): void {
  switch (block.type) {
    case "section":
      if (isRecord(block.text)) checkMaxLength(block.text.text, LIMITS.sectionText, `${at}/text/text`, problems);
      if (Array.isArray(block.fields)) {
        checkCount(block.fields, LIMITS.sectionFields, `${at}/fields`, problems);
        block.fields.forEach((field, i) => {
          if (isRecord(field)) checkMaxLength(field.text, LIMITS.fieldText, `${at}/fields/${i}/text`, problems);
        });
      }
      if (block.accessory !== undefined) checkElement(block.accessory, `${at}/accessory`, problems);
      break;
    case "header":
      checkPlainText(block.text, LIMITS.headerText, `${at}/text`, problems, true);
      break;
    case "actions":
      if (Array.isArray(block.elements)) {
        checkCount(block.elements, LIMITS.actionsElements, `${at}/elements`, problems);
        block.elements.forEach((el, i) => {
          checkElement(el, `${at}/elements/${i}`, problems);
        });
      }
      break;
    case "context":
      if (Array.isArray(block.elements)) checkCount(block.elements, LIMITS.contextElements, `${at}/elements`, problems);
      break;
    case "input":
      checkElement(block.element, `${at}/element`, problems);
      break;
  }
}

function checkElement(element: unknown, at: string, problems: LimitProblem[]): void {
  if (!isRecord(element)) return;
  checkMaxLength(element.action_id, LIMITS.actionId, `${at}/action_id`, problems);
  const type = typeof element.type === "string" ? element.type : "";
  if (SELECTS_WITH_OPTIONS.has(type)) {
    if (Array.isArray(element.options)) checkOptions(element.options, LIMITS.selectOptions, `${at}/options`, problems);
    if (Array.isArray(element.option_groups)) {
      checkCount(element.option_groups, LIMITS.selectOptions, `${at}/option_groups`, problems);
    }
  } else if (CHOICES.has(type) && Array.isArray(element.options)) {
    checkOptions(element.options, LIMITS.choiceOptions, `${at}/options`, problems);
  } else if (type === "overflow" && Array.isArray(element.options)) {
    checkOptions(element.options, LIMITS.overflowOptions, `${at}/options`, problems);
  } else if (type === "button") {
    checkPlainText(element.text, LIMITS.buttonText, `${at}/text`, problems, true);
    checkMaxLength(element.value, LIMITS.buttonValue, `${at}/value`, problems);
  }
}

function checkOptions(options: unknown[], max: number, at: string, problems: LimitProblem[]): void {
  checkCount(options, max, at, problems);
  options.forEach((option, i) => {
    if (!isRecord(option)) return;
    if (isRecord(option.text)) checkMaxLength(option.text.text, LIMITS.optionText, `${at}/${i}/text/text`, problems);
    checkMaxLength(option.value, LIMITS.optionValue, `${at}/${i}/value`, problems);
  });
}

function checkPlainText(value: unknown, max: number, at: string, problems: LimitProblem[], required: boolean): void {
  if (value === undefined) {
    if (required) problems.push({ message: "must provide an object", pointer: at });
    return;
  }
  if (!isRecord(value)) {
    problems.push({ message: "must provide an object", pointer: at });
    return;
  }
  if (value.type !== "plain_text")
    problems.push({ message: "must be a plain_text text object", pointer: `${at}/type` });
  if (typeof value.text !== "string") {
    problems.push({ message: "must provide a string", pointer: `${at}/text` });
    return;
  }
  checkMaxLength(value.text, max, `${at}/text`, problems);
}

function checkMaxLength(value: unknown, max: number, at: string, problems: LimitProblem[]): void {
  if (typeof value === "string" && value.length > max) {
    problems.push({ message: `must be less than ${max + 1} characters`, pointer: at });
  }
}

function checkCount(items: unknown[], max: number, at: string, problems: LimitProblem[]): void {
  if (items.length > max) problems.push({ message: `no more than ${max} items allowed`, pointer: at });
}
