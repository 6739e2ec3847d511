// The home view the bot shows each person (like Slack's App Home), as JSON the workspace checked.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { asJson } from "./errors.ts";

export function webHomeRepository(prisma: PrismaClient) {
  return {
    async find(userId: string): Promise<unknown> {
      const row = await prisma.webHome.findUnique({ where: { userId } });
      return row?.content ?? null;
    },

    async set(userId: string, content: unknown): Promise<void> {
      await prisma.webHome.upsert({
        where: { userId },
        create: { userId, content: asJson(content) },
        update: { content: asJson(content) },
      });
    },
  };
}
