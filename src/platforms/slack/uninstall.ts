// Slack says the app was uninstalled from a workspace (`app_uninstalled`) or its bot token was revoked
// (`tokens_revoked` with bot tokens): the stored installation (and its encrypted token) is deleted, and the team's
// cached client is forgotten. Bolt delivers these two events without authorizing them (the token is already gone).
import type { App } from "@slack/bolt";
import type { AppDependencies } from "../../app/context.ts";
import { keyOf } from "./installation-store.ts";
import { installationRemoved } from "./team-clients.ts";

export function registerUninstall(app: App, deps: AppDependencies): void {
  app.event("app_uninstalled", async ({ context }) => {
    await removeInstallation(deps, context, "app_uninstalled");
  });
  app.event("tokens_revoked", async ({ event, context }) => {
    const botTokens = (event as { tokens?: { bot?: unknown } }).tokens?.bot;
    if (!Array.isArray(botTokens) || botTokens.length === 0) return;
    await removeInstallation(deps, context, "tokens_revoked");
  });
}

async function removeInstallation(
  deps: AppDependencies,
  context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean },
  why: string,
): Promise<void> {
  const key = keyOf(context.isEnterpriseInstall === true, context.enterpriseId, context.teamId);
  await deps.repos.slackInstallations.remove(key);
  installationRemoved(deps.repos, context.teamId ?? "");
  deps.logger.info({ teamId: context.teamId, enterpriseId: context.enterpriseId, why }, "Slack installation removed");
}
