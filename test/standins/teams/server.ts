// The local Teams stand-in: one HTTP server that plays Microsoft's login (OpenID metadata, JWKS, token endpoint),
// the Bot Connector (serviceUrl) and Microsoft Graph for one tenant, plus a driver that plays Teams towards the bot.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { attachedFiles } from "./attached-files.ts";
import { connector, newActivityIdSource } from "./connector.ts";
import { TeamsDriver } from "./driver.ts";
import { Faults } from "./faults.ts";
import { graph } from "./graph.ts";
import { json, readRequest, writeAnswer } from "./http.ts";
import { createSigningKey, type SigningKey } from "./jwt.ts";
import { login, openIdPath } from "./login.ts";
import { authorizeWith, type ServiceContext } from "./service-context.ts";
import { type SentActivity, type TeamSeed, TeamsState, type UserSeed } from "./state.ts";

export interface TeamsStandInOptions {
  appId: string;
  appPassword: string;
  tenantId: string;
  botName?: string;
  users?: UserSeed[];
  teams?: TeamSeed[];
  /** Seconds since the epoch, for token expiry (defaults to the real clock). */
  nowSeconds?: () => number;
}

export interface TeamsStandIn {
  url: string;
  /** The settings that point a Clusterbot at this stand-in. */
  settings: Record<string, string>;
  state: TeamsState;
  driver: TeamsDriver;
  faults: Faults;
  key: SigningKey;
  /** Resolves with the next activity the bot sends that matches. */
  nextSent(match?: (entry: SentActivity) => boolean): Promise<SentActivity>;
  close(): Promise<void>;
}

export async function createTeamsStandIn(options: TeamsStandInOptions): Promise<TeamsStandIn> {
  const state = new TeamsState();
  for (const user of options.users ?? []) state.addUser(user);
  for (const team of options.teams ?? []) state.addTeam(team);
  const waiters: { match: (entry: SentActivity) => boolean; resolve: (entry: SentActivity) => void }[] = [];
  const faults = new Faults();
  const partial = {
    state,
    key: createSigningKey("stand-in-key-1"),
    appId: options.appId,
    appPassword: options.appPassword,
    tenantId: options.tenantId,
    url: "",
    faults,
    knownPosts: new Set<string>(),
    uninstalledFor: new Set<string>(),
    nowSeconds: options.nowSeconds ?? (() => Math.floor(Date.now() / 1000)),
    nextActivityId: newActivityIdSource(),
    onSent(entry: SentActivity) {
      for (const waiter of [...waiters]) {
        if (!waiter.match(entry)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    },
  };
  const context: ServiceContext = { ...partial, authorize: authorizeWith(partial) };
  const server = createServer((incoming, response) => {
    readRequest(incoming)
      .then((request) => {
        const answer =
          login(context, request) ??
          connector(context, request) ??
          graph(context, request) ??
          attachedFiles(context, request) ??
          json(404, { error: { code: "NotFound", message: request.path } });
        state.requests.push({ method: request.method, path: request.path, status: answer.status, body: answer.body });
        writeAnswer(response, answer);
      })
      .catch((error: unknown) =>
        writeAnswer(response, json(500, { error: { code: "StandInError", message: String(error) } })),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context.url = url;
  partial.url = url;
  let activityNumber = 0;
  const firstActivityNumber = Date.now() * 100;
  const driver = new TeamsDriver(context, {
    serviceUrl: `${url}/`,
    appId: options.appId,
    tenantId: options.tenantId,
    botName: options.botName ?? "Clusterbot",
    nextId: () => String(firstActivityNumber + ++activityNumber),
  });
  return {
    url,
    settings: {
      TEAMS_CLIENT_ID: options.appId,
      TEAMS_CLIENT_SECRET: options.appPassword,
      TEAMS_TENANT_ID: options.tenantId,
      TEAMS_OPENID_METADATA_URL: `${url}${openIdPath}`,
      TEAMS_LOGIN_URL: url,
      TEAMS_GRAPH_URL: url,
      TEAMS_SERVICE_URL: url,
    },
    state,
    driver,
    faults,
    key: context.key,
    nextSent(match = () => true) {
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
