import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { downloadPath, handleDownload } from "./download.ts";
import { SlackDriver } from "./driver.ts";
import { readRawBody, requestToken, sendJson } from "./http.ts";
import { type OAuthApp, OAuthDesk } from "./oauth.ts";
import { RateLimiter, type RateLimits } from "./rate-limit.ts";
import { handleResponseUrl } from "./response-url.ts";
import { SocketModeDesk } from "./socket-mode.ts";
import { type ChannelSeed, type UserSeed, WorkspaceState } from "./state.ts";
import { handleUpload } from "./upload.ts";
import { handleWebApi } from "./web-api.ts";

export interface SlackStandInOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  host?: string;
  signingSecret: string;
  botUserId: string;
  teamId: string;
  /** The token the bot must send (`Authorization: Bearer …`); default `xoxb-stand-in-token`. */
  botToken?: string;
  /** The app-level token Socket Mode connects with (`apps.connections.open`); default `xapp-stand-in-token`. */
  appToken?: string;
  teamName?: string;
  teamDomain?: string;
  botId?: string;
  appId?: string;
  /** Per-method limits (`*` for all methods) answered with HTTP 429 + Retry-After. */
  rateLimits?: RateLimits;
  /** Default bot endpoint for the driver. */
  botUrl?: string;
  users?: UserSeed[];
  channels?: ChannelSeed[];
  /** Clock for message ts, trigger expiry and rate windows (ms since epoch); default `Date.now`. */
  clock?: () => number;
  /** How long a trigger_id stays usable; Slack's is 3000 ms. */
  triggerTtlMs?: number;
  /** Enables the OAuth install flow (GET /oauth/v2/authorize, oauth.v2.access) for this app. */
  oauth?: OAuthApp;
}

export interface SlackStandIn {
  /** Web API base, ending with `/`: use as Bolt's / WebClient's `slackApiUrl`. */
  url: string;
  /** Server root, ending with `/`. */
  rootUrl: string;
  /** Slack's "Add to Slack" page, as the stand-in plays it (approves at once). */
  authorizeUrl: string;
  /** Present when `oauth` was given: what was authorized. */
  oauth?: OAuthDesk;
  botToken: string;
  appToken: string;
  /** Socket Mode: the socket an app connects to, the envelopes sent down it and the acks that came back. */
  socketMode: SocketModeDesk;
  state: WorkspaceState;
  driver: SlackDriver;
  rateLimiter: RateLimiter;
  close(): Promise<void>;
}

/** Starts the local Slack stand-in: a Web API server plus a driver that plays Slack towards the bot. */
export async function createSlackStandIn(options: SlackStandInOptions): Promise<SlackStandIn> {
  const botToken = options.botToken ?? "xoxb-stand-in-token";
  const state = new WorkspaceState({
    identity: {
      teamId: options.teamId,
      teamName: options.teamName ?? "Stand-in Workspace",
      teamDomain: options.teamDomain ?? "stand-in",
      botUserId: options.botUserId,
      botId: options.botId ?? "B0STANDIN01",
      appId: options.appId ?? "A0STANDIN01",
      botToken,
    },
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.triggerTtlMs === undefined ? {} : { triggerTtlMs: options.triggerTtlMs }),
  });
  for (const user of options.users ?? []) state.addUser(user);
  for (const channel of options.channels ?? []) state.addChannel(channel);
  const rateLimiter = new RateLimiter(options.rateLimits ?? {}, () => state.now());

  const oauth = options.oauth ? new OAuthDesk(options.oauth) : undefined;
  const appToken = options.appToken ?? "xapp-stand-in-token";
  const socketMode = new SocketModeDesk({ appToken, appId: state.identity.appId });
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: "internal_error", detail: String(error) });
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const bytes = await readRawBody(req);
    const upload = /^\/upload\/v1\/([A-Z0-9]+)$/.exec(url.pathname);
    if (upload?.[1] && req.method === "POST") return handleUpload(state, upload[1], req, res, bytes);
    const download = downloadPath.exec(url.pathname);
    if (download?.[1] && req.method === "GET") return handleDownload(state, download[1], req, res);
    const rawBody = bytes.toString("utf8");
    if (oauth && url.pathname === "/oauth/v2/authorize") return oauth.authorize(url, res);
    if (oauth && url.pathname === "/api/oauth.v2.access") return oauth.access(state, req, rawBody, res);
    if (url.pathname === "/api/apps.connections.open") return openConnection(req, res);
    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    if (api?.[1]) return handleWebApi({ state, rateLimiter }, api[1], req, res, url.searchParams, rawBody);
    const response = /^\/response\/([A-Za-z0-9]+)$/.exec(url.pathname);
    if (response?.[1] && req.method === "POST") return handleResponseUrl(state, response[1], req, res, rawBody);
    sendJson(res, 404, { ok: false, error: "not_found" });
  }

  /** Called with the app-level token, never the bot token (Slack answers `invalid_auth` to a bot token here). */
  function openConnection(req: IncomingMessage, res: ServerResponse): void {
    const token = requestToken(req, {});
    const body = token === appToken ? { ok: true, ...socketMode.open(rootUrl) } : { ok: false, error: "invalid_auth" };
    state.calls.push({ method: "apps.connections.open", args: {}, at: state.now(), status: 200, response: body });
    sendJson(res, 200, body);
  }
  server.on("upgrade", (req, socket, head) => {
    if (!socketMode.upgrade(req, socket, head)) socket.destroy();
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const rootUrl = `http://${host}:${port}/`;
  state.rootUrl = rootUrl;
  const driver = new SlackDriver({
    state,
    signingSecret: options.signingSecret,
    standInUrl: rootUrl,
    socketMode,
    ...(options.botUrl ? { botUrl: options.botUrl } : {}),
  });

  return {
    url: `${rootUrl}api/`,
    rootUrl,
    authorizeUrl: `${rootUrl}oauth/v2/authorize`,
    ...(oauth ? { oauth } : {}),
    botToken,
    appToken,
    socketMode,
    state,
    driver,
    rateLimiter,
    close: () =>
      new Promise<void>((resolve, reject) => {
        socketMode.close();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
