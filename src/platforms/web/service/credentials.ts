// Invite links and sessions: random tokens handed to people, only their SHA-256 hashes kept, so a copy of the
// database does not let anyone sign in.
import { hashToken, newToken } from "../auth/tokens.ts";
import type { WorkspaceContext } from "./context.ts";

export const inviteLifetimeDays = 14;
export const sessionLifetimeDays = 30;
const day = 24 * 60 * 60 * 1000;

export interface SessionRecord {
  idHash: string;
  userId: string;
}

export function credentialService(ctx: WorkspaceContext) {
  const { credentials } = ctx.store;
  return {
    /** A new invite link token for one person; their older links stop working. */
    async issueInvite(userId: string): Promise<{ token: string; expiresAt: Date }> {
      const now = ctx.now();
      const token = newToken();
      const expiresAt = new Date(now.getTime() + inviteLifetimeDays * day);
      await credentials.issueInvite(userId, hashToken(token), expiresAt, now);
      return { token, expiresAt };
    },

    /** The person an invite token belongs to, if it is valid now. */
    redeemInvite: (token: string) => credentials.redeemInvite(hashToken(token), ctx.now()),

    async createSession(userId: string): Promise<{ id: string; idHash: string; expiresAt: Date }> {
      const now = ctx.now();
      const id = newToken();
      const idHash = hashToken(id);
      const expiresAt = new Date(now.getTime() + sessionLifetimeDays * day);
      await credentials.createSession(idHash, userId, expiresAt, now);
      return { id, idHash, expiresAt };
    },

    /** The session behind a cookie value, if it exists, has not expired and belongs to this workspace. */
    findSession: (id: string): Promise<SessionRecord | null> => credentials.findSession(hashToken(id), ctx.now()),

    endSession: (idHash: string) => credentials.endSession(idHash),
  };
}

export type CredentialService = ReturnType<typeof credentialService>;
