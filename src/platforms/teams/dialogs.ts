// Dialogs (task modules) for the neutral forms: task/fetch opens one, task/submit reads the card back into
// RawValues and answers with the next screen (the same form with field errors, another form, or closing with a
// message), application/search answers type-ahead choice sets. Use cases plug in per form id; nothing here
// decides anything about a form's meaning.
import type { Activity, IMessageActivityInput, TaskModuleResponse } from "@microsoft/teams.api";
import type { App } from "@microsoft/teams.apps";
import type { FieldOption, FormSpec } from "../../core/forms/spec.ts";
import type { Logger } from "../../logging/logger.ts";
import { activityEnvelope } from "./activity-envelope.ts";
import { encodeChoice } from "./cards/choice-values.ts";
import { datasetOf, type FormCardState, formCard } from "./cards/form-card.ts";
import { readSubmission, type Submission, submitDataOf } from "./cards/form-values.ts";

export interface DialogPerson {
  /** AAD object id (else the Bot Framework id). */
  id: string;
  name: string | null;
  tenantId: string | null;
  conversationId: string;
  timeZone: string;
}

export type DialogScreen =
  | { kind: "form"; spec: FormSpec; state?: FormCardState; size?: "small" | "medium" | "large" }
  | { kind: "close"; message?: string };

export interface FormHandler {
  /** The form as it is now for this context (to read a submission with). */
  spec(context: Record<string, string>, person: DialogPerson): FormSpec | Promise<FormSpec>;
  submit(submission: Submission, person: DialogPerson): Promise<DialogScreen>;
}

/** Where dialogs go that no opener or form handler here takes: the interaction core (listeners.ts). */
export interface DialogFallback {
  open(activity: Activity, send: SendHere): Promise<TaskModuleResponse | undefined>;
  submit(activity: Activity, send: SendHere): Promise<TaskModuleResponse | undefined>;
  /** Options for a dataset it owns; undefined for other datasets. */
  search(activity: Activity): Promise<FieldOption[] | undefined>;
}

/** Sends into the conversation the invoke came from (the SDK context's `send`). */
export type SendHere = (activity: IMessageActivityInput) => Promise<unknown>;

export type DialogOpener = (data: Record<string, unknown>, person: DialogPerson) => Promise<DialogScreen>;
export type SearchSource = (query: string, person: DialogPerson) => Promise<FieldOption[]>;

const unavailable = "Sorry, this could not be saved just now. What you typed is still here: please try again.";
const maxSearchResults = 25;
const maxRememberedChoiceLists = 500;

export class TeamsDialogs {
  readonly #openers = new Map<string, DialogOpener>();
  readonly #forms = new Map<string, FormHandler>();
  readonly #searches = new Map<string, SearchSource>();
  /** Long choice lists of cards shown by this process, for their type-ahead (a registered source wins). */
  readonly #choiceLists = new Map<string, FieldOption[]>();
  readonly #logger: Logger;
  #fallback: DialogFallback | undefined;

  constructor(app: App, logger: Logger) {
    this.#logger = logger;
    app.on("dialog.open", async ({ activity, send }) => this.#open(activity, activity.value?.data, send));
    app.on("dialog.submit", async ({ activity, send }) => this.#submit(activity, activity.value?.data, send));
    app.on("card.search", async ({ activity }) => ({
      status: 200,
      body: {
        statusCode: 200,
        type: "application/vnd.microsoft.search.searchResponse" as const,
        value: { results: await this.#search(activity, activity.value) },
      },
    }));
  }

  /** task/fetch with `data.dialog` equal to `dialogId` opens what `open` answers. */
  onOpen(dialogId: string, open: DialogOpener): void {
    this.#openers.set(dialogId, open);
  }

  /** Submissions of the form `formId` (as rendered by `screen`) go to `handler`. */
  onForm(formId: string, handler: FormHandler): void {
    this.#forms.set(formId, handler);
  }

  onSearch(dataset: string, source: SearchSource): void {
    this.#searches.set(dataset, source);
  }

  /** Dialogs, submissions and searches nothing registered here takes. */
  otherwise(fallback: DialogFallback): void {
    this.#fallback = fallback;
  }

  /** The task/fetch or task/submit answer that shows a screen. */
  screen(screen: DialogScreen, person?: Pick<DialogPerson, "timeZone">): TaskModuleResponse {
    if (screen.kind === "close") return screen.message ? { task: { type: "message", value: screen.message } } : {};
    this.#rememberChoiceLists(screen.spec);
    const state = { ...(person ? { timeZone: person.timeZone } : {}), ...screen.state };
    const size = screen.size ?? "large";
    return {
      task: {
        type: "continue",
        value: {
          title: screen.spec.title,
          height: size,
          width: size,
          card: { contentType: "application/vnd.microsoft.card.adaptive", content: formCard(screen.spec, state) },
        },
      },
    };
  }

  async #open(activity: Activity, data: unknown, send: SendHere): Promise<TaskModuleResponse> {
    const person = personOf(activity);
    const fields = isRecord(data) ? data : {};
    const dialogId = typeof fields.dialog === "string" ? fields.dialog : "";
    const open = this.#openers.get(dialogId);
    if (!open) {
      const answered = await this.#fallback?.open(activity, send);
      return answered ?? { task: { type: "message", value: "This dialog is no longer available." } };
    }
    try {
      return this.screen(await open(fields, person), person);
    } catch (error) {
      this.#logger.error({ err: error, dialog: dialogId }, "opening a Teams dialog failed");
      return { task: { type: "message", value: "Sorry, this could not be opened just now. Please try again." } };
    }
  }

  async #submit(activity: Activity, data: unknown, send: SendHere): Promise<TaskModuleResponse> {
    const person = personOf(activity);
    const target = submitDataOf(data);
    const handler = target ? this.#forms.get(target.form) : undefined;
    if (!target || !handler) {
      const answered = await this.#fallback?.submit(activity, send);
      return answered ?? { task: { type: "message", value: "This form is no longer available." } };
    }
    let spec: FormSpec | undefined;
    let submission: Submission | undefined;
    try {
      spec = await handler.spec(target.context, person);
      submission = readSubmission(spec, data, person.timeZone);
      if (!submission) return { task: { type: "message", value: "This form is no longer available." } };
      return this.screen(await handler.submit(submission, person), person);
    } catch (error) {
      this.#logger.error({ err: error, form: target.form }, "a Teams dialog submission failed");
      if (!spec || !submission) return { task: { type: "message", value: unavailable } };
      // Nothing typed is lost: the same form comes back with what was submitted and a note on top.
      return this.screen(
        {
          kind: "form",
          spec,
          state: { values: submission.values, context: submission.context, errors: { form: unavailable } },
        },
        person,
      );
    }
  }

  async #search(activity: Activity, value: unknown): Promise<{ title: string; value: string }[]> {
    const query = isRecord(value) ? value : {};
    const dataset = typeof query.dataset === "string" ? query.dataset : "";
    const text = typeof query.queryText === "string" ? query.queryText.trim().toLowerCase() : "";
    const source = this.#searches.get(dataset);
    let options: FieldOption[];
    try {
      options = source
        ? await source(text, personOf(activity))
        : ((await this.#fallback?.search(activity)) ??
          (this.#choiceLists.get(dataset) ?? []).filter((option) => option.label.toLowerCase().includes(text)));
    } catch (error) {
      this.#logger.error({ err: error, dataset }, "a Teams type-ahead search failed");
      options = [];
    }
    return options
      .slice(0, maxSearchResults)
      .map((option) => ({ title: option.label, value: encodeChoice(option.value) }));
  }

  #rememberChoiceLists(spec: FormSpec): void {
    for (const field of spec.fields) {
      const dataset = datasetOf(spec, field);
      if (!dataset || (field.kind !== "choice" && field.kind !== "choices")) continue;
      this.#choiceLists.delete(dataset);
      this.#choiceLists.set(dataset, field.options);
      if (this.#choiceLists.size > maxRememberedChoiceLists) {
        const oldest = this.#choiceLists.keys().next().value;
        if (oldest !== undefined) this.#choiceLists.delete(oldest);
      }
    }
  }
}

export function personOf(activity: Activity): DialogPerson {
  const parsed = activityEnvelope.safeParse(activity);
  const timeZone = parsed.success ? parsed.data.localTimezone : undefined;
  return {
    id: activity.from.aadObjectId ?? activity.from.id,
    name: activity.from.name ?? null,
    tenantId: activity.channelData?.tenant?.id ?? activity.conversation.tenantId ?? null,
    conversationId: activity.conversation.id,
    timeZone: timeZone ?? "UTC",
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
