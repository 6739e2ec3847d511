import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { renderSlackManifest } from "../platforms/slack/manifest.ts";
import { buildTeamsPackage, renderTeamsManifest } from "../platforms/teams/manifest.ts";

interface ManifestOptions {
  url?: string;
  socketMode?: boolean;
  botId?: string;
  out?: string;
}

export function registerManifestCommand(program: Command): void {
  program
    .command("manifest")
    .description("print a chat platform's app manifest (Slack), or build the Teams app package")
    .argument("<platform>", "slack or teams")
    .option("--url <url>", "the public base URL of this Clusterbot, e.g. https://clusterbot.example.org")
    .option("--socket-mode", "Slack: for Socket Mode (no public URL needed for events)")
    .option("--bot-id <id>", "Teams: the bot's Microsoft App ID (TEAMS_CLIENT_ID)")
    .option("--out <file>", "Teams: write the app package (a .zip to upload) instead of printing the manifest")
    .action(async (platform: string, options: ManifestOptions, command: Command) => {
      if (platform === "slack") {
        if (!options.url) command.error("error: the Slack manifest needs --url https://your-public-host");
        process.stdout.write(
          await renderSlackManifest({ baseUrl: options.url, socketMode: options.socketMode === true }),
        );
        return;
      }
      if (platform === "teams") {
        if (!options.botId) command.error("error: the Teams app package needs --bot-id (the bot's Microsoft App ID)");
        const teams = { botId: options.botId ?? "", ...(options.url ? { url: options.url } : {}) };
        const built = await (options.out ? buildTeamsPackage(teams) : renderTeamsManifest(teams)).catch(
          (error: unknown) => command.error(`error: ${error instanceof Error ? error.message : String(error)}`),
        );
        if (!options.out) {
          process.stdout.write(`${JSON.stringify(built, null, 2)}\n`);
          return;
        }
        await writeFile(options.out, built as Uint8Array);
        process.stdout.write(`wrote ${options.out}: upload it in Teams (Apps → Manage your apps → Upload an app)\n`);
        return;
      }
      command.error(`error: no manifest for "${platform}": try "slack" or "teams"`);
    });
}
