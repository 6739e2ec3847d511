// Messages and thread replies: content is JSON the workspace checked before it gets here. A message may carry files
// (shared by the bot), be pinned, and wait for the bot (a person's command or thread reply not answered yet).
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { asJson } from "./errors.ts";

export interface WebMessageRow {
  id: string;
  seq: number;
  channelId: string;
  threadRootId: string | null;
  /** Null: Clusterbot. */
  authorId: string | null;
  authorName: string | null;
  visibleToId: string | null;
  content: unknown;
  metadata: unknown;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  pinnedAt: Date | null;
  awaitingBot: boolean;
  replyCount: number;
  lastReplyAt: Date | null;
}

export interface NewWebMessage {
  channelId: string;
  threadRootId: string | null;
  authorId: string | null;
  visibleToId?: string | null;
  content: unknown;
  metadata?: unknown;
  awaitingBot?: boolean;
  /** A file shared with the message (its id chosen by the caller, so the content can link to it). */
  file?: { id: string; filename: string; contentType: string; bytes: Uint8Array };
}

const include = { author: { include: { user: { include: { person: { select: { displayName: true } } } } } } } as const;

type Row = Omit<WebMessageRow, "authorName" | "replyCount" | "lastReplyAt"> & {
  author: { user: { person: { displayName: string } } } | null;
};

/** Only the viewer's own private messages, and everybody's public ones. */
const visibleTo = (viewerId: string) => ({ OR: [{ visibleToId: null }, { visibleToId: viewerId }] });

export function webMessageRepository(prisma: PrismaClient) {
  async function withThreads(rows: Row[]): Promise<WebMessageRow[]> {
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
    return rows.map(({ author, ...rest }) => {
      const stat = byRoot.get(rest.id);
      return {
        ...rest,
        authorName: author?.user.person.displayName ?? null,
        replyCount: stat?._count._all ?? 0,
        lastReplyAt: stat?._max.createdAt ?? null,
      };
    });
  }

  async function one(row: Row): Promise<WebMessageRow> {
    const [message] = await withThreads([row]);
    if (!message) throw new Error(`message ${row.id} vanished while it was read`);
    return message;
  }

  const repository = {
    async insert(message: NewWebMessage): Promise<WebMessageRow> {
      const data = {
        channelId: message.channelId,
        threadRootId: message.threadRootId,
        authorId: message.authorId,
        visibleToId: message.visibleToId ?? null,
        content: asJson(message.content),
        awaitingBot: message.awaitingBot ?? false,
        ...(message.metadata === undefined ? {} : { metadata: asJson(message.metadata) }),
      };
      const { file } = message;
      if (!file) return one(await prisma.webMessage.create({ data, include }));
      const row = await prisma.$transaction(async (tx) => {
        const created = await tx.webMessage.create({ data, include });
        await tx.webFile.create({
          data: {
            id: file.id,
            messageId: created.id,
            filename: file.filename,
            contentType: file.contentType,
            size: file.bytes.byteLength,
            bytes: Buffer.from(file.bytes),
          },
        });
        return created;
      });
      return one(row);
    },

    async find(messageId: string): Promise<WebMessageRow | null> {
      const row = await prisma.webMessage.findUnique({ where: { id: messageId }, include });
      return row ? one(row) : null;
    },

    /** Replaces the content; with `expectedVersion`, only if nobody changed it since (else null). */
    async update(messageId: string, content: unknown, expectedVersion?: number): Promise<WebMessageRow | null> {
      const changed = await prisma.webMessage.updateMany({
        where: { id: messageId, ...(expectedVersion === undefined ? {} : { version: expectedVersion }) },
        data: { content: asJson(content), editedAt: new Date(), version: { increment: 1 } },
      });
      return changed.count === 0 ? null : repository.find(messageId);
    },

    async pin(messageId: string, at: Date): Promise<WebMessageRow | null> {
      const changed = await prisma.webMessage.updateMany({
        where: { id: messageId, pinnedAt: null },
        data: { pinnedAt: at, version: { increment: 1 } },
      });
      return changed.count === 0 ? null : repository.find(messageId);
    },

    /** Top-level messages of a channel, oldest first, the newest `limit` before `beforeSeq`. */
    async page(
      channelId: string,
      viewerId: string,
      options: { beforeSeq?: number; limit: number },
    ): Promise<{ messages: WebMessageRow[]; hasMore: boolean }> {
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
    async replies(rootId: string, viewerId: string): Promise<WebMessageRow[]> {
      const rows = await prisma.webMessage.findMany({
        where: { threadRootId: rootId, ...visibleTo(viewerId) },
        include,
        orderBy: { seq: "asc" },
      });
      return withThreads(rows);
    },

    /** The bot's messages in a channel since a moment, newest first (at most `limit`): their metadata is searched. */
    async fromBotSince(channelId: string, since: Date, limit: number): Promise<{ id: string; metadata: unknown }[]> {
      return prisma.webMessage.findMany({
        where: { channelId, authorId: null, createdAt: { gte: since } },
        select: { id: true, metadata: true },
        orderBy: { seq: "desc" },
        take: limit,
      });
    },

    /** Messages waiting for the bot, oldest first. */
    async awaitingBot(limit: number): Promise<WebMessageRow[]> {
      const rows = await prisma.webMessage.findMany({
        where: { awaitingBot: true },
        include,
        orderBy: { seq: "asc" },
        take: limit,
      });
      return withThreads(rows);
    },

    async markHeard(messageId: string): Promise<void> {
      await prisma.webMessage.updateMany({ where: { id: messageId, awaitingBot: true }, data: { awaitingBot: false } });
    },
  };
  return repository;
}
