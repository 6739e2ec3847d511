// Files the bot shared, read back for a download (the workspace checks who may read the message first).
import type { PrismaClient } from "../../generated/prisma/client.ts";

export interface WebFileRow {
  id: string;
  messageId: string;
  filename: string;
  contentType: string;
  size: number;
  bytes: Uint8Array;
}

export function webFileRepository(prisma: PrismaClient) {
  return {
    async find(fileId: string): Promise<WebFileRow | null> {
      const row = await prisma.webFile.findUnique({ where: { id: fileId } });
      return row ? { ...row, bytes: new Uint8Array(row.bytes) } : null;
    },
  };
}
