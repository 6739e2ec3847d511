import type { Logger } from "../../../logging/logger.ts";
import type { LiveHub } from "../live/hub.ts";
import type { BotLink } from "./bot-link.ts";
import type { WebStore, WorkspaceRecord } from "./store.ts";

/** What every part of the workspace service shares. */
export interface WorkspaceContext {
  workspace: WorkspaceRecord;
  /** The channel everyone joins (#general). */
  generalChannelId: string;
  store: WebStore;
  hub: LiveHub;
  bot: BotLink;
  now(): Date;
  logger: Logger;
}

export const botName = "Clusterbot";
