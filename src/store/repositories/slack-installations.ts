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

    async remove(key: InstallationKey): Promise<void> {
      await prisma.slackInstallation.deleteMany({ where: key });
    },
  };
}
