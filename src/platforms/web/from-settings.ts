// The browser workspace as the settings ask for it: on unless CLUSTERBOT_WEB=off, with its sign-in mode.
import { type Settings, webDevSignIn } from "../../config/settings.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Logger } from "../../logging/logger.ts";
import { startWebWorkspace, type WebWorkspace } from "./index.ts";

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
  return startWebWorkspace({
    prisma: store.prisma,
    logger,
    devSignIn,
    ...(settings.CLUSTERBOT_PUBLIC_URL ? { publicUrl: settings.CLUSTERBOT_PUBLIC_URL } : {}),
    ...(store.embeddedDataDir ? { adminKeyFile: adminKeyPath(store.embeddedDataDir) } : {}),
  });
}
