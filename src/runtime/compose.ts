// Wires the core, the store and the configured chat platforms into routes for the HTTP server.
import type { AppDependencies, Clock } from "../app/context.ts";
import type { ChatPort } from "../app/ports/chat.ts";
import type { Settings } from "../config/settings.ts";
import type { Route } from "../http/server.ts";
import type { Logger } from "../logging/logger.ts";
import { createSlackAdapter } from "../platforms/slack/app.ts";
import { createSlackChatPort } from "../platforms/slack/chat-port.ts";
import type { Database } from "../store/database.ts";
import { createRepositories } from "../store/repositories/index.ts";

export interface ComposedApp {
  deps: AppDependencies;
  routes: Route[];
  platforms: string[];
}

export function composeApp(settings: Settings, database: Database, logger: Logger, clock: Clock): ComposedApp {
  const repos = createRepositories(database.prisma);
  const routes: Route[] = [];
  const platforms: string[] = [];
  let slackChat: ChatPort | undefined;
  const deps: AppDependencies = {
    repos,
    clock,
    logger,
    async chatForWorkspace() {
      if (!slackChat) throw new Error("no chat platform is configured");
      return slackChat;
    },
  };
  if (settings.SLACK_BOT_TOKEN && settings.SLACK_SIGNING_SECRET) {
    const apiUrl = settings.SLACK_API_URL;
    slackChat = createSlackChatPort({ token: settings.SLACK_BOT_TOKEN, ...(apiUrl ? { apiUrl } : {}), logger });
    const slack = createSlackAdapter({
      signingSecret: settings.SLACK_SIGNING_SECRET,
      botToken: settings.SLACK_BOT_TOKEN,
      ...(apiUrl ? { apiUrl } : {}),
      deps,
      logger,
    });
    routes.push(...slack.routes);
    platforms.push("Slack (HTTP, POST /slack/events)");
  }
  return { deps, routes, platforms };
}
