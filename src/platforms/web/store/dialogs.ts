// Dialogs the bot opened: the form as the browser renders it, what the person typed so far, the bot's context.
// A person has at most one dialog on screen; opening another closes the earlier one.
import type { PrismaClient } from "../../../generated/prisma/client.ts";
import type { DialogView, RawValues } from "../protocol.ts";
import { asJson } from "./errors.ts";

/** The form as the browser shows it; values, version and status are kept beside it. */
export type StoredDialogView = Omit<DialogView, "id" | "version" | "values" | "status">;

export interface DialogRecord {
  id: string;
  userId: string;
  view: StoredDialogView;
  values: RawValues;
  context: unknown;
  status: "open" | "pending" | "closed";
  version: number;
}

type Row = Omit<DialogRecord, "view" | "values"> & { view: unknown; values: unknown };

function toRecord(row: Row): DialogRecord {
  return { ...row, view: row.view as StoredDialogView, values: row.values as RawValues };
}

export function dialogRepository(prisma: PrismaClient) {
  return {
    /** Opens a dialog for a person; returns it and the ids of the dialogs it replaced. */
    async open(
      userId: string,
      input: { view: StoredDialogView; values: RawValues; context: unknown },
    ): Promise<{ dialog: DialogRecord; replaced: string[] }> {
      return prisma.$transaction(async (tx) => {
        const earlier = await tx.webDialog.findMany({
          where: { userId, status: { in: ["open", "pending"] } },
          select: { id: true },
        });
        await tx.webDialog.updateMany({
          where: { id: { in: earlier.map((row) => row.id) } },
          data: { status: "closed", version: { increment: 1 } },
        });
        const row = await tx.webDialog.create({
          data: {
            userId,
            view: asJson(input.view),
            values: asJson(input.values),
            context: asJson(input.context ?? null),
          },
        });
        return { dialog: toRecord(row), replaced: earlier.map((row) => row.id) };
      });
    },

    async find(dialogId: string): Promise<DialogRecord | null> {
      const row = await prisma.webDialog.findUnique({ where: { id: dialogId } });
      return row ? toRecord(row) : null;
    },

    /** The dialog on a person's screen, if any. */
    async current(userId: string): Promise<DialogRecord | null> {
      const row = await prisma.webDialog.findFirst({
        where: { userId, status: { in: ["open", "pending"] } },
        orderBy: { createdAt: "desc" },
      });
      return row ? toRecord(row) : null;
    },

    /** The bot shows the next step, field errors or a notice; the dialog waits for the person again. */
    async replace(
      dialogId: string,
      input: { view: StoredDialogView; values: RawValues; context: unknown },
    ): Promise<DialogRecord | null> {
      const changed = await prisma.webDialog.updateMany({
        where: { id: dialogId, status: { in: ["open", "pending"] } },
        data: {
          view: asJson(input.view),
          values: asJson(input.values),
          context: asJson(input.context ?? null),
          status: "open",
          version: { increment: 1 },
        },
      });
      return changed.count === 0 ? null : this.find(dialogId);
    },

    /** What the person typed so far, kept while the dialog is open (a reload or crash loses nothing). */
    async saveDraft(dialogId: string, userId: string, values: RawValues): Promise<boolean> {
      const changed = await prisma.webDialog.updateMany({
        where: { id: dialogId, userId, status: "open" },
        data: { values: asJson(values) },
      });
      return changed.count > 0;
    },

    /** The submission is stored before it is acknowledged; refused (null) if the dialog changed meanwhile. */
    async submit(dialogId: string, userId: string, version: number, values: RawValues): Promise<DialogRecord | null> {
      const changed = await prisma.webDialog.updateMany({
        where: { id: dialogId, userId, version, status: "open" },
        data: { values: asJson(values), status: "pending", version: { increment: 1 } },
      });
      return changed.count === 0 ? null : this.find(dialogId);
    },

    /** Back to the person with a notice (e.g. the bot failed); keeps their values. */
    async reopen(dialogId: string, notice: string): Promise<DialogRecord | null> {
      const dialog = await this.find(dialogId);
      if (dialog?.status !== "pending") return null;
      return this.replace(dialogId, {
        view: { ...dialog.view, notice },
        values: dialog.values,
        context: dialog.context,
      });
    },

    /** Submissions nobody answered (the process stopped meanwhile), untouched since `before`. */
    async stalePending(before: Date): Promise<string[]> {
      const rows = await prisma.webDialog.findMany({
        where: { status: "pending", updatedAt: { lt: before } },
        select: { id: true },
      });
      return rows.map((row) => row.id);
    },

    async close(dialogId: string, values?: RawValues): Promise<DialogRecord | null> {
      const changed = await prisma.webDialog.updateMany({
        where: { id: dialogId, status: { in: ["open", "pending"] } },
        data: { status: "closed", version: { increment: 1 }, ...(values ? { values: asJson(values) } : {}) },
      });
      return changed.count === 0 ? null : this.find(dialogId);
    },
  };
}

export type DialogRepository = ReturnType<typeof dialogRepository>;
