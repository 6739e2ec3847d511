// The three homework steps: (1) the project's few most significant results, (2) each result's
// characterisation, (3) interest in other projects' results.
import { z } from "zod";
import { requiredCharacterisation } from "../homework/progress.ts";
import {
  type ExploitableResult,
  type Interest,
  interestKinds,
  interestLevels,
  iprProtections,
  resultTypes,
} from "../model/domain.ts";
import { choiceList, cleanText, optionalChoice, optionalInteger, optionalText, wordList } from "./fields.ts";
import { ownerNames, ownerOptions, ownerOptionValue } from "./owner-options.ts";
import {
  type FieldErrors,
  type FieldOption,
  type FieldSpec,
  type FormSpec,
  type Parsed,
  parseForm,
  type RawValues,
} from "./spec.ts";

const labels = (values: readonly string[], names: Record<string, string>): FieldOption[] =>
  values.map((value) => ({ value, label: names[value] ?? value }));

export const resultTypeNames: Record<string, string> = {
  product: "Product",
  service: "Service",
  process: "Process",
  software: "Software",
  method: "Method / know-how",
  standard: "Standard",
  dataset: "Data set",
  training: "Training",
  other: "Other",
};
export const iprProtectionNames: Record<string, string> = {
  patent: "Patent (filed or granted)",
  copyright: "Copyright",
  trade_secret: "Trade secret",
  open_licence: "Open licence",
  design: "Registered design",
  trademark: "Trademark",
  none: "No protection yet",
};
export const interestLevelNames: Record<string, string> = { low: "Low", medium: "Medium", high: "High" };
export const interestKindNames: Record<string, string> = {
  use: "Use it",
  co_develop: "Co-develop it",
  integrate: "Integrate it with ours",
  validate: "Validate / test it",
  license: "License it",
  joint_exploitation: "Joint exploitation",
};
export const timeToMarketOptions = ["under 1 year", "1-2 years", "2-5 years", "over 5 years"] as const;
const trlSteps = [
  "basic principles observed",
  "technology concept formulated",
  "experimental proof of concept",
  "validated in the lab",
  "validated in a relevant environment",
  "demonstrated in a relevant environment",
  "prototype demonstrated in operation",
  "system complete and qualified",
  "system proven in operation",
];
const trlOptions = trlSteps.map((step, index) => ({ value: String(index + 1), label: `TRL ${index + 1}: ${step}` }));
const trlHint =
  "Technology readiness level: how close to real use it is, from 1 (basic principles observed) to 9 (proven in operation).";

/** What the workshop means by an exploitable result, said where results are asked for. */
export const exploitableResultHint =
  "An exploitable result is something the project produces that someone can use, sell or build on after it ends: a product, a service, software, a method, a data set, a standard…";

// Step 1 ------------------------------------------------------------------------------------------

export function resultSlotId(index: number): string {
  return `result_${index + 1}`;
}

/** One title field per slot: the workshop's limit, or more when the limit was lowered after results were listed. */
export function resultListForm(projectAcronym: string, results: ExploitableResult[], limit: number): FormSpec {
  const slots = Math.max(limit, results.length);
  return {
    id: "homework.results",
    title: "Exploitable results",
    submitLabel: "Save",
    intro: `List ${projectAcronym}'s ${limit === 1 ? "most significant exploitable result" : `${limit} most significant exploitable results`}. ${exploitableResultHint} You can characterise each one next. Clearing a title removes that result.`,
    fields: Array.from({ length: slots }, (_, index) => ({
      id: resultSlotId(index),
      label: `Result ${index + 1}`,
      kind: "text" as const,
      required: index === 0,
      maxLength: 150,
      placeholder: "A short title, e.g. Predictive maintenance toolkit",
      initial: results[index]?.title ?? null,
    })),
  };
}

/** The field, added to the results list when a save would delete characterisations, that confirms it. */
export const confirmRemovalField = "confirmRemoval";

/** A result whose title was cleared although it has a characterisation: deleting it needs a confirmation. */
export interface RemovalToConfirm {
  id: string;
  title: string;
  /** "Draft: 3 of 8", "Submitted ✓" */
  progress: string;
  /** The slot that held it. */
  field: string;
}

/**
 * The results list again, asking to confirm what the save would delete: an error at each cleared title, and a choice
 * to tick per result (what was typed stays in the fields).
 */
export function withRemovalConfirmation(
  form: FormSpec,
  removals: RemovalToConfirm[],
): { form: FormSpec; errors: FieldErrors; summary: string } {
  const errors: FieldErrors = Object.fromEntries(
    removals.map((removal) => [
      removal.field,
      `Clearing this title deletes “${removal.title}” and its characterisation (${removal.progress}). Tick it below to confirm, or type the title back.`,
    ]),
  );
  const confirm: FieldSpec = {
    id: confirmRemovalField,
    label: "Delete these results and their characterisations",
    kind: "choices",
    required: false,
    options: removals.map((removal) => ({ value: removal.id, label: `Delete “${removal.title}”` })),
    initial: [],
  };
  const names = removals.map((removal) => `“${removal.title}”`).join(", ");
  return {
    form: { ...form, fields: [...form.fields.filter((field) => field.id !== confirmRemovalField), confirm] },
    errors,
    summary: `Not saved yet: this would delete the characterisation of ${names}. Confirm below, or type the title back.`,
  };
}

/** The results the person ticked to confirm deleting. */
export function confirmedRemovals(raw: RawValues): Set<string> {
  const value = raw[confirmRemovalField];
  return new Set(Array.isArray(value) ? value : typeof value === "string" ? [value] : []);
}

export interface ResultListEntry {
  /** The slot's existing result, when the slot held one. */
  id?: string;
  title: string;
}

export function parseResultList(
  raw: RawValues,
  slotResultIds: (string | undefined)[],
  limit: number,
): Parsed<ResultListEntry[]> {
  const errors: FieldErrors = {};
  const entries: ResultListEntry[] = [];
  const seen = new Map<string, string>();
  slotResultIds.forEach((id, index) => {
    const field = resultSlotId(index);
    const value = raw[field];
    const title = typeof value === "string" ? cleanText(value) : "";
    if (title === "") return;
    if (title.length > 150) errors[field] = "Please keep a result's title under 150 characters.";
    const twin = seen.get(title.toLowerCase());
    if (twin) errors[field] = `This is the same title as ${twin}; each result needs its own.`;
    seen.set(title.toLowerCase(), `result ${index + 1}`);
    entries.push(id ? { id, title } : { title });
    if (entries.length > limit) {
      errors[field] = `This workshop takes at most ${limit} results per project: please clear one of them.`;
    }
  });
  if (entries.length === 0) errors[resultSlotId(0)] = "Please list at least one exploitable result.";
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: entries };
}

/**
 * A results list typed on a form that went stale (someone saved the list meanwhile), laid over the list as it is
 * now: every current result keeps its slot (renamed to what was typed for it, if anything), and titles typed for new
 * results go into free slots. Nothing anyone saved disappears from the form; `unplaced` are typed titles with no free
 * slot left.
 */
export function mergeStaleResultList(
  typed: RawValues,
  staleSlotIds: (string | undefined)[],
  current: { id: string; title: string }[],
  slots: number,
): { values: RawValues; unplaced: string[] } {
  const titles: string[] = Array.from({ length: slots }, (_, index) => current[index]?.title ?? "");
  const position = new Map(current.map((result, index) => [result.id, index]));
  const added: string[] = [];
  staleSlotIds.forEach((id, index) => {
    const value = typed[resultSlotId(index)];
    const title = typeof value === "string" ? cleanText(value) : "";
    if (title === "") return;
    const at = id === undefined ? undefined : position.get(id);
    if (at !== undefined) titles[at] = title;
    else added.push(title);
  });
  const unplaced: string[] = [];
  for (const title of added) {
    if (titles.some((other) => other.toLowerCase() === title.toLowerCase())) continue;
    const free = titles.indexOf("");
    if (free === -1) unplaced.push(title);
    else titles[free] = title;
  }
  return { values: Object.fromEntries(titles.map((title, index) => [resultSlotId(index), title])), unplaced };
}

// Step 2 ------------------------------------------------------------------------------------------

/** The characterisation's two ways to submit; a submission with neither is kept as a draft. */
export const characterisationActions = { draft: "draft", submit: "submitted" } as const;

/**
 * A draft keeps what was typed, whatever is missing (closing the form keeps one too); submitting needs every field
 * not marked optional. A submitted result is changed by submitting it again.
 */
function characterisationWays(result: ExploitableResult): NonNullable<FormSpec["actions"]> {
  if (result.status === "submitted")
    return {
      label: "Save as",
      choices: [{ id: characterisationActions.submit, label: "Submit changes" }],
      initial: characterisationActions.submit,
    };
  return {
    label: "Save as",
    choices: [
      { id: characterisationActions.draft, label: "Save draft" },
      { id: characterisationActions.submit, label: "Submit" },
    ],
    initial: characterisationActions.draft,
    closeKeeps: characterisationActions.draft,
  };
}

export function characterisationForm(result: ExploitableResult, partners: string[]): FormSpec {
  const saving =
    result.status === "submitted"
      ? "It is submitted: change it and submit again."
      : "Save a draft at any time; to submit, fill in every field not marked optional.";
  return {
    id: "homework.characterise",
    title: "Characterise result",
    submitLabel: "Submit",
    draftable: true,
    intro: `"${result.title}": describe this exploitable result so other projects can see how it could fit with theirs. ${saving}`,
    fields: [
      {
        id: "description",
        label: "Description",
        kind: "longText",
        required: true,
        maxLength: 1500,
        initial: result.description,
      },
      {
        id: "type",
        label: "Type",
        kind: "choice",
        required: true,
        options: labels(resultTypes, resultTypeNames),
        initial: result.type,
      },
      {
        id: "keywords",
        label: "Keywords",
        kind: "text",
        required: false,
        maxLength: 300,
        hint: "Comma-separated, e.g. digital twin, predictive maintenance",
        initial: result.keywords.join(", "),
      },
      {
        id: "usp",
        label: "Unique selling point",
        kind: "longText",
        required: false,
        maxLength: 600,
        initial: result.usp,
      },
      {
        id: "trlNow",
        label: "TRL now",
        kind: "choice",
        required: true,
        hint: trlHint,
        options: trlOptions,
        initial: numberText(result.trlNow),
      },
      {
        id: "trlExpected",
        label: "TRL expected at project end",
        kind: "choice",
        required: false,
        hint: "Where the project expects it to be when it ends (same scale).",
        options: trlOptions,
        initial: numberText(result.trlExpected),
      },
      partners.length > 0
        ? {
            id: "owners",
            label: "Owner partners",
            kind: "choices",
            required: true,
            options: ownerOptions(partners),
            initial: result.owners.map(ownerOptionValue),
          }
        : {
            id: "owners",
            label: "Owner partners",
            kind: "longText",
            required: true,
            maxLength: 600,
            hint: "One organisation per line.",
            initial: result.owners.join("\n"),
          },
      {
        id: "iprWithin",
        label: "IPR within the project",
        kind: "longText",
        required: true,
        maxLength: 1000,
        hint: "Who owns it; background or foreground; any agreement between partners.",
        initial: result.iprWithin,
      },
      {
        id: "iprProtection",
        label: "Protection",
        kind: "choices",
        required: false,
        options: labels(iprProtections, iprProtectionNames),
        initial: result.iprProtection,
      },
      {
        id: "iprOutside",
        label: "IPR outside the project",
        kind: "longText",
        required: true,
        maxLength: 1000,
        hint: "Third-party rights, licences you depend on, freedom to operate.",
        initial: result.iprOutside,
      },
      {
        id: "targetMarket",
        label: "Target users / market",
        kind: "longText",
        required: true,
        maxLength: 600,
        initial: result.targetMarket,
      },
      {
        id: "timeToMarket",
        label: "Time to market",
        kind: "choice",
        required: false,
        options: timeToMarketOptions.map((value) => ({ value, label: value })),
        initial: result.timeToMarket,
      },
      {
        id: "needs",
        label: "What is needed to exploit it",
        kind: "longText",
        required: true,
        maxLength: 1000,
        hint: "Partners, data, pilots, funding, certification…",
        initial: result.needs,
      },
    ],
    actions: characterisationWays(result),
  };
}

/**
 * Above a refused characterisation: what is missing, by the fields' labels in the form's order, and that a draft
 * keeps what was typed (undefined when the refusal is not about missing fields).
 */
export function characterisationErrorSummary(form: FormSpec, errors: FieldErrors, action: string | null) {
  const missing = form.fields.filter((field) => errors[field.id]?.startsWith("To submit,"));
  if (missing.length === 0 || action !== characterisationActions.submit) return undefined;
  const names = missing.map((field) => field.label).join(", ");
  const draft = form.actions?.closeKeeps ? " Or save it as a draft: what you typed is kept." : "";
  return `Not submitted yet: ${missing.length === 1 ? "1 field is" : `${missing.length} fields are`} still needed (${names}).${draft}`;
}

const characterisationSchema = z
  .object({
    description: optionalText("the description", 1500),
    type: optionalChoice(resultTypes, "a type"),
    keywords: wordList("keywords", 15, 60),
    usp: optionalText("the unique selling point", 600),
    trlNow: optionalInteger("the TRL", 1, 9),
    trlExpected: optionalInteger("the expected TRL", 1, 9),
    owners: z.preprocess(
      (value) => (typeof value === "string" ? value.split("\n") : (value ?? [])),
      z.array(z.string()).transform((names) => [...new Set(names.map(cleanText).filter((name) => name !== ""))]),
    ),
    iprWithin: optionalText("the IPR situation", 1000),
    iprProtection: choiceList(iprProtections, "protections"),
    iprOutside: optionalText("the IPR situation outside the project", 1000),
    targetMarket: optionalText("the target market", 600),
    timeToMarket: optionalChoice(timeToMarketOptions, "a time to market"),
    needs: optionalText("what is needed", 1000),
    submit: z.enum(["draft", "submitted"], { message: "Please choose draft or submit." }).catch("draft"),
  })
  .superRefine((value, context) => {
    if (value.trlNow !== null && value.trlExpected !== null && value.trlExpected < value.trlNow) {
      context.addIssue({
        code: "custom",
        path: ["trlExpected"],
        message: `The expected TRL cannot be below today's (TRL ${value.trlNow}).`,
      });
    }
    if (value.submit !== "submitted") return;
    for (const { field, missing } of requiredCharacterisation) {
      const given = value[field];
      if (given === null || (Array.isArray(given) && given.length === 0)) {
        context.addIssue({
          code: "custom",
          path: [field],
          message: missingMessage(missing),
        });
      }
    }
  });

export type Characterisation = z.output<typeof characterisationSchema>;

/** `action` is how it was submitted (`characterisationActions`): a draft, or submitted with every required field. */
export function parseCharacterisation(
  raw: RawValues,
  action: string | null,
  partners: string[],
): Parsed<Characterisation> {
  const withOwners: RawValues =
    partners.length > 0 ? { ...raw, owners: ownerNames(raw.owners, partners) ?? null } : raw;
  const parsed = parseForm(characterisationSchema, { ...withOwners, submit: action });
  if (!parsed.ok)
    return { ok: false, errors: { ...parsed.errors, ...missingToSubmit(withOwners, action, parsed.errors) } };
  if (partners.length === 0) return parsed;
  const unknown = parsed.value.owners.filter((owner) => !partners.includes(owner));
  if (unknown.length > 0)
    return { ok: false, errors: { owners: "Please pick the owners among the project's partners." } };
  return parsed;
}

/** "To submit, please add its owners." (the progress model names what results lack, in the plural) */
function missingMessage(missing: string): string {
  return `To submit, please add ${missing.replace(/^their /, "its ").replace(/ them$/, " it")}.`;
}

/**
 * The required fields left empty, read from what was typed: the schema checks them only once every field reads
 * well, and a person should hear of everything missing in one round.
 */
function missingToSubmit(raw: RawValues, action: string | null, already: FieldErrors): FieldErrors {
  if (action !== characterisationActions.submit) return {};
  const blank = (value: RawValues[string] | undefined) =>
    value === null || value === undefined || (Array.isArray(value) ? value.length === 0 : String(value).trim() === "");
  return Object.fromEntries(
    requiredCharacterisation
      .filter(({ field }) => !already[field] && blank(raw[field]))
      .map(({ field, missing }) => [field, missingMessage(missing)]),
  );
}

// Step 3 ------------------------------------------------------------------------------------------

export interface InterestTarget {
  resultId: string;
  /** "ACRONYM: result title" */
  label: string;
  /** The project's acronym, the result's full title and description, where known: menus group by project. */
  project?: string;
  title?: string;
  description?: string | null;
}

/**
 * The interest step, pre-filled with `current` when changing one. Results are grouped by project in menus; a menu
 * cuts long titles (Slack: 75 characters), so the result being changed is named in full, with its description.
 */
export function interestForm(targets: InterestTarget[], current: Interest | null): FormSpec {
  const initialTarget = current ? (targets.find((target) => target.resultId === current.resultId) ?? null) : null;
  const about = initialTarget ? aboutTarget(initialTarget) : "";
  return {
    id: "homework.interest",
    title: "Interest in a result",
    submitLabel: "Save",
    intro: initialTarget
      ? `Your project's interest in ${about} Change it below, or pick another result.`
      : "Which result of another project interests yours, how much, and how would you work with it? Results are grouped by project.",
    fields: [
      targets.length > 100
        ? {
            id: "resultId",
            label: "Result",
            kind: "search",
            source: "interest-targets",
            required: true,
            initial: initialTarget ? { value: initialTarget.resultId, label: initialTarget.label } : null,
          }
        : {
            id: "resultId",
            label: "Result",
            kind: "choice",
            required: true,
            options: targets.map((target) =>
              target.project && target.title
                ? { value: target.resultId, label: target.title, group: target.project }
                : { value: target.resultId, label: target.label },
            ),
            initial: initialTarget?.resultId ?? null,
          },
      {
        id: "level",
        label: "Interest",
        kind: "choice",
        required: true,
        options: labels(interestLevels, interestLevelNames),
        initial: current?.level ?? null,
      },
      {
        id: "kind",
        label: "Kind",
        kind: "choice",
        required: true,
        options: labels(interestKinds, interestKindNames),
        initial: current?.kind ?? null,
      },
      { id: "note", label: "Note", kind: "longText", required: false, maxLength: 500, initial: current?.note ?? null },
    ],
  };
}

/** "ALPHA's “Full title”: its description." */
function aboutTarget(target: InterestTarget): string {
  const name = target.project && target.title ? `${target.project}'s “${target.title}”` : `“${target.label}”`;
  const description = target.description?.trim();
  return description
    ? `${name}: ${description.length > 600 ? `${description.slice(0, 599)}…` : description}`
    : `${name}.`;
}

const interestSchema = z.object({
  resultId: z.string({ message: "Please pick a result." }).min(1, "Please pick a result."),
  level: z.enum(interestLevels, { message: "Please pick how interested your project is." }),
  kind: z.enum(interestKinds, { message: "Please pick how you would work with it." }),
  note: optionalText("the note", 500),
});

export type InterestInput = z.output<typeof interestSchema>;

export function parseInterest(raw: RawValues, allowedResultIds: Set<string>): Parsed<InterestInput> {
  const parsed = parseForm(interestSchema, raw);
  if (parsed.ok && !allowedResultIds.has(parsed.value.resultId)) {
    return { ok: false, errors: { resultId: "Please pick a result of another project in this workshop." } };
  }
  return parsed;
}

function numberText(value: number | null): string | null {
  return value === null ? null : String(value);
}
