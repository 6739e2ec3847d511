// Bolt/OAuth installation store over our database, with the token bundle encrypted at rest.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { SecretBox } from "../../security/secret-box.ts";
import type { Repositories } from "../../store/repositories/index.ts";

export function databaseInstallationStore(repos: Repositories, box: SecretBox): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const key = keyOf(installation.isEnterpriseInstall === true, installation.enterprise?.id, installation.team?.id);
      await repos.slackInstallations.save(key, {
        isEnterprise: installation.isEnterpriseInstall === true,
        botUserId: installation.bot?.userId ?? null,
        encryptedBundle: box.seal(JSON.stringify(installation)),
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const sealed = await repos.slackInstallations.find(
        keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId),
      );
      if (!sealed)
        throw new Error(`Clusterbot is not installed in Slack team ${query.teamId ?? query.enterpriseId ?? "?"}`);
      return JSON.parse(box.open(sealed)) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await repos.slackInstallations.remove(keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId));
    },
  };
}

/** Org-wide installs are keyed by enterprise alone; workspace installs by team (and enterprise, if any). */
function keyOf(isEnterprise: boolean, enterpriseId: string | undefined, teamId: string | undefined) {
  return isEnterprise
    ? { enterpriseId: enterpriseId ?? "", teamId: "" }
    : { enterpriseId: enterpriseId ?? "", teamId: teamId ?? "" };
}
