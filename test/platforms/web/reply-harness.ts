// The browser adapter on its own, over the test routes of reply-routes.ts: a workspace on real HTTP and a real
// database, an interaction core with those routes, and the adapter between them.

import { systemClock } from "../../../src/app/context.ts";
import { createInteractionCore } from "../../../src/app/interaction/core.ts";
import { parseSettings } from "../../../src/config/settings.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import { createWebAdapter, type WebAdapter } from "../../../src/platforms/web/adapter/index.ts";
import { composeApp } from "../../../src/runtime/compose.ts";
import type { Backend } from "../../support/database.ts";
import { startTestWorkspace, type TestWorkspace } from "./harness.ts";
import { replyRoutes } from "./reply-routes.ts";

export interface ReplyHarness extends TestWorkspace {
  adapter: WebAdapter;
  general: string;
}

export async function startReplyHarness(backend: Backend): Promise<ReplyHarness> {
  const workspace = await startTestWorkspace(backend);
  const logger = createLogger("silent", false);
  const { deps } = composeApp(
    parseSettings({ CLUSTERBOT_SCHEDULER: "off" }),
    workspace.database.database,
    logger,
    systemClock,
  );
  const core = createInteractionCore({ deps, routes: replyRoutes });
  const adapter = createWebAdapter({
    bot: workspace.bot,
    core,
    commands: [{ words: "blocks", hint: "every block" }],
    logger,
  });
  adapter.connect();
  return {
    ...workspace,
    adapter,
    general: workspace.web.service.context.generalChannelId,
    async stop() {
      adapter.disconnect();
      await workspace.stop();
    },
  };
}
