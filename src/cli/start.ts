import type { Command } from "commander";
import { loadSettings, secretValues } from "../config/settings.ts";
import { createLogger } from "../logging/logger.ts";
import { startClusterbot } from "../runtime/start.ts";
import { untilStopSignal } from "./stop-signal.ts";

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("start the bot (embedded PGlite store unless DATABASE_URL is set); serves GET /healthz on PORT")
    .action(async () => {
      const settings = loadSettings();
      const logger = createLogger(settings.LOG_LEVEL, undefined, { secrets: secretValues(settings) });
      const running = await startClusterbot(settings, logger);
      await untilStopSignal();
      await running.stop();
      logger.flush();
    });
}
