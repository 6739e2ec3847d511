// Wires the core, the store and the configured chat platforms into routes for the HTTP server.
import { commandList } from "../app/commands/help.ts";
import type { AppDependencies, Clock } from "../app/context.ts";
import { followUpJobHandlers } from "../app/groups/follow-ups.ts";
import { createInteractionCore, type InteractionCore } from "../app/interaction/core.ts";
import { traffic } from "../app/interaction/follow-ups.ts";
import { createChannels } from "../app/platform/channels.ts";
import { createNotifier, platformAccounts } from "../app/platform/notifier.ts";
import type { PlatformLinks } from "../app/ports/platform.ts";
import { reminderJobHandlers } from "../app/reminders/handlers.ts";
import { appRoutes } from "../app/routes.ts";
import { type Settings, slackMode } from "../config/settings.ts";
import type { QuietHours } from "../core/reminders/quiet-hours.ts";
import type { Route } from "../http/server.ts";
import type { Logger } from "../logging/logger.ts";
import { createSlackAdapter, type SlackAdapter, type SlackCredentials } from "../platforms/slack/app.ts";
import { type TeamsAdapter, teamsDescription, teamsPlatform } from "../platforms/teams/index.ts";
import { createWebAdapter, type WebAdapter } from "../platforms/web/adapter/index.ts";
import type { WebBotApi } from "../platforms/web/bot-api.ts";
import { type Scheduler, startScheduler } from "../scheduler/scheduler.ts";
import { createChatThrottle, slackLimitsWith } from "../scheduler/throttled-chat.ts";
import type { Database } from "../store/database.ts";
import { createRepositories } from "../store/repositories/index.ts";

export interface ComposedApp {
  deps: AppDependencies;
  core: InteractionCore;
  routes: Route[];
  platforms: string[];
  teams?: TeamsAdapter;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Surfaces built before the app: the browser workspace (its bot API), when it is on. */
export interface Surfaces {
  web?: WebBotApi;
  /** When nobody is disturbed; default 20:00–08:00 in each person's zone, and weekends. */
  quietHours?: QuietHours;
}

export function composeApp(
  settings: Settings,
  database: Database,
  logger: Logger,
  clock: Clock,
  surfaces: Surfaces = {},
): ComposedApp {
  const repos = createRepositories(database.prisma, database.direct);
  let slack: SlackAdapter | undefined;
  let web: WebAdapter | undefined;
  let teams: TeamsAdapter | undefined;
  const links: PlatformLinks = async (workspace) => {
    if (workspace.platform === "slack" && slack) return slack.linkForTeam(workspace.externalId);
    if (workspace.platform === "teams" && teams) return teams.linkForTenant(workspace.externalId);
    if (workspace.platform === "web" && web && workspace.externalId === surfaces.web?.workspace.externalId) {
      return web.link;
    }
    throw new Error(`no ${workspace.platform} adapter is configured`);
  };
  // Every message and look-up outside a request, whichever use case sends it, waits for the platform's rate limits.
  const throttle = createChatThrottle(slackLimitsWith(settings.CLUSTERBOT_MESSAGES_PER_SECOND));
  const accounts = platformAccounts(repos, async (workspace) =>
    throttle.wrap(`${workspace.platform}:${workspace.externalId}`, await links(workspace)),
  );
  const notifier = createNotifier(repos, accounts, clock, { logger });
  const deps: AppDependencies = {
    repos,
    clock,
    logger,
    notify: notifier,
    channels: createChannels(repos, accounts),
    ...(surfaces.quietHours ? { quietHours: surfaces.quietHours } : {}),
  };
  // Every surface hands what people do to one core; work after an early answer waits for a lull in requests.
  const requests = traffic();
  const core = createInteractionCore({ deps, routes: appRoutes, traffic: requests });
  let scheduler: Scheduler | undefined;
  const credentials = slackCredentials(settings);
  const platforms: string[] = [];
  if (credentials && settings.SLACK_SIGNING_SECRET) {
    slack = createSlackAdapter({
      signingSecret: settings.SLACK_SIGNING_SECRET,
      credentials,
      ...(settings.SLACK_APP_TOKEN ? { appToken: settings.SLACK_APP_TOKEN } : {}),
      ...(settings.SLACK_API_URL ? { apiUrl: settings.SLACK_API_URL } : {}),
      ...(settings.SLACK_AUTHORIZE_URL ? { authorizationUrl: settings.SLACK_AUTHORIZE_URL } : {}),
      ...(settings.CLUSTERBOT_PUBLIC_URL ? { publicUrl: settings.CLUSTERBOT_PUBLIC_URL } : {}),
      core,
      installations: repos.slackInstallations,
      usedOAuthStates: repos.oauthStates,
      onRequest: requests.touch,
      logger,
    });
    const how = settings.SLACK_APP_TOKEN ? "Socket Mode" : "HTTP, POST /slack/events";
    platforms.push(credentials.kind === "oauth" ? `Slack (${how}; install at GET /slack/install)` : `Slack (${how})`);
  }
  teams = teamsPlatform(settings, repos, logger, { core, onRequest: requests.touch });
  if (teams) platforms.push(teamsDescription);
  if (surfaces.web) web = createWebAdapter({ bot: surfaces.web, core, commands: commandList(), logger });
  return {
    deps,
    core,
    routes: [...(slack?.routes ?? []), ...(teams?.routes ?? [])],
    platforms,
    ...(teams ? { teams } : {}),
    async start() {
      // Answers acknowledged before the last stop (or crash) and never applied: applied now, before new work.
      await core.resume();
      // Messages kept in the outbox and not sent before the last stop.
      notifier.start();
      await slack?.start();
      await teams?.start();
      web?.connect();
      if (settings.CLUSTERBOT_SCHEDULER === "on") {
        const handlers = { ...reminderJobHandlers(deps), ...followUpJobHandlers(deps) };
        scheduler = startScheduler({
          jobs: repos.jobs,
          handlers,
          clock,
          logger,
          tickSeconds: settings.CLUSTERBOT_SCHEDULER_TICK_SECONDS,
        });
      }
    },
    async stop() {
      await scheduler?.stop();
      await slack?.stop();
      await teams?.stop();
      web?.disconnect();
      await core.settled();
      await notifier.stop();
    },
  };
}

function slackCredentials(settings: Settings): SlackCredentials | undefined {
  const mode = slackMode(settings);
  if (mode === "single-workspace") return { kind: mode, botToken: settings.SLACK_BOT_TOKEN! };
  if (mode === "oauth") {
    return {
      kind: mode,
      clientId: settings.SLACK_CLIENT_ID!,
      clientSecret: settings.SLACK_CLIENT_SECRET!,
      stateSecret: settings.SLACK_STATE_SECRET!,
      encryptionKey: settings.CLUSTERBOT_ENCRYPTION_KEY!,
      ...(settings.CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS
        ? { previousEncryptionKey: settings.CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS }
        : {}),
    };
  }
  return undefined;
}
