import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";

export interface PendingSubmission {
  key: string;
  incoming: unknown;
  receivedAt: Date;
}

interface Waiting {
  key: string;
  incoming: object;
  resolve: (first: boolean) => void;
  reject: (error: unknown) => void;
}

/** Keeps arriving within this window are written together; the first of them waits at most this long. */
const gatherMs = 8;
/** A batch this large is written at once. */
const maxBatch = 250;

/**
 * Answers kept before their ack and applied after it (see `src/app/interaction/core.ts`). Keeps arriving together
 * (a burst) are written as one statement: each statement costs far more than its rows (a single-row insert through
 * Prisma into PGlite costs about as much as ten rows in one), and with PGlite that cost is paid on the thread that
 * answers every other request of the burst.
 */
export function submissionInboxRepository(prisma: PrismaClient) {
  let batch: Waiting[] = [];
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    const items = batch;
    batch = [];
    const rows = Prisma.join(items.map((item) => Prisma.sql`(${item.key}, ${JSON.stringify(item.incoming)}::jsonb)`));
    prisma.$queryRaw<{ key: string }[]>`INSERT INTO "SubmissionInbox" ("key", "incoming") VALUES ${rows}
        ON CONFLICT ("key") DO NOTHING RETURNING "key"`.then(
      (inserted) => {
        const fresh = new Set(inserted.map((row) => row.key));
        for (const item of items) item.resolve(fresh.delete(item.key));
      },
      (error: unknown) => {
        for (const item of items) item.reject(error);
      },
    );
  }

  return {
    /** Keeps the submission; true the first time its key is seen, false for a redelivery (atomic). */
    keep(key: string, incoming: object): Promise<boolean> {
      return new Promise((resolve, reject) => {
        batch.push({ key, incoming, resolve, reject });
        if (batch.length >= maxBatch) flush();
        else timer ??= setTimeout(flush, gatherMs);
      });
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
