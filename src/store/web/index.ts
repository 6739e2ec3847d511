// The browser workspace's own tables (people's accounts, sessions, channels, messages, dialogs, home views, files),
// bound to its Workspace row. The workspace (src/platforms/web) sees them through its structural WebStore.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { webAccountRepository } from "./accounts.ts";
import { webChannelRepository } from "./channels.ts";
import { webCredentialRepository } from "./credentials.ts";
import { webDialogRepository } from "./dialogs.ts";
import { webFileRepository } from "./files.ts";
import { webHomeRepository } from "./homes.ts";
import { webMessageRepository } from "./messages.ts";
import { ensureDefaultWorkspace, type WebWorkspaceRow } from "./workspace.ts";

export function webRepositories(prisma: PrismaClient, workspaceId: string) {
  return {
    accounts: webAccountRepository(prisma, workspaceId),
    credentials: webCredentialRepository(prisma, workspaceId),
    channels: webChannelRepository(prisma, workspaceId),
    messages: webMessageRepository(prisma),
    dialogs: webDialogRepository(prisma),
    homes: webHomeRepository(prisma),
    files: webFileRepository(prisma),
  };
}

/** The local workspace's row (created on first start) and its repositories. */
export async function openWebStore(
  prisma: PrismaClient,
): Promise<{ workspace: WebWorkspaceRow; repositories: ReturnType<typeof webRepositories> }> {
  const workspace = await ensureDefaultWorkspace(prisma);
  return { workspace, repositories: webRepositories(prisma, workspace.id) };
}
