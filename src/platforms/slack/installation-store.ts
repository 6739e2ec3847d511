// Bolt/OAuth installation store over our database, with the token bundle encrypted at rest and bound to its row:
// the enterprise and team ids are the cipher's authenticated data. A bundle sealed with the previous key or in the
// old format (no authenticated data) is opened once and sealed again with the current key.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { Logger } from "../../logging/logger.ts";
import type { SecretBox } from "../../security/secret-box.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import type { InstallationKey } from "../../store/repositories/slack-installations.ts";

export function databaseInstallationStore(repos: Repositories, box: SecretBox, logger?: Logger): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const key = keyOf(installation.isEnterpriseInstall === true, installation.enterprise?.id, installation.team?.id);
      await repos.slackInstallations.save(key, {
        isEnterprise: installation.isEnterpriseInstall === true,
        botUserId: installation.bot?.userId ?? null,
        encryptedBundle: box.seal(JSON.stringify(installation), sealingContext(key)),
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId);
      const sealed = await repos.slackInstallations.find(key);
      if (!sealed)
        throw new Error(`Clusterbot is not installed in Slack team ${query.teamId ?? query.enterpriseId ?? "?"}`);
      const opened = box.open(sealed, sealingContext(key));
      if (opened.stale) {
        const resealed = await repos.slackInstallations.replaceSealed(
          key,
          sealed,
          box.seal(opened.plaintext, sealingContext(key)),
        );
        if (resealed) logger?.info({ teamId: key.teamId }, "re-encrypted a Slack installation with the current key");
      }
      return JSON.parse(opened.plaintext) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await repos.slackInstallations.remove(keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId));
    },
  };
}

/** What a bundle is bound to: it opens only on the row of this enterprise and team. */
export function sealingContext(key: InstallationKey): string {
  return `clusterbot/slack-installation/enterprise=${key.enterpriseId}/team=${key.teamId}`;
}

/** Org-wide installs are keyed by enterprise alone; workspace installs by team (and enterprise, if any). */
export function keyOf(isEnterprise: boolean, enterpriseId: string | undefined, teamId: string | undefined) {
  return isEnterprise
    ? { enterpriseId: enterpriseId ?? "", teamId: "" }
    : { enterpriseId: enterpriseId ?? "", teamId: teamId ?? "" };
}
