// Bolt/OAuth installation store over our database, with the token bundle encrypted at rest and bound to its row:
// the enterprise and team ids are the cipher's authenticated data. A bundle sealed with the previous key or in the
// old format (no authenticated data) is opened once and sealed again with the current key.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { Logger } from "../../logging/logger.ts";
import type { SecretBox } from "../../security/secret-box.ts";

export interface InstallationKey {
  teamId: string;
  enterpriseId: string;
}

/** Where sealed token bundles are kept (the store's `slackInstallations` repository). */
export interface SealedInstallations {
  save(
    key: InstallationKey,
    fields: { isEnterprise: boolean; botUserId: string | null; encryptedBundle: string },
  ): Promise<void>;
  find(key: InstallationKey): Promise<string | null>;
  /** Replaces `previous` with `next` unless the row changed meanwhile; true when it was replaced. */
  replaceSealed(key: InstallationKey, previous: string, next: string): Promise<boolean>;
  remove(key: InstallationKey): Promise<void>;
}

export function databaseInstallationStore(
  installations: SealedInstallations,
  box: SecretBox,
  logger?: Logger,
): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const key = keyOf(installation.isEnterpriseInstall === true, installation.enterprise?.id, installation.team?.id);
      await installations.save(key, {
        isEnterprise: installation.isEnterpriseInstall === true,
        botUserId: installation.bot?.userId ?? null,
        encryptedBundle: box.seal(JSON.stringify(installation), sealingContext(key)),
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId);
      const sealed = await installations.find(key);
      if (!sealed)
        throw new Error(`Clusterbot is not installed in Slack team ${query.teamId ?? query.enterpriseId ?? "?"}`);
      const opened = box.open(sealed, sealingContext(key));
      if (opened.stale) {
        const resealed = await installations.replaceSealed(
          key,
          sealed,
          box.seal(opened.plaintext, sealingContext(key)),
        );
        if (resealed) logger?.info({ teamId: key.teamId }, "re-encrypted a Slack installation with the current key");
      }
      return JSON.parse(opened.plaintext) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await installations.remove(keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId));
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
