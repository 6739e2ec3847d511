// The browser workspace's Workspace row: one per installation ("local"), created at start with a #general channel.
import type { PrismaClient } from "../../../generated/prisma/client.ts";

export const defaultWorkspaceExternalId = "local";
export const defaultWorkspaceName = "Local workspace";

export interface WebWorkspaceRecord {
  id: string;
  name: string;
}

export async function ensureDefaultWorkspace(prisma: PrismaClient): Promise<WebWorkspaceRecord> {
  const row = await prisma.workspace.upsert({
    where: { platform_externalId: { platform: "web", externalId: defaultWorkspaceExternalId } },
    create: { platform: "web", externalId: defaultWorkspaceExternalId, name: defaultWorkspaceName },
    update: {},
  });
  return { id: row.id, name: row.name ?? defaultWorkspaceName };
}
