import type { PrismaClient } from "../../generated/prisma/client.ts";

export function channelRepository(prisma: PrismaClient) {
  return {
    ensure(workspaceId: string, externalId: string, name?: string) {
      return prisma.platformChannel.upsert({
        where: { workspaceId_externalId: { workspaceId, externalId } },
        create: { workspaceId, externalId, name: name ?? null },
        update: name ? { name } : {},
      });
    },

    async externalId(channelId: string): Promise<string | null> {
      const row = await prisma.platformChannel.findUnique({ where: { id: channelId } });
      return row?.externalId ?? null;
    },
  };
}
