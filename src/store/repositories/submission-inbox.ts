import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

export interface PendingSubmission {
  key: string;
  incoming: unknown;
  receivedAt: Date;
}

/** Answers kept before their ack and applied after it (see `src/app/interaction/inbox.ts`). */
export function submissionInboxRepository(prisma: PrismaClient) {
  return {
    /** Keeps the submission; true the first time its key is seen, false for a redelivery (atomic). */
    async keep(key: string, incoming: object): Promise<boolean> {
      const data = { key, incoming: incoming as Prisma.InputJsonValue };
      const { count } = await prisma.submissionInbox.createMany({ data: [data], skipDuplicates: true });
      return count === 1;
    },

    /** Kept but not applied yet, oldest first. */
    async pending(limit = 500): Promise<PendingSubmission[]> {
      return prisma.submissionInbox.findMany({
        where: { appliedAt: null },
        orderBy: { receivedAt: "asc" },
        take: limit,
        select: { key: true, incoming: true, receivedAt: true },
      });
    },

    async markApplied(key: string, at: Date): Promise<void> {
      await prisma.submissionInbox.updateMany({ where: { key, appliedAt: null }, data: { appliedAt: at } });
    },

    /** When it was kept and applied, or null when the key was never kept. */
    async find(key: string): Promise<{ receivedAt: Date; appliedAt: Date | null } | null> {
      return prisma.submissionInbox.findUnique({ where: { key }, select: { receivedAt: true, appliedAt: true } });
    },
  };
}
