import type { PrismaClient } from "../../generated/prisma/client.ts";
import { isUniqueViolation } from "../errors.ts";

/** OAuth install states already used at the redirect, so each completes at most one install. */
export function oauthStateRepository(prisma: PrismaClient) {
  return {
    /** True the first time a state hash is seen; false on any later use. Expired rows are dropped on the way. */
    async useOnce(stateHash: string, expiresAt: Date, now: Date): Promise<boolean> {
      await prisma.oAuthStateUse.deleteMany({ where: { expiresAt: { lt: now } } });
      try {
        await prisma.oAuthStateUse.create({ data: { stateHash, expiresAt } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}
