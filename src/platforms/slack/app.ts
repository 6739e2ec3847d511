// The Slack adapter: a Bolt app whose listeners translate Slack payloads into the interaction core's Incoming and
// its Replies into Block Kit and Web API calls. Three ways in: one workspace (bot token), many workspaces (OAuth
// install, tokens encrypted in the database), Socket Mode.
import { App, type Logger as BoltLogger, LogLevel, SocketModeReceiver } from "@slack/bolt";
import { InstallProvider } from "@slack/oauth";
import type { InteractionCore } from "../../app/interaction/core.ts";
import type { PlatformLink } from "../../app/ports/platform.ts";
import type { Route } from "../../http/server.ts";
import type { Logger } from "../../logging/logger.ts";
import { createSecretBox } from "../../security/secret-box.ts";
import { databaseInstallationStore, type SealedInstallations } from "./installation-store.ts";
import { registerListeners } from "./listeners.ts";
import { oauthRoutes } from "./oauth-routes.ts";
import { singleUseStateStore, type UsedOAuthStates } from "./oauth-state.ts";
import { SlackHttpReceiver } from "./receiver.ts";
import { registerUninstall } from "./uninstall.ts";
import { createSlackLink } from "./web-api/link.ts";

export type SlackCredentials =
  | { kind: "single-workspace"; botToken: string }
  | {
      kind: "oauth";
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      encryptionKey: string;
      /** The key before a rotation: opens what it sealed, never seals. */
      previousEncryptionKey?: string;
    };

export interface SlackAdapterOptions {
  signingSecret: string;
  credentials: SlackCredentials;
  /** An app-level token (xapp-…) switches to Socket Mode: no public URL needed. */
  appToken?: string;
  /** Web API base URL, ending with a slash; Slack's own by default. */
  apiUrl?: string;
  /** Where "Add to Slack" sends people; Slack's own by default (tests point it at the stand-in). */
  authorizationUrl?: string;
  /** This bot's public base URL; the OAuth redirect goes to its /slack/oauth_redirect. */
  publicUrl?: string;
  /** Where every request goes. */
  core: InteractionCore;
  /** Where OAuth installs keep their sealed token bundles. */
  installations: SealedInstallations;
  /** Where used OAuth states are remembered (a state completes one install). */
  usedOAuthStates: UsedOAuthStates;
  /** Called as each HTTP request arrives (work after early answers waits for a lull). */
  onRequest?: () => void;
  logger: Logger;
}

export interface SlackAdapter {
  app: App;
  routes: Route[];
  /** What the app may do in one Slack team outside a request, with that team's bot token. */
  linkForTeam(teamId: string): Promise<PlatformLink>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { credentials, core, logger } = options;
  const clientOptions = { ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}), retryConfig: { retries: 3 } };
  const installer = credentials.kind === "oauth" ? createInstaller(options, credentials) : undefined;
  const auth = installer
    ? { authorize: (source: Parameters<InstallProvider["authorize"]>[0]) => installer.authorize(source) }
    : { token: (credentials as { botToken: string }).botToken };
  const httpReceiver = new SlackHttpReceiver({
    signingSecret: options.signingSecret,
    logger,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  // The socket-mode client calls apps.connections.open with its own Web API client: only `installerOptions` reaches it.
  const receiver = options.appToken
    ? new SocketModeReceiver({
        appToken: options.appToken,
        logger: boltLogger(logger),
        installerOptions: { clientOptions },
      })
    : httpReceiver;
  const app = new App({ receiver, ...auth, logger: boltLogger(logger), clientOptions });
  registerListeners(app, core, logger, { apiUrl: options.apiUrl });
  registerUninstall(app, options.installations, (teamId) => links.delete(teamId), logger);
  app.error(async (error) => {
    logger.error({ err: error }, "Slack listener failed");
  });

  const links = new Map<string, Promise<PlatformLink>>();
  const linkForTeam = (teamId: string) => {
    let link = links.get(teamId);
    if (!link) {
      const forget = () => links.get(teamId) === link && links.delete(teamId);
      link = botTokenFor(teamId).then((token) =>
        createSlackLink({
          token,
          ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
          logger,
          // A token Slack refuses (revoked, reinstalled) is forgotten: the next use reads the installation again.
          onRevokedToken: forget,
        }),
      );
      link.catch(() => links.delete(teamId));
      links.set(teamId, link);
    }
    return link;
  };
  async function botTokenFor(teamId: string): Promise<string> {
    if (credentials.kind === "single-workspace") return credentials.botToken;
    const authorized = await installer!.authorize({ teamId, isEnterpriseInstall: false, enterpriseId: undefined });
    if (!authorized.botToken) throw new Error(`no bot token for Slack team ${teamId}`);
    return authorized.botToken;
  }

  const routes = options.appToken ? [] : [httpReceiver.route()];
  if (installer) routes.push(...oauthRoutes(installer, options.publicUrl, logger));
  return {
    app,
    routes,
    linkForTeam,
    start: async () => {
      if (options.appToken) await app.start();
    },
    stop: async () => {
      if (options.appToken) await app.stop();
    },
  };
}

function createInstaller(options: SlackAdapterOptions, credentials: Extract<SlackCredentials, { kind: "oauth" }>) {
  return new InstallProvider({
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    stateStore: singleUseStateStore(credentials.stateSecret, options.usedOAuthStates),
    installationStore: databaseInstallationStore(
      options.installations,
      createSecretBox(credentials.encryptionKey, credentials.previousEncryptionKey),
      options.logger,
    ),
    ...(options.authorizationUrl ? { authorizationUrl: options.authorizationUrl } : {}),
    ...(options.apiUrl ? { clientOptions: { slackApiUrl: options.apiUrl } } : {}),
    logger: boltLogger(options.logger),
  });
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
