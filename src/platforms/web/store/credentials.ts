// Invite links and sessions. Only SHA-256 hashes of the random tokens are stored: a copy of the database does not
// let anyone sign in.
import type { PrismaClient } from "../../../generated/prisma/client.ts";
import { hashToken, newToken } from "../auth/tokens.ts";

export const inviteLifetimeDays = 14;
export const sessionLifetimeDays = 30;
const day = 24 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often (not on every request). */
const touchEveryMs = 10 * 60 * 1000;

export interface SessionRecord {
  idHash: string;
  userId: string;
}

export function credentialRepository(prisma: PrismaClient, workspaceId: string) {
  return {
    /** A new invite link token for one person; their older links stop working. */
    async issueInvite(userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
      const token = newToken();
      const expiresAt = new Date(now.getTime() + inviteLifetimeDays * day);
      await prisma.$transaction([
        prisma.webInvite.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } }),
        prisma.webInvite.create({ data: { tokenHash: hashToken(token), userId, expiresAt, createdAt: now } }),
      ]);
      return { token, expiresAt };
    },

    /** The person an invite token belongs to, if it is valid now. */
    async redeemInvite(token: string, now: Date): Promise<string | null> {
      const invite = await prisma.webInvite.findUnique({
        where: { tokenHash: hashToken(token) },
        include: { account: true },
      });
      if (!invite || invite.revokedAt || invite.expiresAt <= now || invite.account.workspaceId !== workspaceId) {
        return null;
      }
      await prisma.webInvite.update({ where: { tokenHash: invite.tokenHash }, data: { lastUsedAt: now } });
      return invite.userId;
    },

    async createSession(userId: string, now: Date): Promise<{ id: string; idHash: string; expiresAt: Date }> {
      const id = newToken();
      const idHash = hashToken(id);
      const expiresAt = new Date(now.getTime() + sessionLifetimeDays * day);
      await prisma.webSession.create({ data: { idHash, userId, expiresAt, createdAt: now, lastSeenAt: now } });
      return { id, idHash, expiresAt };
    },

    /** The session behind a cookie value, if it exists, has not expired and belongs to this workspace. */
    async findSession(id: string, now: Date): Promise<SessionRecord | null> {
      const idHash = hashToken(id);
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

export type CredentialRepository = ReturnType<typeof credentialRepository>;
