// Test and demo mode only: app tokens from the local stand-in's token endpoint, with the same client-credentials
// request Microsoft's endpoint takes. (MSAL, which the SDK uses in production, accepts only https authorities.)
// The SDK calls this as its `token` option; the tokens are cached until a minute before they expire.
import { z } from "zod";

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

export class StandInTokenError extends Error {
  readonly status: number;

  constructor(status: number, detail: string) {
    super(`the stand-in's token endpoint answered ${status}: ${detail}`);
    this.name = "StandInTokenError";
    this.status = status;
  }
}

export function standInTokenSource(options: {
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  now?: () => number;
}): (scope: string | string[], tenantId?: string) => Promise<string> {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { token: string; until: number }>();
  return async (scopes, tenantId = "botframework.com") => {
    const scope = Array.isArray(scopes) ? scopes.join(" ") : scopes;
    const key = `${tenantId} ${scope}`;
    const cached = cache.get(key);
    if (cached && cached.until > now()) return cached.token;
    const url = `${options.loginUrl.replace(/\/+$/, "")}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: options.clientId,
        client_secret: options.clientSecret,
        scope,
      }),
    });
    const text = await response.text();
    if (!response.ok) throw new StandInTokenError(response.status, text.slice(0, 200));
    const parsed = tokenAnswer.safeParse(JSON.parse(text));
    if (!parsed.success) throw new StandInTokenError(response.status, "no access_token in the answer");
    cache.set(key, { token: parsed.data.access_token, until: now() + (parsed.data.expires_in - 60) * 1000 });
    return parsed.data.access_token;
  };
}
