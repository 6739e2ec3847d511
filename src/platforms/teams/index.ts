// The Teams adapter as the runtime sees it: built from the settings when Teams is configured, else undefined.
import type { InteractionCore } from "../../app/interaction/core.ts";
import type { Settings } from "../../config/settings.ts";
import { teamsSettings } from "../../config/settings.ts";
import type { Logger } from "../../logging/logger.ts";
import { createTeamsAdapter, type TeamsAdapter } from "./app.ts";
import type { TeamsRecords } from "./conversation-store.ts";

export type { TeamsAdapter } from "./app.ts";

/** The Teams adapter when TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET are set; its routes go on our HTTP server. */
export function teamsPlatform(
  settings: Settings,
  repos: TeamsRecords,
  logger: Logger,
  wiring: { core?: InteractionCore; onRequest?: () => void } = {},
): TeamsAdapter | undefined {
  const credentials = teamsSettings(settings);
  if (!credentials) return undefined;
  if (credentials.standIn)
    logger.warn({ standIn: credentials.standIn }, "Teams points at a local stand-in (test mode)");
  return createTeamsAdapter({ credentials, repos, logger, ...wiring });
}

/** How start describes Teams. */
export const teamsDescription = "Microsoft Teams (POST /api/messages)";
