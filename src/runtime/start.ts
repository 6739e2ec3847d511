// The composition root: settings → store (migrated) → HTTP server with every adapter's routes.
import { resolve } from "node:path";
import { systemClock } from "../app/context.ts";
import { missingPlatformSettings, type Settings } from "../config/settings.ts";
import { healthRoute } from "../http/health.ts";
import { startHttpServer } from "../http/server.ts";
import type { Logger } from "../logging/logger.ts";
import type { WebWorkspace } from "../platforms/web/index.ts";
import { checkEncryptionKeyAtStart } from "../security/startup-key-check.ts";
import type { Database } from "../store/database.ts";
import { applyMigrations } from "../store/migrations/migrations.ts";
import { version } from "../version.ts";
import { type ComposedApp, composeApp } from "./compose.ts";
import { openConfiguredDatabase } from "./open-store.ts";
import { webWorkspaceFromSettings } from "./web-workspace.ts";

export interface RunningClusterbot {
  readonly port: number;
  readonly app: ComposedApp;
  /** The browser workspace, when it is on. */
  readonly web: WebWorkspace | undefined;
  stop(): Promise<void>;
}

export async function startClusterbot(settings: Settings, logger: Logger): Promise<RunningClusterbot> {
  const database = await openConfiguredDatabase(settings);
  let web: WebWorkspace | undefined;
  try {
    const applied = await applyMigrations(database);
    if (applied.length > 0) logger.info({ migrations: applied }, `applied ${applied.length} migration(s)`);
    const keyCheck = await checkEncryptionKeyAtStart(settings, database, logger);
    web = await webWorkspaceFromSettings(settings, webStoreOf(settings, database), logger);
    const app = composeApp(settings, database, logger, systemClock, web ? { web: web.bot } : {});
    const http = await startHttpServer({
      host: settings.HOST,
      port: settings.PORT,
      logger,
      routes: [
        healthRoute({
          version,
          pingDatabase: () => database.prisma.$queryRawUnsafe("SELECT 1").then(() => undefined),
          checks: [keyCheck],
        }),
        ...app.routes,
        ...(web?.routes ?? []),
      ],
    });
    await app.start();
    logger.info({ version, port: http.port, data: database.location }, `Clusterbot ${version} is ready`);
    logger.info(`data lives in: ${database.location}`);
    logger.info(`health check: http://localhost:${http.port}/healthz`);
    for (const platform of app.platforms) logger.info(`serving ${platform}`);
    if (web) logger.info(`local workspace (browser): ${web.url(http.port)}`);
    reportMissingPlatforms(settings, logger);
    return {
      port: http.port,
      app,
      web,
      async stop() {
        await app.stop();
        await web?.stop();
        await http.close();
        await database.close();
        logger.info("Clusterbot stopped");
      },
    };
  } catch (error) {
    await web?.stop();
    await database.close();
    throw error;
  }
}

function webStoreOf(settings: Settings, database: Database) {
  const embeddedDataDir = database.kind === "pglite" ? resolve(settings.CLUSTERBOT_DATA_DIR) : undefined;
  return { prisma: database.prisma, embeddedDataDir };
}

function reportMissingPlatforms(settings: Settings, logger: Logger): void {
  const missing = missingPlatformSettings(settings);
  if (missing.slack.length > 0) {
    logger.warn(
      `Slack is off: set ${missing.slack.join(" and ")} (one workspace), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET, SLACK_STATE_SECRET and CLUSTERBOT_ENCRYPTION_KEY (OAuth install in many workspaces)`,
    );
  }
  if (missing.teams.length > 0) logger.warn(`Teams is off: set ${missing.teams.join(" and ")}`);
}
