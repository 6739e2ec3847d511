// Slack says the app was uninstalled from a workspace (`app_uninstalled`) or its bot token was revoked
// (`tokens_revoked` with bot tokens): the stored installation (and its encrypted token) is deleted, and the team's
// cached client is forgotten. Bolt delivers these two events without authorizing them (the token is already gone).
import type { App } from "@slack/bolt";
import type { Logger } from "../../logging/logger.ts";
import { keyOf, type SealedInstallations } from "./installation-store.ts";

export function registerUninstall(
  app: App,
  installations: Pick<SealedInstallations, "remove">,
  forgetTeam: (teamId: string) => void,
  logger: Logger,
): void {
  const remove = async (
    context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean },
    why: string,
  ) => {
    await installations.remove(keyOf(context.isEnterpriseInstall === true, context.enterpriseId, context.teamId));
    forgetTeam(context.teamId ?? "");
    logger.info({ teamId: context.teamId, enterpriseId: context.enterpriseId, why }, "Slack installation removed");
  };
  app.event("app_uninstalled", async ({ context }) => {
    await remove(context, "app_uninstalled");
  });
  app.event("tokens_revoked", async ({ event, context }) => {
    const botTokens = (event as { tokens?: { bot?: unknown } }).tokens?.bot;
    if (!Array.isArray(botTokens) || botTokens.length === 0) return;
    await remove(context, "tokens_revoked");
  });
}
