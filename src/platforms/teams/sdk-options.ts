// Every option of the Teams SDK's App, given explicitly. The SDK falls back to the environment for whatever is
// left out (CLIENT_ID, CLIENT_SECRET, TENANT_ID, SERVICE_URL, CLOUD, OAUTH_URL,
// DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS, and CLIENT_SECRET beats a `token` option), so nothing is left out:
// only our TEAMS_* settings decide how it behaves.
import { type CloudEnvironment, PUBLIC, withOverrides } from "@microsoft/teams.api";
import type { AppOptions, IHttpServerAdapter, IPlugin } from "@microsoft/teams.apps";
import type { ILogger } from "@microsoft/teams.common";
import { standInTokenSource } from "./stand-in-token.ts";

export interface TeamsCredentials {
  clientId: string;
  clientSecret: string;
  tenantId?: string;
  /** Test and demo only: the local stand-in's endpoints (the settings refuse anything but this machine). */
  standIn?: { openIdMetadataUrl?: string; loginUrl?: string; graphUrl?: string; serviceUrl?: string };
}

export const publicServiceUrl = "https://smba.trafficmanager.net/teams";

/** Microsoft's public cloud, or the stand-in's keys, login and Graph where the test settings name them. */
export function teamsCloud(credentials: TeamsCredentials): CloudEnvironment {
  const standIn = credentials.standIn;
  if (!standIn) return PUBLIC;
  return withOverrides(PUBLIC, {
    ...(standIn.openIdMetadataUrl ? { openIdMetadataUrl: standIn.openIdMetadataUrl } : {}),
    ...(standIn.loginUrl ? { loginEndpoint: standIn.loginUrl.replace(/\/+$/, "") } : {}),
    ...(standIn.graphUrl ? { graphScope: `${new URL(standIn.graphUrl).origin}/.default` } : {}),
  });
}

export function teamsAppOptions(
  credentials: TeamsCredentials,
  parts: { adapter: IHttpServerAdapter; logger: ILogger },
): AppOptions<IPlugin> {
  const cloud = teamsCloud(credentials);
  const loginUrl = credentials.standIn?.loginUrl;
  return {
    clientId: credentials.clientId,
    // An empty secret (not undefined) keeps the SDK from reading CLIENT_SECRET when the stand-in issues tokens.
    clientSecret: loginUrl ? "" : credentials.clientSecret,
    ...(loginUrl
      ? {
          token: standInTokenSource({
            loginUrl,
            clientId: credentials.clientId,
            clientSecret: credentials.clientSecret,
          }),
        }
      : {}),
    // An empty tenant (not undefined) keeps the SDK from reading TENANT_ID; it then uses the cloud's login tenant.
    tenantId: credentials.tenantId ?? "",
    managedIdentityClientId: credentials.clientId,
    cloud,
    serviceUrl: credentials.standIn?.serviceUrl ?? publicServiceUrl,
    apiClientSettings: { oauthUrl: cloud.tokenServiceUrl },
    dangerouslyAllowUnauthenticatedRequests: false,
    messagingEndpoint: "/api/messages",
    httpServerAdapter: parts.adapter,
    logger: parts.logger,
    state: false,
    telemetry: { agent365: false },
  };
}
