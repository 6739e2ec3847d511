// The Teams adapter: the Teams SDK's App on our HTTP server. Commands, dialogs and card actions go to the
// interaction core (listeners.ts); installation and conversation references, proactive sends, Graph channels and
// the Adaptive Card forms are the pieces it draws with; `linkForTenant` is what the app uses outside requests.
import { App } from "@microsoft/teams.apps";
import type { InteractionCore } from "../../app/interaction/core.ts";
import type { PlatformLink } from "../../app/ports/platform.ts";
import type { Route } from "../../http/server.ts";
import type { Logger } from "../../logging/logger.ts";
import { type AfterAnswer, createAfterAnswer } from "./after-answer.ts";
import { TeamsConversationStore, type TeamsRecords } from "./conversation-store.ts";
import { TeamsDialogs } from "./dialogs.ts";
import { teamsFileDownloader } from "./file-download.ts";
import { TeamsChannels } from "./graph/channels.ts";
import { TeamsHttpAdapter } from "./http-adapter.ts";
import { registerInstallation } from "./installation.ts";
import { teamsLink } from "./link.ts";
import { registerCoreListeners } from "./listeners.ts";
import { TeamsMessenger } from "./messenger.ts";
import { sdkLogger } from "./sdk-logger.ts";
import { type TeamsCredentials, teamsAppOptions } from "./sdk-options.ts";

export interface TeamsAdapter {
  app: App;
  routes: Route[];
  conversations: TeamsConversationStore;
  messenger: TeamsMessenger;
  channels: TeamsChannels;
  dialogs: TeamsDialogs;
  afterAnswer: AfterAnswer;
  /** What the app uses outside requests for one tenant (direct messages, profiles, channels). */
  linkForTenant(tenantId: string): PlatformLink;
  start(): Promise<void>;
  /** Waits for the work queued after answers (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function createTeamsAdapter(options: {
  credentials: TeamsCredentials;
  repos: TeamsRecords;
  /** The interaction core commands, dialogs and card actions go to (absent: only phase-A dialogs answer). */
  core?: InteractionCore;
  /** Called as each request arrives (work after early answers waits for a lull). */
  onRequest?: () => void;
  logger: Logger;
}): TeamsAdapter {
  const logger = options.logger.child({ platform: "teams" });
  const afterAnswer = createAfterAnswer(logger);
  const adapter = new TeamsHttpAdapter({
    afterAnswer,
    logger,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const app = new App(teamsAppOptions(options.credentials, { adapter, logger: sdkLogger(logger) }));
  const conversations = new TeamsConversationStore(options.repos);
  registerInstallation(app, conversations, afterAnswer);
  const dialogs = new TeamsDialogs(app, logger);
  const messenger = new TeamsMessenger(app, conversations);
  const channels = new TeamsChannels(app);
  if (options.core)
    registerCoreListeners({
      app,
      core: options.core,
      dialogs,
      messenger,
      conversations,
      afterAnswer,
      download: teamsFileDownloader(options.credentials.standIn?.serviceUrl),
      logger,
    });
  const links = new Map<string, PlatformLink>();
  return {
    app,
    routes: [adapter.route()],
    conversations,
    messenger,
    channels,
    dialogs,
    afterAnswer,
    linkForTenant(tenantId) {
      let link = links.get(tenantId);
      if (!link) {
        link = teamsLink({ tenantId, conversations, messenger, channels });
        links.set(tenantId, link);
      }
      return link;
    },
    start: () => app.initialize(),
    idle: () => afterAnswer.idle(),
    stop: () => afterAnswer.idle(),
  };
}
