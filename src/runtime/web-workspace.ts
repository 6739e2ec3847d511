// The browser workspace as the settings ask for it (on unless CLUSTERBOT_WEB=off, with its sign-in mode), over its
// own tables in the store.
import { type Settings, webDevSignIn } from "../config/settings.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Logger } from "../logging/logger.ts";
import { startWebWorkspace, type WebWorkspace } from "../platforms/web/index.ts";
import { createLiveHub } from "../platforms/web/live/hub.ts";
import { createWorkspaceService, type WorkspaceService } from "../platforms/web/service/index.ts";
import { openWebStore } from "../store/web/index.ts";

/** Beside the PGlite data folder (like its lock file): the key `clusterbot web invite` uses to ask the server. */
export const adminKeyPath = (dataDir: string) => `${dataDir}.web-admin-key`;

export async function webWorkspaceFromSettings(
  settings: Settings,
  store: { prisma: PrismaClient; embeddedDataDir: string | undefined },
  logger: Logger,
): Promise<WebWorkspace | undefined> {
  if (settings.CLUSTERBOT_WEB === "off") return undefined;
  const devSignIn = webDevSignIn(settings);
  if (devSignIn === "on") {
    logger.warn("the browser workspace lets anyone who reaches it sign in as anyone (CLUSTERBOT_WEB_DEV_SIGNIN=on)");
  }
  const { workspace, repositories } = await openWebStore(store.prisma);
  return startWebWorkspace({
    store: repositories,
    workspace,
    logger,
    devSignIn,
    ...(settings.CLUSTERBOT_PUBLIC_URL ? { publicUrl: settings.CLUSTERBOT_PUBLIC_URL } : {}),
    ...(store.embeddedDataDir ? { adminKeyFile: adminKeyPath(store.embeddedDataDir) } : {}),
  });
}

/** The workspace's rules over the store, without serving anything (the CLI's invites while nothing runs). */
export async function offlineWorkspaceService(prisma: PrismaClient, logger: Logger): Promise<WorkspaceService> {
  const { workspace, repositories } = await openWebStore(prisma);
  return createWorkspaceService({
    store: repositories,
    workspace,
    hub: createLiveHub({ heartbeatMs: 60_000, logger }),
    logger,
  });
}
