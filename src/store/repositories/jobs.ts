// Scheduled jobs (reminders, digests, follow-ups): planned with stable keys, claimed by any replica with
// FOR UPDATE SKIP LOCKED and a lease, finished by the claimant only. Also the per-workshop reminder snoozes.
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

export type JobStatus = "pending" | "done" | "failed" | "cancelled";
export type JobPayload = Record<string, string | number | boolean | null>;

export interface JobRecord {
  id: string;
  workshopId: string | null;
  kind: string;
  target: string | null;
  dedupeKey: string;
  dueAt: Date;
  payload: JobPayload;
  status: JobStatus;
  /** Claims so far, the current one included. */
  attempts: number;
  maxAttempts: number;
  claimedBy: string | null;
  claimedUntil: Date | null;
  doneAt: Date | null;
  lastError: string | null;
  outcome: string | null;
  createdAt: Date;
}

export interface NewJob {
  kind: string;
  dedupeKey: string;
  dueAt: Date;
  workshopId?: string | null;
  target?: string | null;
  payload?: JobPayload;
  maxAttempts?: number;
  /** When it was asked for (default: the database's now); lets rules like "once an hour" follow the app's clock. */
  createdAt?: Date;
}

export interface ReplanSummary {
  created: number;
  updated: number;
  cancelled: number;
}

export interface ClaimRequest {
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

type JobRow = Prisma.ScheduledJobGetPayload<object>;

function toJob(row: JobRow): JobRecord {
  const { updatedAt: _updatedAt, payload, ...rest } = row;
  return { ...rest, payload: isPayload(payload) ? payload : {} };
}

function isPayload(value: unknown): value is JobPayload {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const idChunk = 5_000;

export function jobRepository(prisma: PrismaClient) {
  return {
    /** Inserts the jobs whose keys are new; returns how many were inserted. */
    async schedule(jobs: NewJob[]): Promise<number> {
      if (jobs.length === 0) return 0;
      const { count } = await prisma.scheduledJob.createMany({ data: jobs.map(toRow), skipDuplicates: true });
      return count;
    },

    /**
     * Makes the pending jobs whose key starts with `keyPrefix` exactly `jobs`: new keys are inserted, pending or
     * cancelled rows with a wanted key get the new due time (a cancelled one is revived with fresh attempts), pending
     * rows no longer wanted are cancelled. Jobs already done or failed stay as they are, so nothing is sent twice.
     */
    async replan(keyPrefix: string, jobs: NewJob[]): Promise<ReplanSummary> {
      const wanted = new Map(jobs.map((job) => [job.dedupeKey, job]));
      const keys = [...wanted.keys()];
      return prisma.$transaction(
        async (tx) => {
          const { count: cancelled } = await tx.scheduledJob.updateMany({
            where: { status: "pending", dedupeKey: { startsWith: keyPrefix, notIn: keys } },
            data: { status: "cancelled", outcome: "cancelled: re-planned", claimedBy: null, claimedUntil: null },
          });
          const existing = [];
          for (let start = 0; start < keys.length; start += idChunk) {
            existing.push(
              ...(await tx.scheduledJob.findMany({
                where: { dedupeKey: { in: keys.slice(start, start + idChunk) } },
                select: { dedupeKey: true, status: true, dueAt: true },
              })),
            );
          }
          const known = new Set(existing.map((row) => row.dedupeKey));
          const { count: created } = await tx.scheduledJob.createMany({
            data: jobs.filter((job) => !known.has(job.dedupeKey)).map(toRow),
            skipDuplicates: true,
          });
          let updated = 0;
          for (const row of existing) {
            const job = wanted.get(row.dedupeKey);
            if (!job) continue;
            const revive = row.status === "cancelled";
            if (!revive && !(row.status === "pending" && row.dueAt.getTime() !== job.dueAt.getTime())) continue;
            await tx.scheduledJob.update({
              where: { dedupeKey: row.dedupeKey },
              data: {
                dueAt: job.dueAt,
                payload: job.payload ?? {},
                ...(revive ? { status: "pending", attempts: 0, outcome: null, lastError: null } : {}),
              },
            });
            updated += 1;
          }
          return { created, updated, cancelled };
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
    },

    /** Cancels a workshop's pending jobs (optionally only those whose key starts with `keyPrefix`). */
    async cancelPending(workshopId: string, outcome: string, keyPrefix?: string): Promise<number> {
      const { count } = await prisma.scheduledJob.updateMany({
        where: { workshopId, status: "pending", ...(keyPrefix ? { dedupeKey: { startsWith: keyPrefix } } : {}) },
        data: { status: "cancelled", outcome, claimedBy: null, claimedUntil: null },
      });
      return count;
    },

    /**
     * Claims up to `limit` due jobs for `owner` until now + lease, counting an attempt. A job whose lease ran out
     * (its claimant died) is due again. Rows locked by another claimant are skipped, so replicas never share a job.
     */
    async claimDue(request: ClaimRequest): Promise<JobRecord[]> {
      const now = request.now.toISOString();
      const until = new Date(request.now.getTime() + request.leaseMs).toISOString();
      const claimed = await prisma.$queryRaw<{ id: string }[]>`
        UPDATE "ScheduledJob"
        SET "claimedBy" = ${request.owner}, "claimedUntil" = ${until}::timestamp, "attempts" = "attempts" + 1,
            "updatedAt" = ${now}::timestamp
        WHERE "id" IN (
          SELECT "id" FROM "ScheduledJob"
          WHERE "status" = 'pending' AND "dueAt" <= ${now}::timestamp
            AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now}::timestamp)
          ORDER BY "dueAt"
          LIMIT ${request.limit}
          FOR UPDATE SKIP LOCKED
        )
        RETURNING "id"`;
      if (claimed.length === 0) return [];
      const rows = await prisma.scheduledJob.findMany({
        where: { id: { in: claimed.map((row) => row.id) } },
        orderBy: { dueAt: "asc" },
      });
      return rows.map(toJob);
    },

    /** Extends the lease of the owner's jobs still pending; returns how many it still holds. */
    async renewLeases(ids: string[], owner: string, until: Date): Promise<number> {
      if (ids.length === 0) return 0;
      const { count } = await prisma.scheduledJob.updateMany({
        where: { id: { in: ids }, claimedBy: owner, status: "pending" },
        data: { claimedUntil: until },
      });
      return count;
    },

    /** Marks the owner's claimed job done; false when the claim was lost (another replica took over). */
    async complete(id: string, owner: string, doneAt: Date, outcome: string): Promise<boolean> {
      const { count } = await prisma.scheduledJob.updateMany({
        where: { id, claimedBy: owner, status: "pending" },
        data: { status: "done", doneAt, outcome, claimedUntil: null },
      });
      return count === 1;
    },

    /**
     * Releases the owner's claim with a new due time. `countAttempt: false` gives the attempt back (waiting for
     * quiet hours or a rate limit is not a failure).
     */
    async reschedule(
      id: string,
      owner: string,
      dueAt: Date,
      options: { countAttempt: boolean; lastError?: string },
    ): Promise<boolean> {
      const { count } = await prisma.scheduledJob.updateMany({
        where: { id, claimedBy: owner, status: "pending" },
        data: {
          dueAt,
          claimedBy: null,
          claimedUntil: null,
          ...(options.countAttempt ? {} : { attempts: { decrement: 1 } }),
          ...(options.lastError === undefined ? {} : { lastError: options.lastError }),
        },
      });
      return count === 1;
    },

    async fail(id: string, owner: string, at: Date, error: string): Promise<boolean> {
      const { count } = await prisma.scheduledJob.updateMany({
        where: { id, claimedBy: owner, status: "pending" },
        data: { status: "failed", doneAt: at, lastError: error, outcome: "failed", claimedUntil: null },
      });
      return count === 1;
    },

    async find(id: string): Promise<JobRecord | null> {
      const row = await prisma.scheduledJob.findUnique({ where: { id } });
      return row ? toJob(row) : null;
    },

    async list(filter: { workshopId?: string; kind?: string; status?: JobStatus }): Promise<JobRecord[]> {
      const rows = await prisma.scheduledJob.findMany({ where: filter, orderBy: [{ dueAt: "asc" }, { id: "asc" }] });
      return rows.map(toJob);
    },

    async failed(workshopId: string): Promise<JobRecord[]> {
      const rows = await prisma.scheduledJob.findMany({
        where: { workshopId, status: "failed" },
        orderBy: { doneAt: "desc" },
      });
      return rows.map(toJob);
    },

    /** The newest job of these kinds for this target that was sent at or after `since`, if any. */
    async lastSent(workshopId: string, kinds: string[], target: string, since: Date): Promise<JobRecord | null> {
      const row = await prisma.scheduledJob.findFirst({
        where: {
          workshopId,
          kind: { in: kinds },
          target,
          status: "done",
          outcome: { startsWith: "sent" },
          doneAt: { gte: since },
        },
        orderBy: { doneAt: "desc" },
      });
      return row ? toJob(row) : null;
    },

    /**
     * When the newest job of these kinds for this target (other than `exceptId`) was sent, or began to be sent, at
     * or after `since`; null if none. A send begins with `reserveSend`, which stamps `doneAt` on the pending row.
     */
    async lastSendStarted(
      workshopId: string,
      kinds: string[],
      target: string,
      since: Date,
      exceptId?: string,
    ): Promise<Date | null> {
      return lastSendStartedIn(prisma, { workshopId, kinds, target, since, exceptId });
    },

    /**
     * "One of these per person per period", safe with concurrent workers and replicas: under a lock on the target,
     * returns when another job of these kinds was sent or began to be sent since `since`; otherwise marks this job
     * as being sent (outcome "sending", `doneAt` = now) and returns null.
     */
    async reserveSend(
      jobId: string,
      rule: { workshopId: string; kinds: string[]; target: string; since: Date; now: Date },
    ): Promise<Date | null> {
      return prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`send:${rule.workshopId}:${rule.target}`}))`;
        const other = await lastSendStartedIn(tx, { ...rule, exceptId: jobId });
        if (other) return other;
        await tx.scheduledJob.updateMany({
          where: { id: jobId, status: "pending" },
          data: { outcome: sendingOutcome, doneAt: rule.now },
        });
        return null;
      });
    },

    /** The newest job of these kinds for this target created at or after `since` and not cancelled, if any. */
    async lastRequested(workshopId: string, kinds: string[], target: string, since: Date): Promise<JobRecord | null> {
      const row = await prisma.scheduledJob.findFirst({
        where: { workshopId, kind: { in: kinds }, target, status: { not: "cancelled" }, createdAt: { gte: since } },
        orderBy: { createdAt: "desc" },
      });
      return row ? toJob(row) : null;
    },

    async countByStatus(): Promise<Record<JobStatus, number>> {
      const groups = await prisma.scheduledJob.groupBy({ by: ["status"], _count: { _all: true } });
      const counts: Record<JobStatus, number> = { pending: 0, done: 0, failed: 0, cancelled: 0 };
      for (const group of groups) counts[group.status] = group._count._all;
      return counts;
    },

    // ---- reminder snoozes ----

    async snoozedUntil(workshopId: string, personId: string): Promise<Date | null> {
      const row = await prisma.reminderSnooze.findUnique({ where: { workshopId_personId: { workshopId, personId } } });
      return row?.until ?? null;
    },

    async snooze(workshopId: string, personId: string, until: Date): Promise<void> {
      await prisma.reminderSnooze.upsert({
        where: { workshopId_personId: { workshopId, personId } },
        create: { workshopId, personId, until },
        update: { until },
      });
    },
  };
}

export type JobRepository = ReturnType<typeof jobRepository>;

/** The outcome of a pending job whose send has begun (see `reserveSend`). */
const sendingOutcome = "sending";

async function lastSendStartedIn(
  prisma: Pick<PrismaClient, "scheduledJob">,
  query: { workshopId: string; kinds: string[]; target: string; since: Date; exceptId?: string | undefined },
): Promise<Date | null> {
  const row = await prisma.scheduledJob.findFirst({
    where: {
      workshopId: query.workshopId,
      kind: { in: query.kinds },
      target: query.target,
      doneAt: { gte: query.since },
      ...(query.exceptId ? { id: { not: query.exceptId } } : {}),
      OR: [
        { status: "done", outcome: { startsWith: "sent" } },
        { status: "pending", outcome: sendingOutcome },
      ],
    },
    orderBy: { doneAt: "desc" },
    select: { doneAt: true },
  });
  return row?.doneAt ?? null;
}

function toRow(job: NewJob): Prisma.ScheduledJobCreateManyInput {
  return {
    kind: job.kind,
    dedupeKey: job.dedupeKey,
    dueAt: job.dueAt,
    workshopId: job.workshopId ?? null,
    target: job.target ?? null,
    payload: job.payload ?? {},
    ...(job.maxAttempts === undefined ? {} : { maxAttempts: job.maxAttempts }),
    ...(job.createdAt === undefined ? {} : { createdAt: job.createdAt }),
  };
}
