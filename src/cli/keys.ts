// `clusterbot keys rotate`: seals every stored Slack installation again with CLUSTERBOT_ENCRYPTION_KEY, opening
// those sealed with CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS or in the old format. Safe to run while the bot serves: a row
// changed meanwhile (a reinstall) is left as it is.
import type { Command } from "commander";
import { loadSettings, SettingsError } from "../config/settings.ts";
import { openConfiguredDatabase } from "../runtime/open-store.ts";
import { describeUnreadable, rotateInstallations } from "../security/installation-keys.ts";
import { createSecretBox } from "../security/secret-box.ts";
import { applyMigrations } from "../store/migrations/migrations.ts";
import { slackInstallationRepository } from "../store/repositories/slack-installations.ts";

export function registerKeysCommands(program: Command): void {
  const keys = program.command("keys").description("encryption keys of the secrets stored in the database");
  keys
    .command("rotate")
    .description(
      "re-encrypt stored Slack installations with CLUSTERBOT_ENCRYPTION_KEY (opening them with it or CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS)",
    )
    .action(async () => {
      const settings = loadSettings();
      if (!settings.CLUSTERBOT_ENCRYPTION_KEY) {
        throw new SettingsError([
          { name: "CLUSTERBOT_ENCRYPTION_KEY", expected: "the new key (32 bytes, hex or base64)", given: "nothing" },
        ]);
      }
      const box = createSecretBox(settings.CLUSTERBOT_ENCRYPTION_KEY, settings.CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS);
      const database = await openConfiguredDatabase(settings);
      try {
        await applyMigrations(database);
        const report = await rotateInstallations(slackInstallationRepository(database.prisma), box);
        print(
          `${report.stored} Slack installation(s): ${report.resealed} re-encrypted with the current key, ${report.current} already current`,
        );
        const problem = describeUnreadable(report);
        if (problem) {
          print(problem);
          process.exitCode = 1;
        } else if (report.stale === report.resealed) {
          print("CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS is no longer needed once every replica runs with the new key.");
        }
      } finally {
        await database.close();
      }
    });
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
