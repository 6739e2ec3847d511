import type { Command } from "commander";
import { loadSettings, secretValues } from "../config/settings.ts";
import { createLogger } from "../logging/logger.ts";
import { startClusterbot } from "../runtime/start.ts";

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("start the bot (embedded PGlite store unless DATABASE_URL is set); serves GET /healthz on PORT")
    .action(async () => {
      const settings = loadSettings();
      const logger = createLogger(settings.LOG_LEVEL, undefined, { secrets: secretValues(settings) });
      const running = await startClusterbot(settings, logger);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          resolve();
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      await running.stop();
      logger.flush();
    });
}
