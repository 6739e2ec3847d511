// Bolt/OAuth installation store over our database, with the token bundle encrypted at rest.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { SecretBox } from "../../security/secret-box.ts";

/** Where sealed token bundles are kept (the store's `slackInstallations` repository). */
export interface SealedInstallations {
  save(
    key: { teamId: string; enterpriseId: string },
    fields: { isEnterprise: boolean; botUserId: string | null; encryptedBundle: string },
  ): Promise<void>;
  find(key: { teamId: string; enterpriseId: string }): Promise<string | null>;
  remove(key: { teamId: string; enterpriseId: string }): Promise<void>;
}

export function databaseInstallationStore(installations: SealedInstallations, box: SecretBox): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const key = keyOf(installation.isEnterpriseInstall === true, installation.enterprise?.id, installation.team?.id);
      await installations.save(key, {
        isEnterprise: installation.isEnterpriseInstall === true,
        botUserId: installation.bot?.userId ?? null,
        encryptedBundle: box.seal(JSON.stringify(installation)),
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const sealed = await installations.find(keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId));
      if (!sealed)
        throw new Error(`Clusterbot is not installed in Slack team ${query.teamId ?? query.enterpriseId ?? "?"}`);
      return JSON.parse(box.open(sealed)) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await installations.remove(keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId));
    },
  };
}

/** Org-wide installs are keyed by enterprise alone; workspace installs by team (and enterprise, if any). */
function keyOf(isEnterprise: boolean, enterpriseId: string | undefined, teamId: string | undefined) {
  return isEnterprise
    ? { enterpriseId: enterpriseId ?? "", teamId: "" }
    : { enterpriseId: enterpriseId ?? "", teamId: teamId ?? "" };
}
