import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { DirectQuery } from "../database.ts";

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
 * answers every other request of the burst. On PGlite the statement goes to the database directly (`direct`):
 * Prisma's engine more than doubled the CPU time of a 500-answer burst (README, "Acknowledged means durable").
 */
export function submissionInboxRepository(prisma: PrismaClient, direct?: DirectQuery) {
  let batch: Waiting[] = [];
  let timer: NodeJS.Timeout | undefined;

  /** One statement for the batch; the keys it inserted (a key already kept is left as it is). */
  function insert(items: Waiting[]): Promise<{ key: string }[]> {
    const params = items.flatMap((item) => [item.key, JSON.stringify(item.incoming)]);
    const rows = items.map((_, index) => `($${2 * index + 1}, $${2 * index + 2}::jsonb)`).join(", ");
    const text = `INSERT INTO "SubmissionInbox" ("key", "incoming") VALUES ${rows}
        ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
    return direct ? direct<{ key: string }>(text, params) : prisma.$queryRawUnsafe<{ key: string }[]>(text, ...params);
  }

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    const items = batch;
    batch = [];
    insert(items).then(
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
