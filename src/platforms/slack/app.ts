// The Slack adapter: a Bolt app whose listeners translate Slack payloads into use-case calls.
import { App, type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { AppDependencies } from "../../app/context.ts";
import type { Route } from "../../http/server.ts";
import type { Logger } from "../../logging/logger.ts";
import { registerCommands } from "./handlers/commands.ts";
import { registerFacilitatorForms } from "./handlers/forms.ts";
import { registerHomework } from "./handlers/homework.ts";
import { SlackHttpReceiver } from "./receiver.ts";

export interface SlackAdapterOptions {
  signingSecret: string;
  botToken: string;
  /** Web API base URL, ending with a slash; Slack's own by default. */
  apiUrl?: string;
  deps: AppDependencies;
  logger: Logger;
}

export interface SlackAdapter {
  app: App;
  routes: Route[];
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const receiver = new SlackHttpReceiver({ signingSecret: options.signingSecret, logger: options.logger });
  const app = new App({
    receiver,
    token: options.botToken,
    logger: boltLogger(options.logger),
    clientOptions: { ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}), retryConfig: { retries: 3 } },
  });
  registerListeners(app, options.deps);
  app.error(async (error) => {
    options.logger.error({ err: error }, "Slack listener failed");
  });
  return { app, routes: [receiver.route()] };
}

export function registerListeners(app: App, deps: AppDependencies): void {
  // Slack redelivers an event it thinks we missed (X-Slack-Retry-Num); its event_id says it is the same one.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !(await deps.repos.deliveries.firstTime(`slack-event:${eventId}`))) return;
    await next();
  });
  registerCommands(app, deps);
  registerFacilitatorForms(app, deps);
  registerHomework(app, deps);
}

function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "slack" });
  return {
    debug: (...messages: unknown[]) => child.debug(messages.map(String).join(" ")),
    info: (...messages: unknown[]) => child.info(messages.map(String).join(" ")),
    warn: (...messages: unknown[]) => child.warn(messages.map(String).join(" ")),
    error: (...messages: unknown[]) => child.error(messages.map(String).join(" ")),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}
