import type { PrismaClient } from "../../generated/prisma/client.ts";

export interface InstallationKey {
  teamId: string;
  enterpriseId: string;
}

/** Slack installations; the token bundle arrives already encrypted (the store never sees a clear token). */
export function slackInstallationRepository(prisma: PrismaClient) {
  return {
    async save(
      key: InstallationKey,
      fields: { isEnterprise: boolean; botUserId: string | null; encryptedBundle: string },
    ) {
      await prisma.slackInstallation.upsert({
        where: { enterpriseId_teamId: key },
        create: { ...key, ...fields },
        update: fields,
      });
    },

    async find(key: InstallationKey): Promise<string | null> {
      const row = await prisma.slackInstallation.findUnique({ where: { enterpriseId_teamId: key } });
      return row?.encryptedBundle ?? null;
    },

    /** Every installation's key and sealed bundle (a workspace count: small), for the key check and rotation. */
    async allSealed(): Promise<(InstallationKey & { encryptedBundle: string })[]> {
      return prisma.slackInstallation.findMany({
        select: { teamId: true, enterpriseId: true, encryptedBundle: true },
        orderBy: [{ enterpriseId: "asc" }, { teamId: "asc" }],
      });
    },

    /** Re-encrypted in place, unless the row changed meanwhile (a reinstall wins over a re-encryption). */
    async replaceSealed(key: InstallationKey, previous: string, next: string): Promise<boolean> {
      const { count } = await prisma.slackInstallation.updateMany({
        where: { ...key, encryptedBundle: previous },
        data: { encryptedBundle: next },
      });
      return count === 1;
    },

    async remove(key: InstallationKey): Promise<void> {
      await prisma.slackInstallation.deleteMany({ where: key });
    },
  };
}
