// The local browser workspace: a small chat platform served by our own HTTP server (pages, JSON API, live
// events), and the bot API through which Clusterbot takes part in it. Its tables are reached through the
// structural WebStore it is given (src/store/web, wired in src/runtime/web-workspace.ts).
import { rm, writeFile } from "node:fs/promises";
import type { Route } from "../../http/server.ts";
import type { Logger } from "../../logging/logger.ts";
import { newToken } from "./auth/tokens.ts";
import { inProcessBotApi } from "./bot/in-process.ts";
import type { WebBotApi } from "./bot-api.ts";
import { adminRoute } from "./http/admin-route.ts";
import { apiRoutes } from "./http/api-routes.ts";
import { assetRoutes, buildClient, type ClientBundle } from "./http/assets.ts";
import { dialogRoutes } from "./http/dialog-routes.ts";
import { fileRoute, uploadRoute } from "./http/file-route.ts";
import { liveRoute } from "./http/live-route.ts";
import { toServerRoutes } from "./http/route-kit.ts";
import { type DevSignIn, sessionRoutes } from "./http/session-routes.ts";
import { type InviteLink, issueInvite } from "./invites.ts";
import { createLiveHub } from "./live/hub.ts";
import { createWorkspaceService, type WorkspaceService } from "./service/index.ts";
import type { WebStore, WorkspaceRecord } from "./service/store.ts";

export interface WebWorkspaceOptions {
  store: WebStore;
  workspace: WorkspaceRecord;
  logger: Logger;
  devSignIn: DevSignIn;
  /** The address people use (invite links, secure cookies); else http://localhost:PORT. */
  publicUrl?: string;
  /** Where to write the key `clusterbot web invite` uses while this process holds the data folder. */
  adminKeyFile?: string;
  heartbeatMs?: number;
  now?: () => Date;
}

export interface WebWorkspace {
  readonly routes: Route[];
  readonly bot: WebBotApi;
  readonly service: WorkspaceService;
  readonly bundle: ClientBundle;
  /** The workspace's address, given the port the server listens on. */
  url(port: number): string;
  issueInvite(name: string, port: number): Promise<InviteLink>;
  /** Waits for the bot's work in flight and ends every live stream (before the HTTP server closes). */
  stop(): Promise<void>;
}

export async function startWebWorkspace(options: WebWorkspaceOptions): Promise<WebWorkspace> {
  const bundle = await buildClient();
  const hub = createLiveHub({ heartbeatMs: options.heartbeatMs ?? 15_000, logger: options.logger });
  const service = await createWorkspaceService({
    store: options.store,
    workspace: options.workspace,
    hub,
    logger: options.logger,
    ...(options.now ? { now: options.now } : {}),
  });
  const url = (port: number) => options.publicUrl ?? `http://localhost:${port}/`;
  const adminKey = options.adminKeyFile ? newToken() : undefined;
  if (options.adminKeyFile && adminKey) await writeFile(options.adminKeyFile, adminKey, { mode: 0o600 });
  const routes = toServerRoutes(
    [
      ...assetRoutes(bundle),
      ...sessionRoutes({
        service,
        devSignIn: options.devSignIn,
        secureCookie: options.publicUrl?.startsWith("https:") ?? false,
      }),
      ...apiRoutes({ service, devSignIn: options.devSignIn }),
      ...dialogRoutes(service),
      fileRoute(service),
      uploadRoute(service),
      liveRoute(service),
      ...(adminKey ? [adminRoute({ service, adminKey, baseUrl: url })] : []),
    ],
    { credentials: service.credentials, publicUrl: options.publicUrl },
  );
  return {
    routes,
    bot: inProcessBotApi(service),
    service,
    bundle,
    url,
    issueInvite: (name, port) => issueInvite(service, name, url(port)),
    async stop() {
      await service.context.bot.drain(5000);
      hub.closeAll();
      if (options.adminKeyFile) await rm(options.adminKeyFile, { force: true });
    },
  };
}
