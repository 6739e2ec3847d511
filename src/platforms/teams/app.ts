// The Teams adapter: the Teams SDK's App on our HTTP server, with the pieces that do not depend on the
// interaction core yet: installation and conversation references, proactive sends, Graph channels, and
// Adaptive Card dialogs for the neutral forms.
import { App } from "@microsoft/teams.apps";
import type { Route } from "../../http/server.ts";
import type { Logger } from "../../logging/logger.ts";
import { type AfterAnswer, createAfterAnswer } from "./after-answer.ts";
import { TeamsConversationStore, type TeamsRecords } from "./conversation-store.ts";
import { TeamsDialogs } from "./dialogs.ts";
import { TeamsChannels } from "./graph/channels.ts";
import { TeamsHttpAdapter } from "./http-adapter.ts";
import { registerInstallation } from "./installation.ts";
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
  start(): Promise<void>;
  /** Waits for the work queued after answers (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function createTeamsAdapter(options: {
  credentials: TeamsCredentials;
  repos: TeamsRecords;
  logger: Logger;
}): TeamsAdapter {
  const logger = options.logger.child({ platform: "teams" });
  const afterAnswer = createAfterAnswer(logger);
  const adapter = new TeamsHttpAdapter({ afterAnswer, logger });
  const app = new App(teamsAppOptions(options.credentials, { adapter, logger: sdkLogger(logger) }));
  const conversations = new TeamsConversationStore(options.repos);
  registerInstallation(app, conversations, afterAnswer);
  const dialogs = new TeamsDialogs(app, logger);
  return {
    app,
    routes: [adapter.route()],
    conversations,
    messenger: new TeamsMessenger(app, conversations),
    channels: new TeamsChannels(app),
    dialogs,
    afterAnswer,
    start: () => app.initialize(),
    idle: () => afterAnswer.idle(),
    stop: () => afterAnswer.idle(),
  };
}
