// Working groups: approved clusters with their channel, the bot's posts there (kick-off, prompts) and the
// work-plan items gathered in the threads. Clusters themselves are written by the review (issue 11).
import type { WorkPlanFormItem } from "../../core/workplan/form.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

export interface GroupResult {
  title: string;
  projectAcronym: string;
  owners: string[];
}

export interface WorkingGroup {
  clusterId: string;
  workshopId: string;
  label: string;
  explanation: string;
  /** Our PlatformChannel id and the platform's id, once the channel exists. */
  channel: { id: string; externalId: string; name: string | null } | null;
  results: GroupResult[];
  /** Person ids of the members of the cluster's projects. */
  memberIds: string[];
  projectIds: string[];
}

export interface WorkPlanItemRecord extends WorkPlanFields {
  id: string;
  clusterId: string;
  topic: string | null;
  authorId: string | null;
  confirmationId: string | null;
  /** The last follow-up answer (done | on_track | late | dropped), its note and when. */
  progress: string | null;
  progressNote: string | null;
  progressAt: Date | null;
  /** The thread reply it came from was deleted (the item is kept). */
  sourceDeleted: boolean;
  /** The thread reply it came from: the platform's ids. */
  source: { channelExternalId: string; messageExternalId: string; threadExternalId: string | null } | null;
  createdAt: Date;
}

export interface FollowUpRoundRecord {
  clusterId: string;
  round: number;
  messageId: string | null;
  /** The items asked about, numbered #1, #2… in this order in the round's thread. */
  itemIds: string[];
  quiet: boolean;
  postedAt: Date;
  checkedAt: Date | null;
}

/** What a work-plan item says: the fields of its form (one shape for the form, the reply parser and the store). */
export type WorkPlanFields = WorkPlanFormItem;

const groupInclude = {
  channel: true,
  members: {
    include: {
      result: {
        include: {
          owners: true,
          project: { include: { members: { select: { personId: true } } } },
        },
      },
    },
  },
} satisfies Prisma.ClusterInclude;

type ClusterRow = Prisma.ClusterGetPayload<{ include: typeof groupInclude }>;

function toGroup(row: ClusterRow): WorkingGroup {
  const projects = new Map(row.members.map((member) => [member.result.project.id, member.result.project]));
  return {
    clusterId: row.id,
    workshopId: row.workshopId,
    label: row.label,
    explanation: row.explanation,
    channel: row.channel ? { id: row.channel.id, externalId: row.channel.externalId, name: row.channel.name } : null,
    results: row.members.map((member) => ({
      title: member.result.title,
      projectAcronym: member.result.project.acronym,
      owners: member.result.owners.map((owner) => owner.name),
    })),
    memberIds: [...new Set([...projects.values()].flatMap((project) => project.members.map((m) => m.personId)))],
    projectIds: [...projects.keys()],
  };
}

const itemInclude = { sourceMessage: { include: { channel: true } } } satisfies Prisma.WorkPlanItemInclude;
type ItemRow = Prisma.WorkPlanItemGetPayload<{ include: typeof itemInclude }>;

function toItem(row: ItemRow): WorkPlanItemRecord {
  const { sourceMessage, sourceMessageId: _s, status: _st, updatedAt: _u, sourceText: _t, ...fields } = row;
  return {
    ...fields,
    source: sourceMessage
      ? {
          channelExternalId: sourceMessage.channel.externalId,
          messageExternalId: sourceMessage.externalId,
          threadExternalId: sourceMessage.threadId,
        }
      : null,
  };
}

export function workingGroupRepository(prisma: PrismaClient) {
  return {
    /** The approved (or already announced) clusters of a workshop, in their order. */
    async approved(workshopId: string): Promise<WorkingGroup[]> {
      const rows = await prisma.cluster.findMany({
        where: { workshopId, status: { in: ["approved", "announced"] } },
        include: groupInclude,
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      });
      return rows.map(toGroup);
    },

    async find(clusterId: string): Promise<WorkingGroup | null> {
      const row = await prisma.cluster.findUnique({ where: { id: clusterId }, include: groupInclude });
      return row ? toGroup(row) : null;
    },

    /** The working group whose channel this is (platform channel id), if any. */
    async byChannel(workspaceId: string, channelExternalId: string): Promise<WorkingGroup | null> {
      const row = await prisma.cluster.findFirst({
        where: { channel: { workspaceId, externalId: channelExternalId }, status: { in: ["approved", "announced"] } },
        include: groupInclude,
      });
      return row ? toGroup(row) : null;
    },

    /** Records the channel made for a cluster (creating our row for the platform channel). */
    async setChannel(clusterId: string, workspaceId: string, externalId: string, name: string): Promise<void> {
      const channel = await prisma.platformChannel.upsert({
        where: { workspaceId_externalId: { workspaceId, externalId } },
        create: { workspaceId, externalId, name },
        update: { name },
      });
      await prisma.cluster.update({ where: { id: clusterId }, data: { channelId: channel.id } });
    },

    async posts(clusterId: string): Promise<Map<string, string>> {
      const rows = await prisma.workingGroupPost.findMany({ where: { clusterId } });
      return new Map(rows.map((row) => [row.kind, row.externalId]));
    },

    async savePost(clusterId: string, kind: string, externalId: string): Promise<void> {
      await prisma.workingGroupPost.upsert({
        where: { clusterId_kind: { clusterId, kind } },
        create: { clusterId, kind, externalId },
        update: {},
      });
    },

    /** When the group's kick-off was posted: month M1 of its work-plan. */
    async startedAt(clusterId: string): Promise<Date | null> {
      const row = await prisma.workingGroupPost.findUnique({
        where: { clusterId_kind: { clusterId, kind: "kickoff" } },
      });
      return row?.createdAt ?? null;
    },

    /** Which of the group's posts a thread hangs under (a topic, "kickoff"), or null. */
    async postKind(clusterId: string, externalId: string): Promise<string | null> {
      const row = await prisma.workingGroupPost.findFirst({ where: { clusterId, externalId } });
      return row?.kind ?? null;
    },

    async groupChannelsPrivate(workshopId: string): Promise<boolean> {
      const row = await prisma.workshop.findUnique({
        where: { id: workshopId },
        select: { groupChannelsPrivate: true },
      });
      return row?.groupChannelsPrivate ?? true;
    },

    async setGroupChannelsPrivate(workshopId: string, isPrivate: boolean): Promise<void> {
      await prisma.workshop.update({ where: { id: workshopId }, data: { groupChannelsPrivate: isPrivate } });
    },

    /** The workshop's partners: projects (acronym, title) and their organisations. */
    async partners(workshopId: string) {
      return prisma.project.findMany({
        where: { workshopId },
        select: { id: true, acronym: true, title: true, partners: { select: { name: true } } },
        orderBy: { acronym: "asc" },
      });
    },

    /**
     * The item read from a thread reply, once: `created` is false when this message already gave an item (a
     * redelivered event, a second replica).
     */
    async addFromMessage(input: {
      clusterId: string;
      channelId: string;
      messageExternalId: string;
      threadExternalId: string;
      topic: string;
      authorId: string;
      sourceText: string;
      fields: WorkPlanFields;
    }): Promise<{ item: WorkPlanItemRecord; created: boolean }> {
      const message = await prisma.platformMessage.upsert({
        where: { channelId_externalId: { channelId: input.channelId, externalId: input.messageExternalId } },
        create: { channelId: input.channelId, externalId: input.messageExternalId, threadId: input.threadExternalId },
        update: {},
      });
      const existing = await prisma.workPlanItem.findUnique({
        where: { sourceMessageId: message.id },
        include: itemInclude,
      });
      if (existing) return { item: toItem(existing), created: false };
      try {
        const row = await prisma.workPlanItem.create({
          data: {
            clusterId: input.clusterId,
            topic: input.topic,
            authorId: input.authorId,
            sourceMessageId: message.id,
            sourceText: input.sourceText,
            ...input.fields,
          },
          include: itemInclude,
        });
        return { item: toItem(row), created: true };
      } catch (error) {
        const raced = await prisma.workPlanItem.findUnique({
          where: { sourceMessageId: message.id },
          include: itemInclude,
        });
        if (raced) return { item: toItem(raced), created: false };
        throw error;
      }
    },

    async add(clusterId: string, authorId: string, fields: WorkPlanFields): Promise<WorkPlanItemRecord> {
      const row = await prisma.workPlanItem.create({ data: { clusterId, authorId, ...fields }, include: itemInclude });
      return toItem(row);
    },

    async findItem(itemId: string): Promise<WorkPlanItemRecord | null> {
      const row = await prisma.workPlanItem.findUnique({ where: { id: itemId }, include: itemInclude });
      return row ? toItem(row) : null;
    },

    async updateItem(itemId: string, fields: WorkPlanFields): Promise<WorkPlanItemRecord> {
      const row = await prisma.workPlanItem.update({ where: { id: itemId }, data: fields, include: itemInclude });
      return toItem(row);
    },

    async setConfirmation(itemId: string, confirmationId: string): Promise<void> {
      await prisma.workPlanItem.update({ where: { id: itemId }, data: { confirmationId } });
    },

    async removeItem(itemId: string): Promise<void> {
      await prisma.workPlanItem.deleteMany({ where: { id: itemId } });
    },

    /** The item read from this thread reply, if any (platform ids). */
    async itemFromMessage(
      workspaceId: string,
      channelExternalId: string,
      messageExternalId: string,
    ): Promise<WorkPlanItemRecord | null> {
      const row = await prisma.workPlanItem.findFirst({
        where: {
          sourceMessage: { externalId: messageExternalId, channel: { workspaceId, externalId: channelExternalId } },
        },
        include: itemInclude,
      });
      return row ? toItem(row) : null;
    },

    /** The source message was edited: the item takes what it says now. */
    async updateFromMessage(itemId: string, sourceText: string, fields: WorkPlanFields): Promise<WorkPlanItemRecord> {
      const row = await prisma.workPlanItem.update({
        where: { id: itemId },
        data: { ...fields, sourceText, sourceDeleted: false },
        include: itemInclude,
      });
      return toItem(row);
    },

    async markSourceDeleted(itemId: string): Promise<WorkPlanItemRecord> {
      const row = await prisma.workPlanItem.update({
        where: { id: itemId },
        data: { sourceDeleted: true },
        include: itemInclude,
      });
      return toItem(row);
    },

    /** A follow-up answer: the item's status, the note and when. */
    async setProgress(itemId: string, progress: string, note: string | null, at: Date): Promise<WorkPlanItemRecord> {
      const row = await prisma.workPlanItem.update({
        where: { id: itemId },
        data: { progress, progressNote: note, progressAt: at },
        include: itemInclude,
      });
      await prisma.cluster.update({ where: { id: row.clusterId }, data: { lastActivityAt: at } });
      return toItem(row);
    },

    /** A person did something in the group (a reply, an item added or changed). */
    async touch(clusterId: string, at: Date): Promise<void> {
      await prisma.cluster.updateMany({
        where: { id: clusterId, OR: [{ lastActivityAt: null }, { lastActivityAt: { lt: at } }] },
        data: { lastActivityAt: at },
      });
    },

    async lastActivity(clusterId: string): Promise<Date | null> {
      const row = await prisma.cluster.findUnique({ where: { id: clusterId }, select: { lastActivityAt: true } });
      return row?.lastActivityAt ?? null;
    },

    /** People who pressed "Join this working group" under the cluster's announcement. */
    async joiners(clusterId: string): Promise<string[]> {
      const rows = await prisma.clusterResponse.findMany({ where: { clusterId, answer: "join" } });
      return rows.map((row) => row.personId);
    },

    async followUpWeeks(workshopId: string): Promise<number> {
      const row = await prisma.workshop.findUnique({ where: { id: workshopId }, select: { followUpWeeks: true } });
      return row?.followUpWeeks ?? 4;
    },

    async setFollowUpWeeks(workshopId: string, weeks: number): Promise<void> {
      await prisma.workshop.update({ where: { id: workshopId }, data: { followUpWeeks: weeks } });
    },

    async rounds(clusterId: string): Promise<FollowUpRoundRecord[]> {
      return prisma.followUpRound.findMany({ where: { clusterId }, orderBy: { round: "asc" } });
    },

    /** Claims a round before posting it: true for the one caller that made the row, false when it was there. */
    async claimRound(clusterId: string, round: number, postedAt: Date, quiet: boolean): Promise<boolean> {
      const { count } = await prisma.followUpRound.createMany({
        data: [{ clusterId, round, postedAt, quiet }],
        skipDuplicates: true,
      });
      return count === 1;
    },

    /** Gives a claimed round back when its post failed, so a retry posts it. */
    async releaseRound(clusterId: string, round: number): Promise<void> {
      await prisma.followUpRound.deleteMany({ where: { clusterId, round, messageId: null } });
    },

    /** The round's message went out, asking about these items (in their numbered order). */
    async setRoundMessage(clusterId: string, round: number, messageId: string, itemIds: string[]): Promise<void> {
      await prisma.followUpRound.update({
        where: { clusterId_round: { clusterId, round } },
        data: { messageId, itemIds },
      });
    },

    /** The round whose thread this message starts, if it is one. */
    async roundOfMessage(clusterId: string, messageId: string): Promise<FollowUpRoundRecord | null> {
      return prisma.followUpRound.findFirst({ where: { clusterId, messageId } });
    },

    /** Marks a round checked: true for the one caller that did it. */
    async checkRound(clusterId: string, round: number, at: Date): Promise<boolean> {
      const { count } = await prisma.followUpRound.updateMany({
        where: { clusterId, round, checkedAt: null },
        data: { checkedAt: at },
      });
      return count === 1;
    },

    async items(clusterId: string): Promise<WorkPlanItemRecord[]> {
      const rows = await prisma.workPlanItem.findMany({
        where: { clusterId },
        include: itemInclude,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return rows.map(toItem);
    },
  };
}
