// Teams conversation references on PlatformUser / PlatformChannel rows (the conversationRef column), read and
// written as opaque JSON: the Teams adapter owns their shape. Writes only when something changed, because every
// inbound activity refreshes them.
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { peopleRepository } from "./people.ts";

export interface TeamsPersonSeen {
  displayName?: string;
  timezone?: string | null;
}

export function teamsConversationRepository(prisma: PrismaClient) {
  const people = peopleRepository(prisma);
  return {
    /** The person behind a Teams user, created on first sight; name, time zone and (when given) reference refreshed. */
    async rememberUser(
      workspaceId: string,
      externalId: string,
      seen: TeamsPersonSeen,
      reference?: Prisma.InputJsonValue,
    ): Promise<{ personId: string }> {
      const existing = await prisma.platformUser.findUnique({
        where: { workspaceId_externalId: { workspaceId, externalId } },
        include: { person: true },
      });
      const person = existing?.person ?? (await people.ensure(workspaceId, externalId));
      const changes = {
        ...(seen.displayName && seen.displayName !== person.displayName ? { displayName: seen.displayName } : {}),
        ...(seen.timezone && seen.timezone !== person.timezone ? { timezone: seen.timezone } : {}),
      };
      if (Object.keys(changes).length > 0) await prisma.person.update({ where: { id: person.id }, data: changes });
      if (reference !== undefined && !sameJson(existing?.conversationRef, reference)) {
        await prisma.platformUser.update({
          where: { workspaceId_externalId: { workspaceId, externalId } },
          data: { conversationRef: reference },
        });
      }
      return { personId: person.id };
    },

    async forgetUserReference(workspaceId: string, externalId: string): Promise<void> {
      await prisma.platformUser.updateMany({
        where: { workspaceId, externalId },
        data: { conversationRef: Prisma.DbNull },
      });
    },

    async userReference(workspaceId: string, externalId: string): Promise<unknown> {
      const row = await prisma.platformUser.findUnique({
        where: { workspaceId_externalId: { workspaceId, externalId } },
      });
      return row?.conversationRef ?? null;
    },

    /** Any stored reference in the workspace (for its service URL when a first 1:1 chat must be opened). */
    async anyReference(workspaceId: string): Promise<unknown> {
      const user = await prisma.platformUser.findFirst({
        where: { workspaceId, NOT: { conversationRef: { equals: Prisma.DbNull } } },
        orderBy: { createdAt: "desc" },
      });
      if (user) return user.conversationRef;
      const channel = await prisma.platformChannel.findFirst({
        where: { workspaceId, NOT: { conversationRef: { equals: Prisma.DbNull } } },
        orderBy: { createdAt: "desc" },
      });
      return channel?.conversationRef ?? null;
    },

    async rememberChannel(
      workspaceId: string,
      externalId: string,
      name: string | null,
      reference: Prisma.InputJsonValue,
    ): Promise<{ channelId: string }> {
      const existing = await prisma.platformChannel.findUnique({
        where: { workspaceId_externalId: { workspaceId, externalId } },
      });
      if (existing && sameJson(existing.conversationRef, reference) && (name === null || existing.name === name))
        return { channelId: existing.id };
      const row = await prisma.platformChannel.upsert({
        where: { workspaceId_externalId: { workspaceId, externalId } },
        create: { workspaceId, externalId, name, conversationRef: reference },
        update: { conversationRef: reference, ...(name === null ? {} : { name }) },
      });
      return { channelId: row.id };
    },

    async forgetChannelReference(workspaceId: string, externalId: string): Promise<void> {
      await prisma.platformChannel.updateMany({
        where: { workspaceId, externalId },
        data: { conversationRef: Prisma.DbNull },
      });
    },

    async channelReference(workspaceId: string, externalId: string): Promise<unknown> {
      const row = await prisma.platformChannel.findUnique({
        where: { workspaceId_externalId: { workspaceId, externalId } },
      });
      return row?.conversationRef ?? null;
    },

    async channelReferenceById(channelId: string): Promise<unknown> {
      const row = await prisma.platformChannel.findUnique({ where: { id: channelId } });
      return row?.conversationRef ?? null;
    },

    /** Every channel reference in the workspace (teams' General channels, other channels, group chats). */
    async channelReferences(
      workspaceId: string,
    ): Promise<{ externalId: string; name: string | null; reference: unknown }[]> {
      const rows = await prisma.platformChannel.findMany({
        where: { workspaceId, NOT: { conversationRef: { equals: Prisma.DbNull } } },
        orderBy: { createdAt: "asc" },
      });
      return rows.map((row) => ({ externalId: row.externalId, name: row.name, reference: row.conversationRef }));
    },
  };
}

/** PostgreSQL's jsonb reorders keys, so values are compared with their keys sorted. */
function sameJson(stored: unknown, next: unknown): boolean {
  return canonical(stored ?? null) === canonical(next ?? null);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
