// Invite links and sessions, by the SHA-256 hashes of their random tokens only (the workspace hashes them): a copy
// of the database does not let anyone sign in.
import type { PrismaClient } from "../../generated/prisma/client.ts";

/** lastSeenAt is refreshed at most this often (not on every request). */
const touchEveryMs = 10 * 60 * 1000;

export function webCredentialRepository(prisma: PrismaClient, workspaceId: string) {
  return {
    /** A new invite for one person; their older invites stop working. */
    async issueInvite(userId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
      await prisma.$transaction([
        prisma.webInvite.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } }),
        prisma.webInvite.create({ data: { tokenHash, userId, expiresAt, createdAt: now } }),
      ]);
    },

    /** The person an invite belongs to, if it is valid now. */
    async redeemInvite(tokenHash: string, now: Date): Promise<string | null> {
      const invite = await prisma.webInvite.findUnique({ where: { tokenHash }, include: { account: true } });
      if (!invite || invite.revokedAt || invite.expiresAt <= now || invite.account.workspaceId !== workspaceId) {
        return null;
      }
      await prisma.webInvite.update({ where: { tokenHash }, data: { lastUsedAt: now } });
      return invite.userId;
    },

    async createSession(idHash: string, userId: string, expiresAt: Date, now: Date): Promise<void> {
      await prisma.webSession.create({ data: { idHash, userId, expiresAt, createdAt: now, lastSeenAt: now } });
    },

    /** The session, if it exists, has not expired and belongs to this workspace. */
    async findSession(idHash: string, now: Date): Promise<{ idHash: string; userId: string } | null> {
      const session = await prisma.webSession.findUnique({ where: { idHash }, include: { account: true } });
      if (!session || session.expiresAt <= now || session.account.workspaceId !== workspaceId) return null;
      if (now.getTime() - session.lastSeenAt.getTime() > touchEveryMs) {
        await prisma.webSession.update({ where: { idHash }, data: { lastSeenAt: now } });
      }
      return { idHash, userId: session.userId };
    },

    async endSession(idHash: string): Promise<void> {
      await prisma.webSession.deleteMany({ where: { idHash } });
    },
  };
}
