// The browser workspace's Workspace row: one per installation ("local"), created at start.
import type { PrismaClient } from "../../generated/prisma/client.ts";

export const defaultWorkspaceExternalId = "local";
export const defaultWorkspaceName = "Local workspace";

export interface WebWorkspaceRow {
  id: string;
  /** The id the interaction core knows it by (Origin.workspace). */
  externalId: string;
  name: string;
}

export async function ensureDefaultWorkspace(prisma: PrismaClient): Promise<WebWorkspaceRow> {
  const row = await prisma.workspace.upsert({
    where: { platform_externalId: { platform: "web", externalId: defaultWorkspaceExternalId } },
    create: { platform: "web", externalId: defaultWorkspaceExternalId, name: defaultWorkspaceName },
    update: {},
  });
  return { id: row.id, externalId: row.externalId, name: row.name ?? defaultWorkspaceName };
}
