// Dialogs the bot opened: the screen as the browser draws it, what the person typed so far, the bot's context.
// A person has at most one dialog on screen; opening another closes the earlier one.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { asJson } from "./errors.ts";

export type WebDialogStatus = "open" | "pending" | "closed";

export interface WebDialogRow {
  id: string;
  userId: string;
  view: unknown;
  values: unknown;
  context: unknown;
  status: WebDialogStatus;
  version: number;
}

export interface WebDialogContent {
  view: unknown;
  values: unknown;
  context: unknown;
}

const columns = { id: true, userId: true, view: true, values: true, context: true, status: true, version: true };

export function webDialogRepository(prisma: PrismaClient) {
  const repository = {
    /** Opens a dialog for a person; returns it and the ids of the dialogs it replaced. */
    async open(userId: string, input: WebDialogContent): Promise<{ dialog: WebDialogRow; replaced: string[] }> {
      return prisma.$transaction(async (tx) => {
        const earlier = await tx.webDialog.findMany({
          where: { userId, status: { in: ["open", "pending"] } },
          select: { id: true },
        });
        await tx.webDialog.updateMany({
          where: { id: { in: earlier.map((row) => row.id) } },
          data: { status: "closed", version: { increment: 1 } },
        });
        const dialog = await tx.webDialog.create({
          data: {
            userId,
            view: asJson(input.view),
            values: asJson(input.values),
            context: asJson(input.context ?? null),
          },
          select: columns,
        });
        return { dialog, replaced: earlier.map((row) => row.id) };
      });
    },

    find(dialogId: string): Promise<WebDialogRow | null> {
      return prisma.webDialog.findUnique({ where: { id: dialogId }, select: columns });
    },

    /** The dialog on a person's screen, if any. */
    current(userId: string): Promise<WebDialogRow | null> {
      return prisma.webDialog.findFirst({
        where: { userId, status: { in: ["open", "pending"] } },
        orderBy: { createdAt: "desc" },
        select: columns,
      });
    },

    /** The bot shows the next step, field errors or a notice; the dialog waits for the person again. */
    async replace(dialogId: string, input: WebDialogContent): Promise<WebDialogRow | null> {
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
      return changed.count === 0 ? null : repository.find(dialogId);
    },

    /** What the person typed so far, kept while the dialog is open (a reload or crash loses nothing). */
    async saveDraft(dialogId: string, userId: string, values: unknown): Promise<boolean> {
      const changed = await prisma.webDialog.updateMany({
        where: { id: dialogId, userId, status: "open" },
        data: { values: asJson(values) },
      });
      return changed.count > 0;
    },

    /** The submission is stored before it is acknowledged; refused (null) if the dialog changed meanwhile. */
    async submit(dialogId: string, userId: string, version: number, values: unknown): Promise<WebDialogRow | null> {
      const changed = await prisma.webDialog.updateMany({
        where: { id: dialogId, userId, version, status: "open" },
        data: { values: asJson(values), status: "pending", version: { increment: 1 } },
      });
      return changed.count === 0 ? null : repository.find(dialogId);
    },

    /** Submissions nobody answered (the process stopped meanwhile), untouched since `before`. */
    async stalePending(before: Date): Promise<string[]> {
      const rows = await prisma.webDialog.findMany({
        where: { status: "pending", updatedAt: { lt: before } },
        select: { id: true },
      });
      return rows.map((row) => row.id);
    },

    async close(dialogId: string, values?: unknown): Promise<WebDialogRow | null> {
      const changed = await prisma.webDialog.updateMany({
        where: { id: dialogId, status: { in: ["open", "pending"] } },
        data: { status: "closed", version: { increment: 1 }, ...(values ? { values: asJson(values) } : {}) },
      });
      return changed.count === 0 ? null : repository.find(dialogId);
    },
  };
  return repository;
}
