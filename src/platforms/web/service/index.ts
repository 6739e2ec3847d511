// The browser workspace's behaviour, used by its HTTP routes (people) and its bot API (Clusterbot), over the store
// it is given (src/store/web, wired in src/runtime).
import type { Logger } from "../../../logging/logger.ts";
import type { LiveHub } from "../live/hub.ts";
import { createBotLink } from "./bot-link.ts";
import { channelService } from "./channels.ts";
import type { WorkspaceContext } from "./context.ts";
import { credentialService } from "./credentials.ts";
import { dialogService } from "./dialogs.ts";
import { messageService } from "./messages.ts";
import { peopleService } from "./people.ts";
import type { WebStore, WorkspaceRecord } from "./store.ts";

export const generalChannelName = "general";

export interface WorkspaceServiceOptions {
  store: WebStore;
  workspace: WorkspaceRecord;
  hub: LiveHub;
  logger: Logger;
  now?: () => Date;
}

async function generalChannel(store: WebStore) {
  const existing = await store.channels.findByName(generalChannelName);
  if (existing) return existing;
  const created = await store.channels.create({
    name: generalChannelName,
    kind: "public",
    topic: "Everyone in the workspace",
    memberIds: [],
  });
  // Null: another process created it meanwhile.
  const general = created ?? (await store.channels.findByName(generalChannelName));
  if (!general) throw new Error("the #general channel could not be created");
  return general;
}

export async function createWorkspaceService(options: WorkspaceServiceOptions) {
  const { store } = options;
  const context: WorkspaceContext = {
    workspace: options.workspace,
    generalChannelId: (await generalChannel(store)).id,
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
    credentials: credentialService(context),
  };
}

export type WorkspaceService = Awaited<ReturnType<typeof createWorkspaceService>>;
