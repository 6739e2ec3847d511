import type { PrismaClient } from "../../../generated/prisma/client.ts";
import type { MessageContent } from "../protocol.ts";
import { asJson } from "./errors.ts";

/** The home view the bot shows each person (like Slack's App Home). */
export function homeRepository(prisma: PrismaClient) {
  return {
    async find(userId: string): Promise<MessageContent | null> {
      const row = await prisma.webHome.findUnique({ where: { userId } });
      return row ? (row.content as unknown as MessageContent) : null;
    },

    async set(userId: string, content: MessageContent): Promise<void> {
      await prisma.webHome.upsert({
        where: { userId },
        create: { userId, content: asJson(content) },
        update: { content: asJson(content) },
      });
    },
  };
}
