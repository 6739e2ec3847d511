// Slack's OAuth v2 install, as the stand-in plays it: the authorize page approves at once and redirects back
// with a one-time code, which `oauth.v2.access` exchanges for the workspace's bot token.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./http.ts";
import type { WorkspaceState } from "./state.ts";

export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  /** The user who clicks "Allow". */
  installerUserId?: string;
}

export class OAuthDesk {
  readonly #app: OAuthApp;
  readonly #codes = new Map<string, { redirectUri: string; scope: string }>();
  /** What the stand-in was asked to authorize, for tests to assert on. */
  readonly authorizations: { clientId: string; scope: string; state: string; redirectUri: string }[] = [];
  /** Codes exchanged by `oauth.v2.access`, in order. */
  readonly exchanges: string[] = [];
  #denyNext = false;

  constructor(app: OAuthApp) {
    this.#app = app;
  }

  /** The next person presses "Cancel": Slack redirects back with `error=access_denied` and no code. */
  denyNext(): void {
    this.#denyNext = true;
  }

  authorize(url: URL, res: ServerResponse): void {
    const clientId = url.searchParams.get("client_id") ?? "";
    const redirectUri = url.searchParams.get("redirect_uri") ?? "";
    const state = url.searchParams.get("state") ?? "";
    const scope = url.searchParams.get("scope") ?? "";
    this.authorizations.push({ clientId, scope, state, redirectUri });
    if (clientId !== this.#app.clientId || !redirectUri) {
      sendJson(res, 400, { ok: false, error: "invalid_client_id" });
      return;
    }
    const target = new URL(redirectUri);
    if (this.#denyNext) {
      this.#denyNext = false;
      target.searchParams.set("error", "access_denied");
      target.searchParams.set("state", state);
      res.writeHead(302, { location: target.toString() });
      res.end();
      return;
    }
    const code = randomBytes(12).toString("hex");
    this.#codes.set(code, { redirectUri, scope });
    target.searchParams.set("code", code);
    target.searchParams.set("state", state);
    res.writeHead(302, { location: target.toString() });
    res.end();
  }

  access(state: WorkspaceState, req: IncomingMessage, rawBody: string, res: ServerResponse): void {
    const form = new URLSearchParams(rawBody);
    const [basicId, basicSecret] = basicCredentials(req);
    const clientId = form.get("client_id") ?? basicId;
    const clientSecret = form.get("client_secret") ?? basicSecret;
    if (clientId !== this.#app.clientId || clientSecret !== this.#app.clientSecret) {
      sendJson(res, 200, { ok: false, error: "invalid_client_id" });
      return;
    }
    const code = form.get("code") ?? "";
    this.exchanges.push(code);
    const grant = this.#codes.get(code);
    this.#codes.delete(code);
    if (!grant) {
      sendJson(res, 200, { ok: false, error: "invalid_code" });
      return;
    }
    const { identity } = state;
    sendJson(res, 200, {
      ok: true,
      app_id: identity.appId,
      authed_user: { id: this.#app.installerUserId ?? "U0INSTALLER" },
      scope: grant.scope,
      token_type: "bot",
      access_token: identity.botToken,
      bot_user_id: identity.botUserId,
      team: { id: identity.teamId, name: identity.teamName },
      enterprise: null,
      is_enterprise_install: false,
    });
  }
}

function basicCredentials(req: IncomingMessage): [string | null, string | null] {
  const header = req.headers.authorization ?? "";
  if (!header.startsWith("Basic ")) return [null, null];
  const [id, secret] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":");
  return [id ?? null, secret ?? null];
}
