// Dialogs: the bot opens a form for one person; the person types (drafts are kept), submits with one of its
// actions or closes it; the bot answers with the next step, field errors, or by closing it.
import type { FieldOption, FormSpec } from "../../../core/forms/spec.ts";
import { type BotDialog, WebBotError } from "../bot-api.ts";
import { dialogActions, dialogFields, pickKnown, startingValues } from "../content.ts";
import type { DialogView, RawValues } from "../protocol.ts";
import type { DialogRecord, StoredDialogView } from "../store/dialogs.ts";
import type { WorkspaceContext } from "./context.ts";
import { Refusal } from "./errors.ts";
import { dialogView } from "./views.ts";

const notConnected = "Clusterbot is not connected to this workspace just now. What you typed is kept: try again later.";
const botFailed = "Clusterbot could not take this answer just now. What you typed is kept: please try again.";
const interrupted = "Clusterbot stopped before it answered. What you typed is kept: please send it again.";
/** A submission pending this long at start was being handled by a process that is gone. */
const orphanAfterMs = 30_000;

function stored(input: BotDialog): { view: StoredDialogView; values: RawValues; context: unknown } {
  const spec: FormSpec = input.spec;
  const fieldIds = new Set(spec.fields.map((field) => field.id));
  const unknown = Object.keys(input.errors ?? {}).filter((id) => !fieldIds.has(id));
  return {
    view: {
      formId: spec.id,
      title: spec.title,
      intro: spec.intro ?? null,
      fields: dialogFields(spec),
      actions: dialogActions(spec, input.actions),
      closeLabel: input.closeLabel ?? "Cancel",
      errors: input.errors ?? {},
      // An error about no field in particular (e.g. "form") reads as a notice.
      notice: [input.notice, ...unknown.map((id) => input.errors?.[id])].filter(Boolean).join(" ") || null,
    },
    values: startingValues(spec, input.values),
    context: input.context ?? null,
  };
}

export function dialogService(ctx: WorkspaceContext) {
  const { store, hub, bot } = ctx;

  function publish(userId: string, dialog: DialogRecord | null, closedId: string | null = null): void {
    hub.send([userId], { type: "dialog", dialog: dialog ? dialogView(dialog) : null, closedId });
  }

  async function mine(userId: string, dialogId: string): Promise<DialogRecord> {
    const dialog = await store.dialogs.find(dialogId);
    if (!dialog || dialog.userId !== userId) throw new Refusal("not_found", "This form is not open any more.");
    return dialog;
  }

  /** After the bot handled a submission: back to the person on failure; closed if the bot said nothing. */
  async function settle(dialogId: string, failure: unknown): Promise<void> {
    const dialog = failure ? await store.dialogs.reopen(dialogId, botFailed) : null;
    if (dialog) return publish(dialog.userId, dialog);
    const current = await store.dialogs.find(dialogId);
    if (current?.status === "pending") {
      const closed = await store.dialogs.close(dialogId);
      if (closed) publish(closed.userId, null, closed.id);
    }
  }

  return {
    /** At start: submissions a stopped process never answered go back to their person, values kept. */
    async reopenOrphans(): Promise<number> {
      const orphans = await store.dialogs.stalePending(new Date(ctx.now().getTime() - orphanAfterMs));
      for (const id of orphans) await store.dialogs.reopen(id, interrupted);
      return orphans.length;
    },

    async open(userId: string, input: BotDialog): Promise<{ dialogId: string }> {
      if (!(await store.accounts.find(userId))) throw new WebBotError("not_found", `nobody has the id ${userId}`);
      const { dialog, replaced } = await store.dialogs.open(userId, stored(input));
      for (const id of replaced) publish(userId, null, id);
      publish(userId, dialog);
      return { dialogId: dialog.id };
    },

    /** The same form again (e.g. with errors) keeps what the person typed, and its buttons, unless the bot gives others. */
    async update(dialogId: string, input: BotDialog): Promise<void> {
      const existing = await store.dialogs.find(dialogId);
      if (!existing || existing.status === "closed") throw new WebBotError("not_open", "this dialog is closed");
      const next = stored(input);
      if (existing.view.formId === input.spec.id) {
        next.values = { ...next.values, ...existing.values, ...pickKnown(input.spec.fields, input.values ?? {}) };
        if (!input.actions) next.view.actions = existing.view.actions;
        if (!input.closeLabel) next.view.closeLabel = existing.view.closeLabel;
      }
      const dialog = await store.dialogs.replace(dialogId, next);
      if (!dialog) throw new WebBotError("not_open", "this dialog is closed");
      publish(dialog.userId, dialog);
    },

    async close(dialogId: string): Promise<void> {
      const dialog = await store.dialogs.close(dialogId);
      if (dialog) publish(dialog.userId, null, dialog.id);
    },

    async current(userId: string): Promise<DialogView | null> {
      const dialog = await store.dialogs.current(userId);
      return dialog ? dialogView(dialog) : null;
    },

    /** Stored (status pending) before the browser gets its answer; then handed to the bot. */
    async submit(
      userId: string,
      input: { dialogId: string; version: number; actionId: string; values: Record<string, unknown> },
    ): Promise<DialogView> {
      const dialog = await mine(userId, input.dialogId);
      if (!dialog.view.actions.some((action) => action.id === input.actionId)) {
        throw new Refusal("invalid", "This form has no such button.");
      }
      const values = { ...dialog.values, ...pickKnown(dialog.view.fields, input.values) };
      const submitted = await store.dialogs.submit(dialog.id, userId, input.version, values);
      if (!submitted) {
        throw new Refusal("conflict", "This form changed while you were typing: please check it and send it again.");
      }
      const delivered = bot.deliver(
        {
          type: "dialog.submit",
          eventId: `submit:${submitted.id}:${submitted.version}`,
          userId,
          dialogId: submitted.id,
          formId: submitted.view.formId,
          actionId: input.actionId,
          values,
          context: submitted.context,
        },
        (failure) => settle(submitted.id, failure),
      );
      if (!delivered) {
        const reopened = (await store.dialogs.reopen(submitted.id, notConnected))!;
        publish(userId, reopened);
        return dialogView(reopened);
      }
      publish(userId, submitted);
      return dialogView(submitted);
    },

    /** The person closes the form; what they typed goes to the bot (to keep as a draft if it wants). */
    async closeByPerson(userId: string, input: { dialogId: string; values: Record<string, unknown> }): Promise<void> {
      const dialog = await mine(userId, input.dialogId);
      const values = { ...dialog.values, ...pickKnown(dialog.view.fields, input.values) };
      const closed = await store.dialogs.close(dialog.id, values);
      if (!closed) return;
      publish(userId, null, closed.id);
      bot.deliver({
        type: "dialog.close",
        eventId: `close:${closed.id}`,
        userId,
        dialogId: closed.id,
        formId: closed.view.formId,
        values,
        context: closed.context,
      });
    },

    async saveDraft(userId: string, input: { dialogId: string; values: Record<string, unknown> }): Promise<boolean> {
      const dialog = await mine(userId, input.dialogId);
      const values = { ...dialog.values, ...pickKnown(dialog.view.fields, input.values) };
      return store.dialogs.saveDraft(dialog.id, userId, values);
    },

    async suggest(userId: string, input: { dialogId: string; fieldId: string; query: string }): Promise<FieldOption[]> {
      const dialog = await mine(userId, input.dialogId);
      const field = dialog.view.fields.find((candidate) => candidate.id === input.fieldId);
      if (field?.kind !== "search") throw new Refusal("not_found", "This field has no suggestions.");
      const options = await bot.suggest({
        userId,
        dialogId: dialog.id,
        formId: dialog.view.formId,
        fieldId: field.id,
        source: field.source,
        query: input.query.slice(0, 200),
        context: dialog.context,
      });
      return options.slice(0, 100);
    },
  };
}

export type DialogService = ReturnType<typeof dialogService>;
