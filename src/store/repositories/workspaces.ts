import type { Platform } from "../../core/model/domain.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";

export interface WorkspaceRecord {
  id: string;
  platform: Platform;
  externalId: string;
  name: string | null;
}

export function workspaceRepository(prisma: PrismaClient) {
  return {
    find(workspaceId: string): Promise<WorkspaceRecord | null> {
      return prisma.workspace.findUnique({ where: { id: workspaceId } });
    },

    /** The workspace row for a Slack team / Teams tenant, created on first sight. */
    ensure(platform: Platform, externalId: string, name?: string): Promise<WorkspaceRecord> {
      return prisma.workspace.upsert({
        where: { platform_externalId: { platform, externalId } },
        create: { platform, externalId, name: name ?? null },
        update: name ? { name } : {},
      });
    },
  };
}
