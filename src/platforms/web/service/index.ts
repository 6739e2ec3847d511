// The browser workspace's behaviour, used by its HTTP routes (people) and its bot API (Clusterbot).
import type { PrismaClient } from "../../../generated/prisma/client.ts";
import type { Logger } from "../../../logging/logger.ts";
import type { LiveHub } from "../live/hub.ts";
import { webStore } from "../store/index.ts";
import { ensureDefaultWorkspace } from "../store/workspace.ts";
import { createBotLink } from "./bot-link.ts";
import { channelService } from "./channels.ts";
import type { WorkspaceContext } from "./context.ts";
import { dialogService } from "./dialogs.ts";
import { messageService } from "./messages.ts";
import { peopleService } from "./people.ts";

export const generalChannelName = "general";

export async function createWorkspaceService(options: {
  prisma: PrismaClient;
  hub: LiveHub;
  logger: Logger;
  now?: () => Date;
}) {
  const workspace = await ensureDefaultWorkspace(options.prisma);
  const store = webStore(options.prisma, workspace.id);
  const general =
    (await store.channels.findByName(generalChannelName)) ??
    (await store.channels
      .create({ name: generalChannelName, kind: "public", topic: "Everyone in the workspace", memberIds: [] })
      .catch(async (error: unknown) => {
        const raced = await store.channels.findByName(generalChannelName);
        if (raced) return raced;
        throw error;
      }));
  const context: WorkspaceContext = {
    workspace,
    generalChannelId: general.id,
    store,
    hub: options.hub,
    bot: createBotLink(options.logger),
    now: options.now ?? (() => new Date()),
    logger: options.logger,
  };
  const channels = channelService(context);
  const dialogs = dialogService(context);
  const reopened = await dialogs.reopenOrphans();
  if (reopened > 0) options.logger.info({ dialogs: reopened }, "gave unanswered form submissions back to their people");
  return {
    context,
    channels,
    messages: messageService(context, channels),
    dialogs,
    people: peopleService(context),
  };
}

export type WorkspaceService = Awaited<ReturnType<typeof createWorkspaceService>>;
