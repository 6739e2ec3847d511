import type { Logger } from "../../../logging/logger.ts";
import type { LiveHub } from "../live/hub.ts";
import type { WebStore } from "../store/index.ts";
import type { WebWorkspaceRecord } from "../store/workspace.ts";
import type { BotLink } from "./bot-link.ts";

/** What every part of the workspace service shares. */
export interface WorkspaceContext {
  workspace: WebWorkspaceRecord;
  /** The channel everyone joins (#general). */
  generalChannelId: string;
  store: WebStore;
  hub: LiveHub;
  bot: BotLink;
  now(): Date;
  logger: Logger;
}

export const botName = "Clusterbot";
