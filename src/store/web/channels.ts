// Channels (public or private, with members) and direct conversations (between two people, or a person and the
// bot). Each is a PlatformChannel (id = externalId) with a WebChannel beside it.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { isDuplicate } from "./errors.ts";

export type WebChannelKind = "public" | "private" | "direct";

export interface WebChannelRow {
  id: string;
  kind: WebChannelKind;
  /** Null for direct conversations. */
  name: string | null;
  topic: string | null;
  /** Direct conversations: who it is between. */
  directKey: string | null;
  memberIds: string[];
}

const include = { channel: true, members: { select: { userId: true }, orderBy: { joinedAt: "asc" } } } as const;

type Row = {
  channelId: string;
  kind: WebChannelKind;
  topic: string | null;
  directKey: string | null;
  channel: { name: string | null };
  members: { userId: string }[];
};

function toChannel(row: Row): WebChannelRow {
  return {
    id: row.channelId,
    kind: row.kind,
    name: row.kind === "direct" ? null : row.channel.name,
    topic: row.topic,
    directKey: row.directKey,
    memberIds: row.members.map((member) => member.userId),
  };
}

export function webChannelRepository(prisma: PrismaClient, workspaceId: string) {
  const repository = {
    /** A new channel; null when its name is taken. */
    async create(input: {
      name: string;
      kind: "public" | "private";
      topic: string | null;
      memberIds: string[];
    }): Promise<WebChannelRow | null> {
      const id = randomUUID();
      try {
        await prisma.$transaction(async (tx) => {
          await tx.platformChannel.create({ data: { id, externalId: id, workspaceId, name: input.name } });
          await tx.webChannel.create({
            data: { channelId: id, workspaceId, kind: input.kind, nameKey: input.name, topic: input.topic },
          });
          await tx.webChannelMember.createMany({
            data: [...new Set(input.memberIds)].map((userId) => ({ channelId: id, userId })),
          });
        });
      } catch (error) {
        if (isDuplicate(error)) return null;
        throw error;
      }
      return repository.find(id);
    },

    /** The direct conversation with this key, created on first use. */
    async ensureDirect(directKey: string, memberIds: string[]): Promise<WebChannelRow> {
      const existing = await repository.findDirect(directKey);
      if (existing) return existing;
      const id = randomUUID();
      try {
        await prisma.$transaction(async (tx) => {
          await tx.platformChannel.create({ data: { id, externalId: id, workspaceId } });
          await tx.webChannel.create({ data: { channelId: id, workspaceId, kind: "direct", directKey } });
          await tx.webChannelMember.createMany({
            data: [...new Set(memberIds)].map((userId) => ({ channelId: id, userId })),
          });
        });
      } catch (error) {
        if (!isDuplicate(error)) throw error;
      }
      const created = await repository.findDirect(directKey);
      if (!created) throw new Error(`the direct conversation ${directKey} was created and then gone`);
      return created;
    },

    async findDirect(directKey: string): Promise<WebChannelRow | null> {
      const row = await prisma.webChannel.findUnique({
        where: { workspaceId_directKey: { workspaceId, directKey } },
        include,
      });
      return row ? toChannel(row) : null;
    },

    async findByName(name: string): Promise<WebChannelRow | null> {
      const row = await prisma.webChannel.findUnique({
        where: { workspaceId_nameKey: { workspaceId, nameKey: name } },
        include,
      });
      return row ? toChannel(row) : null;
    },

    async find(channelId: string): Promise<WebChannelRow | null> {
      const row = await prisma.webChannel.findFirst({ where: { channelId, workspaceId }, include });
      return row ? toChannel(row) : null;
    },

    /** Every public channel, and the private channels and direct conversations this person is in. */
    async visibleTo(userId: string): Promise<WebChannelRow[]> {
      const rows = await prisma.webChannel.findMany({
        where: { workspaceId, OR: [{ kind: "public" }, { members: { some: { userId } } }] },
        include,
        orderBy: { createdAt: "asc" },
      });
      return rows.map(toChannel);
    },

    /** Adds people to a channel; returns those who were not in it yet. */
    async addMembers(channelId: string, userIds: string[]): Promise<string[]> {
      const before = new Set(
        (await prisma.webChannelMember.findMany({ where: { channelId }, select: { userId: true } })).map(
          (member) => member.userId,
        ),
      );
      const added = [...new Set(userIds)].filter((userId) => !before.has(userId));
      if (added.length > 0) {
        await prisma.webChannelMember.createMany({
          data: added.map((userId) => ({ channelId, userId })),
          skipDuplicates: true,
        });
      }
      return added;
    },

    /** The person has seen messages up to `seq` here. */
    async markRead(channelId: string, userId: string, seq: number): Promise<void> {
      await prisma.webChannelMember.updateMany({
        where: { channelId, userId, lastReadSeq: { lt: seq } },
        data: { lastReadSeq: seq },
      });
    },

    /** Unread top-level messages per channel the person is in (not their own, not others' private ones). */
    async unreadCounts(userId: string): Promise<Map<string, number>> {
      const rows = await prisma.$queryRaw<{ channelId: string; unread: number }[]>`
        SELECT m."channelId" AS "channelId", count(*)::int AS unread
        FROM "WebMessage" m
        JOIN "WebChannelMember" cm ON cm."channelId" = m."channelId" AND cm."userId" = ${userId}
        WHERE m.seq > cm."lastReadSeq" AND m."threadRootId" IS NULL
          AND (m."authorId" IS NULL OR m."authorId" <> ${userId})
          AND (m."visibleToId" IS NULL OR m."visibleToId" = ${userId})
        GROUP BY m."channelId"`;
      return new Map(rows.map((row) => [row.channelId, row.unread]));
    },
  };
  return repository;
}
