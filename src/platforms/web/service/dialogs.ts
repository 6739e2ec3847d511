// Dialogs: the bot opens a form or a panel for one person; the person types (drafts are kept), submits with one of
// the form's actions, presses a panel's button, or closes it; the bot answers with the next screen, field errors,
// or by closing it. One dialog per person: a new one replaces the earlier.
import type { FieldErrors, FieldOption } from "../../../core/forms/spec.ts";
import type { Screen } from "../../../core/screens/screens.ts";
import { WebBotError } from "../bot-api.ts";
import { ContentError } from "../content.ts";
import { pickKnown, type StoredDialog, singleSubmitId, storedForm, storedPanel, withErrors } from "../dialog-view.ts";
import type { DialogView } from "../protocol.ts";
import type { WorkspaceContext } from "./context.ts";
import { Refusal } from "./errors.ts";
import { pressButton } from "./press.ts";
import { type Dialog, dialogOf } from "./records.ts";
import { dialogView } from "./views.ts";

const notConnected = "Clusterbot is not connected to this workspace just now. What you typed is kept: try again later.";
const botFailed = "Clusterbot could not take this answer just now. What you typed is kept: please try again.";
const interrupted = "Clusterbot stopped before it answered. What you typed is kept: please send it again.";
/** A submission pending this long at start was being handled by a process that is gone. */
const orphanAfterMs = 30_000;

/** The bot's screen as the workspace keeps it; content the browser could not draw is the bot's error. */
function stored(screen: Screen): StoredDialog {
  try {
    return screen.kind === "form" ? storedForm(screen) : storedPanel(screen);
  } catch (error) {
    if (error instanceof ContentError) throw new WebBotError("invalid", error.message);
    throw error;
  }
}

export function dialogService(ctx: WorkspaceContext) {
  const { store, hub, bot } = ctx;

  function publish(userId: string, dialog: Dialog | null, closedId: string | null = null): void {
    hub.send([userId], { type: "dialog", dialog: dialog ? dialogView(dialog) : null, closedId });
  }

  async function find(dialogId: string): Promise<Dialog | null> {
    const record = await store.dialogs.find(dialogId);
    return record ? dialogOf(record) : null;
  }

  async function mine(userId: string, dialogId: string): Promise<Dialog> {
    const dialog = await find(dialogId);
    if (!dialog || dialog.userId !== userId || dialog.status === "closed") {
      throw new Refusal("not_found", "This dialog is not open any more.");
    }
    return dialog;
  }

  async function replace(dialogId: string, next: StoredDialog): Promise<void> {
    const record = await store.dialogs.replace(dialogId, next);
    if (!record) throw new WebBotError("not_open", "this dialog is closed");
    const dialog = dialogOf(record);
    publish(dialog.userId, dialog);
  }

  /** Back to the person with a notice (the bot failed or stopped); their values are kept. */
  async function reopen(dialogId: string, notice: string): Promise<Dialog | null> {
    const dialog = await find(dialogId);
    if (dialog?.status !== "pending" || dialog.view.kind !== "form") return null;
    const record = await store.dialogs.replace(dialogId, {
      view: { ...dialog.view, notice },
      values: dialog.values,
      context: dialog.context,
    });
    return record ? dialogOf(record) : null;
  }

  /** After the bot handled a submission: back to the person on failure; closed if the bot said nothing. */
  async function settle(dialogId: string, failure: unknown): Promise<void> {
    const reopened = failure ? await reopen(dialogId, botFailed) : null;
    if (reopened) return publish(reopened.userId, reopened);
    const current = await find(dialogId);
    if (current?.status === "pending") {
      const closed = await store.dialogs.close(dialogId);
      if (closed) publish(closed.userId, null, closed.id);
    }
  }

  return {
    /** At start: submissions a stopped process never answered go back to their person, values kept. */
    async reopenOrphans(): Promise<number> {
      const orphans = await store.dialogs.stalePending(new Date(ctx.now().getTime() - orphanAfterMs));
      for (const id of orphans) await reopen(id, interrupted);
      return orphans.length;
    },

    async open(userId: string, screen: Screen): Promise<{ dialogId: string }> {
      if (!(await store.accounts.find(userId))) throw new WebBotError("not_found", `nobody has the id ${userId}`);
      const { dialog, replaced } = await store.dialogs.open(userId, stored(screen));
      for (const id of replaced) publish(userId, null, id);
      publish(userId, dialogOf(dialog));
      return { dialogId: dialog.id };
    },

    /** Another screen in the dialog; the same form again keeps what the person typed unless the bot gives values. */
    async update(dialogId: string, screen: Screen): Promise<void> {
      const existing = await find(dialogId);
      if (!existing || existing.status === "closed") throw new WebBotError("not_open", "this dialog is closed");
      const next = stored(screen);
      const sameForm =
        existing.view.kind === "form" && screen.kind === "form" && existing.view.formId === screen.form.id;
      if (sameForm && screen.kind === "form" && !screen.values) next.values = { ...next.values, ...existing.values };
      await replace(dialogId, next);
    },

    /** The form stays as it is, with errors next to its fields; what the person typed stays too. */
    async showErrors(dialogId: string, errors: FieldErrors, summary: string | undefined): Promise<void> {
      const existing = await find(dialogId);
      if (!existing || existing.status === "closed") throw new WebBotError("not_open", "this dialog is closed");
      if (existing.view.kind !== "form") throw new WebBotError("invalid", "only a form shows field errors");
      await replace(dialogId, {
        view: withErrors(existing.view, errors, summary),
        values: existing.values,
        context: existing.context,
      });
    },

    async close(dialogId: string): Promise<void> {
      const dialog = await store.dialogs.close(dialogId);
      if (dialog) publish(dialog.userId, null, dialog.id);
    },

    async current(userId: string): Promise<DialogView | null> {
      const dialog = await store.dialogs.current(userId);
      return dialog ? dialogView(dialogOf(dialog)) : null;
    },

    /** Stored (status pending) before the browser gets its answer; then handed to the bot. */
    async submit(
      userId: string,
      input: { dialogId: string; version: number; actionId: string; values: Record<string, unknown> },
    ): Promise<DialogView> {
      const dialog = await mine(userId, input.dialogId);
      const { view } = dialog;
      if (view.kind !== "form" || !view.actions.some((action) => action.id === input.actionId)) {
        throw new Refusal("invalid", "This form has no such button.");
      }
      const values = { ...dialog.values, ...pickKnown(view.fields, input.values) };
      const record = await store.dialogs.submit(dialog.id, userId, input.version, values);
      if (!record) {
        throw new Refusal("conflict", "This form changed while you were typing: please check it and send it again.");
      }
      const submitted = dialogOf(record);
      const delivered = bot.deliver(
        {
          type: "dialog.submit",
          eventId: `submit:${submitted.id}:${submitted.version}`,
          userId,
          dialogId: submitted.id,
          formId: view.formId,
          action: view.choices && input.actionId !== singleSubmitId ? input.actionId : null,
          values,
          context: submitted.context,
        },
        (failure) => settle(submitted.id, failure),
      );
      if (!delivered) {
        const reopened = await reopen(submitted.id, notConnected);
        if (!reopened) throw new Refusal("conflict", "This form changed meanwhile: please look at it again.");
        publish(userId, reopened);
        return dialogView(reopened);
      }
      publish(userId, submitted);
      return dialogView(submitted);
    },

    /** A button on a panel dialog: only one that is really there can be pressed. */
    async press(userId: string, input: { dialogId: string; actionId: string; value: string }): Promise<void> {
      const dialog = await mine(userId, input.dialogId);
      const { view } = dialog;
      if (view.kind !== "panel") throw new Refusal("not_found", "This button is no longer there.");
      const source = { kind: "dialog" as const, dialogId: dialog.id, screenId: view.screenId, context: dialog.context };
      pressButton(bot, userId, view.blocks, input, source);
    },

    /** The person closes the dialog; a form opened with notifyOnClose gives the bot what was typed. */
    async closeByPerson(userId: string, input: { dialogId: string; values: Record<string, unknown> }): Promise<void> {
      const dialog = await mine(userId, input.dialogId);
      const { view } = dialog;
      const values = view.kind === "form" ? { ...dialog.values, ...pickKnown(view.fields, input.values) } : {};
      const record = await store.dialogs.close(dialog.id, values);
      if (!record) return;
      publish(userId, null, record.id);
      if (view.kind !== "form" || !view.notifyOnClose) return;
      void bot.deliver({
        type: "dialog.close",
        eventId: `close:${record.id}`,
        userId,
        dialogId: record.id,
        formId: view.formId,
        values,
        context: dialog.context,
      });
    },

    async saveDraft(userId: string, input: { dialogId: string; values: Record<string, unknown> }): Promise<boolean> {
      const dialog = await mine(userId, input.dialogId);
      if (dialog.view.kind !== "form") return false;
      const values = { ...dialog.values, ...pickKnown(dialog.view.fields, input.values) };
      return store.dialogs.saveDraft(dialog.id, userId, values);
    },

    async suggest(userId: string, input: { dialogId: string; fieldId: string; query: string }): Promise<FieldOption[]> {
      const dialog = await mine(userId, input.dialogId);
      const field = dialog.view.kind === "form" ? dialog.view.fields.find((f) => f.id === input.fieldId) : undefined;
      if (dialog.view.kind !== "form" || field?.kind !== "search") {
        throw new Refusal("not_found", "This field has no suggestions.");
      }
      const options = await bot.suggest({
        userId,
        dialogId: dialog.id,
        formId: dialog.view.formId,
        fieldId: field.id,
        query: input.query.slice(0, 200),
        context: dialog.context,
      });
      return options.slice(0, 100);
    },
  };
}

export type DialogService = ReturnType<typeof dialogService>;
