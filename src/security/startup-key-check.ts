// At start, with Slack's OAuth install configured: does CLUSTERBOT_ENCRYPTION_KEY open the stored installations?
// None of them → start stops with a message naming the setting (every workspace would fail silently otherwise).
// Some of them → start goes on (the others keep working), says which setting is wrong, and /healthz is degraded
// until the unreadable ones are reinstalled or removed.
import { type Settings, SettingsError, slackMode } from "../config/settings.ts";
import type { HealthCheck } from "../http/health.ts";
import type { Logger } from "../logging/logger.ts";
import type { Database } from "../store/database.ts";
import { slackInstallationRepository } from "../store/repositories/slack-installations.ts";
import { describeUnreadable, keyCensus, unreadable } from "./installation-keys.ts";
import { createSecretBox } from "./secret-box.ts";

/** How long /healthz reuses the last census (it reads and decrypts every installation). */
const recheckAfterMs = 30_000;

export async function checkEncryptionKeyAtStart(
  settings: Settings,
  database: Database,
  logger: Logger,
): Promise<HealthCheck> {
  const key = settings.CLUSTERBOT_ENCRYPTION_KEY;
  if (slackMode(settings) !== "oauth" || !key) return { name: "encryption_key", problem: async () => undefined };
  const box = createSecretBox(key, settings.CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS);
  const installations = slackInstallationRepository(database.prisma);

  const census = await keyCensus(installations, box);
  if (census.stored > 0 && unreadable(census) === census.stored) {
    throw new SettingsError([
      {
        name: "CLUSTERBOT_ENCRYPTION_KEY",
        expected: `the key the ${census.stored} stored Slack installation(s) were encrypted with (during a rotation, give the old one as CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS)`,
        given: "a key that decrypts none of them",
      },
    ]);
  }
  const problem = describeUnreadable(census);
  if (problem) logger.error(`${problem}; those workspaces cannot be served until they install Clusterbot again`);
  if (census.stale > 0) {
    logger.info(
      `${census.stale} Slack installation(s) are sealed with CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS or the old format; each is re-encrypted when next used, or all at once by \`clusterbot keys rotate\``,
    );
  }

  let last = { at: Date.now(), problem };
  return {
    name: "encryption_key",
    async problem() {
      if (Date.now() - last.at >= recheckAfterMs) {
        last = { at: Date.now(), problem: describeUnreadable(await keyCensus(installations, box)) };
      }
      return last.problem;
    },
  };
}
