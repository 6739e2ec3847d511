// Analysis runs, the facilitators' review of the clusters they produced, its edit history, and the announcement of
// approved clusters. Every edit checks the review's version in the same transaction that bumps it, so two
// facilitators editing at once never overwrite each other silently: the later one is told (`conflict`).
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { isUniqueViolation } from "../errors.ts";

export type ClusterStatus = "suggested" | "approved" | "announced";

export interface StoredRun {
  id: string;
  workshopId: string;
  number: number;
  requestedById: string | null;
  input: unknown;
  options: unknown;
  engineVersion: string;
  result: unknown;
  leftOut: unknown;
  createdAt: Date;
}

export type NewRun = Omit<StoredRun, "id" | "workshopId" | "number" | "createdAt">;

export interface ClusterDraft {
  label: string;
  explanation: string;
  cohesion: number;
  evidence: unknown;
  resultIds: string[];
}

export interface StoredCluster {
  id: string;
  position: number;
  label: string;
  explanation: string;
  cohesion: number;
  status: ClusterStatus;
  editedByFacilitator: boolean;
  evidence: unknown;
  resultIds: string[];
  announcement: { channelId: string; messageId: string | null; contentHash: string } | null;
  responses: { personId: string; projectId: string | null; answer: string }[];
}

export interface StoredEdit {
  personId: string | null;
  version: number;
  kind: string;
  summary: string;
  createdAt: Date;
}

/** The engine's new description of a cluster whose members changed; its label replaces one the engine gave. */
export interface Redescription {
  label: string;
  explanation: string;
  cohesion: number;
  evidence: unknown;
}

/** The descriptions of the clusters an edit changes: by cluster id, and the cluster a split creates. */
export interface Redescribed {
  clusters: Record<string, Redescription>;
  created?: Redescription;
}

/** What one edit changes; the app validates it first (the ids belong to the review, the change makes sense). */
export type ClusterChange = (
  | { kind: "move"; resultId: string; to: string | null }
  | { kind: "merge"; from: string; into: string }
  | { kind: "split"; clusterId: string; resultIds: string[]; label: string }
  | { kind: "rename"; clusterId: string; label: string }
  | { kind: "drop"; clusterId: string }
  | { kind: "approve" }
) & { redescribed?: Redescribed };

export interface EditRecord {
  personId: string;
  kind: string;
  summary: string;
}

export type EditOutcome = { ok: true; version: number } | { ok: false; reason: "conflict" };

type Tx = Prisma.TransactionClient;

const json = (value: unknown) => value as Prisma.InputJsonValue;

export function reviewRepository(prisma: PrismaClient) {
  /** Bumps the version if it is still `expected` (null: whatever it is); the new version, or null on a conflict. */
  async function bump(tx: Tx, workshopId: string, expected: number | null, runId?: string): Promise<number | null> {
    const where = expected === null ? { workshopId } : { workshopId, version: expected };
    const updated = await tx.clusterReview.updateMany({
      where,
      data: { version: { increment: 1 }, ...(runId ? { runId } : {}) },
    });
    if (updated.count === 0) return null;
    const row = await tx.clusterReview.findUniqueOrThrow({ where: { workshopId } });
    return row.version;
  }

  async function record(tx: Tx, workshopId: string, runId: string, version: number, edit: EditRecord) {
    await tx.clusterEdit.create({ data: { workshopId, runId, version, ...edit } });
  }

  /** Two statements whatever the number of clusters (a 500-result workshop has about 60). */
  async function createClusters(tx: Tx, workshopId: string, drafts: ClusterDraft[]) {
    const rows = drafts.map((draft, position) => ({ id: randomUUID(), draft, position }));
    await tx.cluster.createMany({
      data: rows.map(({ id, draft, position }) => ({
        id,
        workshopId,
        position,
        label: draft.label,
        explanation: draft.explanation,
        cohesion: draft.cohesion,
        evidence: json(draft.evidence),
      })),
    });
    await tx.clusterMembership.createMany({
      data: rows.flatMap(({ id, draft }) => draft.resultIds.map((resultId) => ({ clusterId: id, resultId }))),
      skipDuplicates: true,
    });
  }

  /** A changed cluster takes the engine's new description; its label only if a facilitator did not give it. */
  async function redescribe(tx: Tx, workshopId: string, clusterId: string, description: Redescription) {
    const { label, explanation, cohesion, evidence } = description;
    await tx.cluster.updateMany({
      where: { id: clusterId, workshopId },
      data: { explanation, cohesion, evidence: json(evidence) },
    });
    await tx.cluster.updateMany({ where: { id: clusterId, workshopId, labelByFacilitator: false }, data: { label } });
  }

  async function applyChange(tx: Tx, workshopId: string, change: ClusterChange): Promise<void> {
    const created = await applyMembership(tx, workshopId, change);
    for (const [clusterId, description] of Object.entries(change.redescribed?.clusters ?? {}))
      await redescribe(tx, workshopId, clusterId, description);
    if (created && change.redescribed?.created) await redescribe(tx, workshopId, created, change.redescribed.created);
  }

  /** The change itself; the id of the cluster it created, if any. */
  async function applyMembership(tx: Tx, workshopId: string, change: ClusterChange): Promise<string | undefined> {
    const edited = (ids: string[]) =>
      tx.cluster.updateMany({ where: { id: { in: ids }, workshopId }, data: { editedByFacilitator: true } });
    switch (change.kind) {
      case "move": {
        const left = await tx.clusterMembership.findMany({
          where: { resultId: change.resultId, cluster: { workshopId } },
        });
        await tx.clusterMembership.deleteMany({ where: { resultId: change.resultId, cluster: { workshopId } } });
        if (change.to)
          await tx.clusterMembership.create({
            data: { clusterId: change.to, resultId: change.resultId, pinned: true },
          });
        await edited([...left.map((row) => row.clusterId), ...(change.to ? [change.to] : [])]);
        return;
      }
      case "merge": {
        const [from, into] = await Promise.all([
          tx.cluster.findUniqueOrThrow({ where: { id: change.from }, include: { members: true } }),
          tx.cluster.findUniqueOrThrow({ where: { id: change.into } }),
        ]);
        await tx.clusterMembership.createMany({
          data: from.members.map((member) => ({ clusterId: into.id, resultId: member.resultId, pinned: true })),
          skipDuplicates: true,
        });
        await tx.cluster.update({
          where: { id: into.id },
          data: {
            explanation: `${into.explanation} Merged with “${from.label}”: ${from.explanation}`,
            evidence: json(mergeEvidence(into.evidence, from.evidence)),
            cohesion: Math.min(into.cohesion, from.cohesion),
            editedByFacilitator: true,
          },
        });
        await tx.cluster.delete({ where: { id: from.id } });
        return;
      }
      case "split": {
        const source = await tx.cluster.findUniqueOrThrow({ where: { id: change.clusterId } });
        const last = await tx.cluster.aggregate({ where: { workshopId }, _max: { position: true } });
        const created = await tx.cluster.create({
          data: {
            workshopId,
            position: (last._max.position ?? 0) + 1,
            label: change.label,
            explanation: `Split from “${source.label}” by a facilitator.`,
            cohesion: source.cohesion,
            evidence: json(source.evidence ?? undefined),
            editedByFacilitator: true,
            labelByFacilitator: true,
          },
        });
        await tx.clusterMembership.updateMany({
          where: { clusterId: source.id, resultId: { in: change.resultIds } },
          data: { clusterId: created.id, pinned: true },
        });
        await edited([source.id]);
        return created.id;
      }
      case "rename":
        await tx.cluster.update({
          where: { id: change.clusterId },
          data: { label: change.label, editedByFacilitator: true, labelByFacilitator: true },
        });
        return;
      case "drop":
        await tx.cluster.delete({ where: { id: change.clusterId } });
        return;
      case "approve":
        await tx.cluster.updateMany({ where: { workshopId, status: "suggested" }, data: { status: "approved" } });
        return;
    }
  }

  return {
    /** Stores a run with the next number of the workshop (kept for ever: runs are compared and reproduced). */
    async createRun(workshopId: string, run: NewRun): Promise<StoredRun> {
      for (let attempt = 0; ; attempt++) {
        const last = await prisma.analysisRun.aggregate({ where: { workshopId }, _max: { number: true } });
        try {
          return await prisma.analysisRun.create({
            data: {
              workshopId,
              number: (last._max.number ?? 0) + 1,
              requestedById: run.requestedById,
              input: json(run.input),
              options: json(run.options),
              engineVersion: run.engineVersion,
              result: json(run.result),
              leftOut: json(run.leftOut),
            },
          });
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= 3) throw error;
        }
      }
    },

    findRun(runId: string): Promise<StoredRun | null> {
      return prisma.analysisRun.findUnique({ where: { id: runId } });
    },

    async runNumbers(workshopId: string): Promise<number> {
      return prisma.analysisRun.count({ where: { workshopId } });
    },

    /** The run the review shows and its version; null before the first analysis was taken into review. */
    review(workshopId: string): Promise<{ runId: string; version: number } | null> {
      return prisma.clusterReview.findUnique({ where: { workshopId }, select: { runId: true, version: true } });
    },

    async clusters(workshopId: string): Promise<StoredCluster[]> {
      const rows = await prisma.cluster.findMany({
        where: { workshopId },
        include: { members: { select: { resultId: true } }, announcement: true, responses: true },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      });
      return rows.map((row) => ({
        id: row.id,
        position: row.position,
        label: row.label,
        explanation: row.explanation,
        cohesion: row.cohesion,
        status: row.status,
        editedByFacilitator: row.editedByFacilitator,
        evidence: row.evidence,
        resultIds: row.members.map((member) => member.resultId),
        announcement: row.announcement
          ? {
              channelId: row.announcement.channelId,
              messageId: row.announcement.messageId,
              contentHash: row.announcement.contentHash,
            }
          : null,
        responses: row.responses.map(({ personId, projectId, answer }) => ({ personId, projectId, answer })),
      }));
    },

    history(workshopId: string, limit = 200): Promise<StoredEdit[]> {
      return prisma.clusterEdit.findMany({
        where: { workshopId },
        orderBy: [{ createdAt: "desc" }, { version: "desc" }],
        take: limit,
        select: { personId: true, version: true, kind: true, summary: true, createdAt: true },
      });
    },

    /**
     * Makes `runId`'s suggestion the review: the workshop's clusters are replaced by `drafts`. With `expected`, only
     * if the review is still at that version (a facilitator saw the changes and chose to replace).
     */
    async install(
      workshopId: string,
      runId: string,
      drafts: ClusterDraft[],
      edit: EditRecord,
      expected: number | null,
    ): Promise<EditOutcome> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.clusterReview.findUnique({ where: { workshopId } });
        let version: number | null;
        if (!existing) {
          if (expected !== null && expected !== 0) return { ok: false, reason: "conflict" } as const;
          await tx.clusterReview.create({ data: { workshopId, runId, version: 1 } });
          version = 1;
        } else {
          version = await bump(tx, workshopId, expected, runId);
          if (version === null) return { ok: false, reason: "conflict" } as const;
        }
        await tx.cluster.deleteMany({ where: { workshopId } });
        await createClusters(tx, workshopId, drafts);
        await record(tx, workshopId, runId, version, edit);
        return { ok: true, version } as const;
      });
    },

    /** One edit, if the review is still at `expected`; recorded in the history with the version it made. */
    async edit(workshopId: string, expected: number, edit: EditRecord, change: ClusterChange): Promise<EditOutcome> {
      return prisma.$transaction(async (tx) => {
        const review = await tx.clusterReview.findUnique({ where: { workshopId } });
        if (!review) return { ok: false, reason: "conflict" } as const;
        const version = await bump(tx, workshopId, expected);
        if (version === null) return { ok: false, reason: "conflict" } as const;
        await applyChange(tx, workshopId, change);
        await record(tx, workshopId, review.runId, version, edit);
        return { ok: true, version } as const;
      });
    },

    /**
     * Claims the right to post a cluster's announcement (one claimant however often announce runs); false when
     * someone holds it already.
     */
    async claimAnnouncement(clusterId: string, workspaceId: string, channelId: string, contentHash: string) {
      try {
        await prisma.clusterAnnouncement.create({ data: { clusterId, workspaceId, channelId, contentHash } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async announced(clusterId: string, messageId: string, contentHash: string): Promise<void> {
      await prisma.$transaction([
        prisma.clusterAnnouncement.update({ where: { clusterId }, data: { messageId, contentHash } }),
        prisma.cluster.update({ where: { id: clusterId }, data: { status: "announced" } }),
      ]);
    },

    async releaseAnnouncement(clusterId: string): Promise<void> {
      await prisma.clusterAnnouncement.deleteMany({ where: { clusterId, messageId: null } });
    },

    async announcementUpdated(clusterId: string, contentHash: string): Promise<void> {
      await prisma.clusterAnnouncement.update({ where: { clusterId }, data: { contentHash } });
    },

    async respond(clusterId: string, personId: string, projectId: string | null, answer: "join" | "decline") {
      await prisma.clusterResponse.upsert({
        where: { clusterId_personId: { clusterId, personId } },
        create: { clusterId, personId, projectId, answer },
        update: { projectId, answer },
      });
    },
  };
}

function mergeEvidence(a: unknown, b: unknown): unknown {
  const terms = (value: unknown) =>
    value && typeof value === "object" && Array.isArray((value as { sharedTerms?: unknown }).sharedTerms)
      ? ((value as { sharedTerms: unknown[] }).sharedTerms ?? [])
      : [];
  return { sharedTerms: [...terms(a), ...terms(b)] };
}
