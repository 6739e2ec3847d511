import type { PrismaClient } from "../../../generated/prisma/client.ts";
import { accountRepository } from "./accounts.ts";
import { channelRepository } from "./channels.ts";
import { credentialRepository } from "./credentials.ts";
import { dialogRepository } from "./dialogs.ts";
import { homeRepository } from "./homes.ts";
import { messageRepository } from "./messages.ts";

/** The browser workspace's repositories, bound to its Workspace row. */
export function webStore(prisma: PrismaClient, workspaceId: string) {
  return {
    accounts: accountRepository(prisma, workspaceId),
    credentials: credentialRepository(prisma, workspaceId),
    channels: channelRepository(prisma, workspaceId),
    messages: messageRepository(prisma),
    dialogs: dialogRepository(prisma),
    homes: homeRepository(prisma),
  };
}

export type WebStore = ReturnType<typeof webStore>;
