import type { Command } from "commander";
import { renderSlackManifest } from "../platforms/slack/manifest.ts";

export function registerManifestCommand(program: Command): void {
  program
    .command("manifest")
    .description("print a chat platform's app manifest with the request URLs filled in")
    .argument("<platform>", "slack")
    .requiredOption("--url <url>", "the public base URL of this Clusterbot, e.g. https://clusterbot.example.org")
    .option("--socket-mode", "for Socket Mode (no public URL needed for events)")
    .action(async (platform: string, options: { url: string; socketMode?: boolean }) => {
      if (platform !== "slack") throw new Error(`no manifest for "${platform}" yet: try "slack"`);
      process.stdout.write(
        await renderSlackManifest({ baseUrl: options.url, socketMode: options.socketMode === true }),
      );
    });
}
