// Microsoft's login side, played locally: the OpenID metadata and JWKS the bot trusts (in test mode only), and a
// client-credentials token endpoint that issues app tokens for the Connector and Graph.
import { type Answer, json, type Request } from "./http.ts";
import { jwkOf, signJwt } from "./jwt.ts";
import type { ServiceContext } from "./service-context.ts";

export const openIdPath = "/v1/.well-known/openidconfiguration";
export const keysPath = "/v1/.well-known/keys";
export const botFrameworkIssuer = "https://api.botframework.com";

export function login(context: ServiceContext, request: Request): Answer | undefined {
  if (request.method === "GET" && request.path === openIdPath) {
    return json(200, {
      issuer: botFrameworkIssuer,
      authorization_endpoint: `${context.url}/v1/.well-known/authorize`,
      jwks_uri: `${context.url}${keysPath}`,
      id_token_signing_alg_values_supported: ["RS256"],
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
    });
  }
  if (request.method === "GET" && request.path === keysPath) return json(200, { keys: [jwkOf(context.key)] });
  const token = request.path.match(/^\/([^/]+)\/oauth2\/v2\.0\/token$/);
  if (request.method === "POST" && token) return issueToken(context, request, decodeURIComponent(token[1] ?? ""));
  return undefined;
}

function issueToken(context: ServiceContext, request: Request, tenant: string): Answer {
  const fault = context.faults.take("token", request);
  if (fault) return json(fault.status, { error: fault.code, error_description: "Injected by the test." });
  const form = request.form();
  if (form.get("grant_type") !== "client_credentials")
    return json(400, { error: "unsupported_grant_type", error_description: "Only client_credentials." });
  if (form.get("client_id") !== context.appId || form.get("client_secret") !== context.appPassword)
    return json(401, { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided." });
  if (![context.tenantId, "botframework.com", "common"].includes(tenant))
    return json(400, { error: "invalid_request", error_description: `AADSTS90002: Tenant '${tenant}' not found.` });
  const scope = form.get("scope") ?? "";
  if (!scope.endsWith("/.default"))
    return json(400, { error: "invalid_scope", error_description: "AADSTS1002012: scope must end with /.default." });
  const now = context.nowSeconds();
  const audience = scope.slice(0, -"/.default".length);
  context.state.tokensIssued.push(audience);
  const accessToken = signJwt(
    {
      aud: audience,
      iss: `${context.url}/${context.tenantId}/v2.0`,
      appid: context.appId,
      tid: context.tenantId,
      iat: now,
      nbf: now,
      exp: now + 3600,
    },
    context.key,
  );
  return json(200, { token_type: "Bearer", expires_in: 3600, ext_expires_in: 3600, access_token: accessToken });
}
