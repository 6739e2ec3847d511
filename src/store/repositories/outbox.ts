import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

export interface OutboxRow {
  key: string;
  workspaceId: string;
  personId: string;
  message: unknown;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  doneAt: Date | null;
}

/** Messages to people, once per key, sent by the outbox worker (see `src/app/platform/notifier.ts`). */
export function outboxRepository(prisma: PrismaClient) {
  const pending = "pending";
  return {
    /** Adds the message, claimed by the caller until `claimedUntil` (its first attempt); false when the key exists. */
    async add(
      row: { key: string; workspaceId: string; personId: string; message: object },
      claimedUntil: Date,
    ): Promise<boolean> {
      const data = { ...row, message: row.message as Prisma.InputJsonValue, attempts: 1, nextAttemptAt: claimedUntil };
      const { count } = await prisma.outboxMessage.createMany({ data: [data], skipDuplicates: true });
      return count === 1;
    },

    async find(key: string): Promise<OutboxRow | null> {
      return prisma.outboxMessage.findUnique({ where: { key } });
    },

    /** Pending and due, oldest first. */
    async due(now: Date, limit: number): Promise<OutboxRow[]> {
      return prisma.outboxMessage.findMany({
        where: { status: pending, nextAttemptAt: { lte: now } },
        orderBy: { nextAttemptAt: "asc" },
        take: limit,
      });
    },

    /** Takes a due message for one attempt until `until` (atomic: one sender, also across replicas). */
    async claim(key: string, now: Date, until: Date): Promise<boolean> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { key, status: pending, nextAttemptAt: { lte: now } },
        data: { nextAttemptAt: until, attempts: { increment: 1 } },
      });
      return count === 1;
    },

    async markSent(key: string, at: Date): Promise<void> {
      await prisma.outboxMessage.update({ where: { key }, data: { status: "sent", doneAt: at, lastError: null } });
    },

    async retryAt(key: string, at: Date, reason: string): Promise<void> {
      await prisma.outboxMessage.update({ where: { key }, data: { nextAttemptAt: at, lastError: reason } });
    },

    async markFailed(key: string, at: Date, reason: string): Promise<void> {
      await prisma.outboxMessage.update({ where: { key }, data: { status: "failed", doneAt: at, lastError: reason } });
    },

    /** A failed message asked for again: pending, attempts from zero; false when it was not failed. */
    async requeue(key: string, at: Date): Promise<boolean> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { key, status: "failed" },
        data: { status: pending, attempts: 0, nextAttemptAt: at, doneAt: null },
      });
      return count === 1;
    },

    /** When the next pending message is due, or null when none is pending. */
    async nextDue(): Promise<Date | null> {
      const next = await prisma.outboxMessage.findFirst({
        where: { status: pending },
        orderBy: { nextAttemptAt: "asc" },
        select: { nextAttemptAt: true },
      });
      return next?.nextAttemptAt ?? null;
    },

    /** Given up after every attempt (or at once, when the platform said it never could deliver), oldest first. */
    async failures(workspaceId: string): Promise<OutboxRow[]> {
      return prisma.outboxMessage.findMany({ where: { workspaceId, status: "failed" }, orderBy: { createdAt: "asc" } });
    },
  };
}
