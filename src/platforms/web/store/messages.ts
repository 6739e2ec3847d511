// Messages and thread replies. Content is the neutral MessageContent (checked before it gets here), stored as JSON.
import type { PrismaClient } from "../../../generated/prisma/client.ts";
import type { MessageContent } from "../protocol.ts";
import { asJson } from "./errors.ts";

export interface MessageRecord {
  id: string;
  seq: number;
  channelId: string;
  threadRootId: string | null;
  /** Null: Clusterbot. */
  authorId: string | null;
  authorName: string | null;
  visibleToId: string | null;
  content: MessageContent;
  metadata: unknown;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  replyCount: number;
  lastReplyAt: Date | null;
}

export interface NewMessage {
  channelId: string;
  threadRootId?: string | null;
  authorId: string | null;
  visibleToId?: string | null;
  content: MessageContent;
  metadata?: unknown;
}

const include = { author: { include: { user: { include: { person: { select: { displayName: true } } } } } } } as const;

type Row = Omit<MessageRecord, "authorName" | "content" | "replyCount" | "lastReplyAt"> & {
  content: unknown;
  author: { user: { person: { displayName: string } } } | null;
};

/** Only the viewer's own private messages, and everybody's public ones. */
const visibleTo = (viewerId: string) => ({ OR: [{ visibleToId: null }, { visibleToId: viewerId }] });

export function messageRepository(prisma: PrismaClient) {
  async function withThreads(rows: Row[]): Promise<MessageRecord[]> {
    const roots = rows.filter((row) => row.threadRootId === null).map((row) => row.id);
    const stats =
      roots.length === 0
        ? []
        : await prisma.webMessage.groupBy({
            by: ["threadRootId"],
            where: { threadRootId: { in: roots }, visibleToId: null },
            _count: { _all: true },
            _max: { createdAt: true },
          });
    const byRoot = new Map(stats.map((stat) => [stat.threadRootId, stat]));
    return rows.map((row) => {
      const { author, content, ...rest } = row;
      const stat = byRoot.get(row.id);
      return {
        ...rest,
        content: content as MessageContent,
        authorName: author?.user.person.displayName ?? null,
        replyCount: stat?._count._all ?? 0,
        lastReplyAt: stat?._max.createdAt ?? null,
      };
    });
  }

  return {
    async insert(message: NewMessage): Promise<MessageRecord> {
      const row = await prisma.webMessage.create({
        data: {
          channelId: message.channelId,
          threadRootId: message.threadRootId ?? null,
          authorId: message.authorId,
          visibleToId: message.visibleToId ?? null,
          content: asJson(message.content),
          ...(message.metadata === undefined ? {} : { metadata: asJson(message.metadata) }),
        },
        include,
      });
      return (await withThreads([row]))[0]!;
    },

    async find(messageId: string): Promise<MessageRecord | null> {
      const row = await prisma.webMessage.findUnique({ where: { id: messageId }, include });
      return row ? (await withThreads([row]))[0]! : null;
    },

    /** Replaces the content; with `expectedVersion`, only if nobody changed it since (else null). */
    async update(messageId: string, content: MessageContent, expectedVersion?: number): Promise<MessageRecord | null> {
      const changed = await prisma.webMessage.updateMany({
        where: { id: messageId, ...(expectedVersion === undefined ? {} : { version: expectedVersion }) },
        data: { content: asJson(content), editedAt: new Date(), version: { increment: 1 } },
      });
      return changed.count === 0 ? null : this.find(messageId);
    },

    /** Top-level messages of a channel, oldest first, the newest `limit` before `beforeSeq`. */
    async page(
      channelId: string,
      viewerId: string,
      options: { beforeSeq?: number; limit: number },
    ): Promise<{ messages: MessageRecord[]; hasMore: boolean }> {
      const rows = await prisma.webMessage.findMany({
        where: {
          channelId,
          threadRootId: null,
          ...visibleTo(viewerId),
          ...(options.beforeSeq === undefined ? {} : { seq: { lt: options.beforeSeq } }),
        },
        include,
        orderBy: { seq: "desc" },
        take: options.limit + 1,
      });
      const hasMore = rows.length > options.limit;
      return { messages: await withThreads(rows.slice(0, options.limit).reverse()), hasMore };
    },

    /** A thread's replies, oldest first. */
    async replies(rootId: string, viewerId: string): Promise<MessageRecord[]> {
      const rows = await prisma.webMessage.findMany({
        where: { threadRootId: rootId, ...visibleTo(viewerId) },
        include,
        orderBy: { seq: "asc" },
      });
      return withThreads(rows);
    },
  };
}

export type MessageRepository = ReturnType<typeof messageRepository>;
