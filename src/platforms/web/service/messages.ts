// Messages as people and the bot post them: who may post where, threads, edits, pins, shared files, live delivery to
// exactly the people who may see each message, and what is handed to the bot. A person's /cluster command and
// thread reply wait for the bot in the store until it has heard them, so none is lost while it is not listening.
import { randomUUID } from "node:crypto";
import type { Message } from "../../../core/screens/message.ts";
import {
  type ActionSource,
  type BotFile,
  type BotMessage,
  type PostedMessage,
  WebBotError,
  type WebInboundEvent,
} from "../bot-api.ts";
import { ContentError, fileBlocksOf, personContent, personFileContent, personText, wireContent } from "../content.ts";
import type { FileBlock, WireContent, WireMessage, WireRichText } from "../protocol.ts";
import { botDirectKey, type ChannelService } from "./channels.ts";
import type { WorkspaceContext } from "./context.ts";
import { Refusal } from "./errors.ts";
import { pressButton } from "./press.ts";
import { contentOf, homeOf, metadataOf } from "./records.ts";
import type { ChannelRecord, FileRecord, MessageRecord, NewMessage } from "./store.ts";
import { wireMessage } from "./views.ts";

export const commandPrefix = "/cluster";
/** A command typed while no bot listened is carried out when it connects within this time; later, only answered. */
export const commandReplayWindowMs = 15 * 60 * 1000;
/** The largest file the bot may share. */
export const maxFileBytes = 25 * 1024 * 1024;
/** How far back `findDirect` searches a person's conversation with the bot. */
const directSearchLimit = 1000;

const contentTypes: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
  png: "image/png",
  svg: "image/svg+xml",
  json: "application/json",
  md: "text/markdown",
  html: "text/html",
  txt: "text/plain",
  zip: "application/zip",
};

/** A file's name as kept: no control characters or path separators, at most 200 characters. */
function safeFilename(name: string): string {
  return name.replace(/[\p{Cc}/\\]/gu, "_").slice(0, 200) || "file";
}

function contentTypeOf(filename: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? "";
  return contentTypes[extension] ?? "application/octet-stream";
}

/** The bot's content, checked; what the browser could not draw is the bot's error. */
function botContent(message: Message, file?: FileBlock): WireContent {
  try {
    return wireContent(message, file);
  } catch (error) {
    if (error instanceof ContentError) throw new WebBotError("invalid", error.message);
    throw error;
  }
}

export function messageService(ctx: WorkspaceContext, channels: ChannelService) {
  const { store, hub, bot } = ctx;

  function publish(channel: ChannelRecord, message: MessageRecord): void {
    const event = { type: "message" as const, message: wireMessage(message) };
    if (message.visibleToId) hub.send([message.visibleToId], event);
    else if (channel.kind === "public") hub.broadcast(event);
    else hub.send(channel.memberIds, event);
  }

  /** A thread reply changes its root's reply count: everyone who sees the root gets it again. */
  async function publishRoot(channel: ChannelRecord, rootId: string): Promise<void> {
    const root = await store.messages.find(rootId);
    if (root) publish(channel, root);
  }

  /** The message, if this person may see it (and the channel it is in). */
  async function visible(
    userId: string,
    messageId: string,
  ): Promise<{ message: MessageRecord; channel: ChannelRecord }> {
    const message = await store.messages.find(messageId);
    if (!message || (message.visibleToId !== null && message.visibleToId !== userId)) {
      throw new Refusal("not_found", "This message does not exist or you cannot see it.");
    }
    return { message, channel: await channels.readable(userId, message.channelId) };
  }

  async function threadRoot(channel: ChannelRecord, rootId: string, viewerId: string | null): Promise<MessageRecord> {
    const root = await store.messages.find(rootId);
    const hidden = root?.visibleToId !== null && root?.visibleToId !== viewerId;
    if (!root || root.channelId !== channel.id || root.threadRootId !== null || hidden) {
      throw new Refusal("not_found", "This thread does not exist here.");
    }
    return root;
  }

  async function insertAndPublish(channel: ChannelRecord, input: NewMessage): Promise<MessageRecord> {
    const message = await store.messages.insert(input);
    publish(channel, message);
    if (message.threadRootId && !message.visibleToId) await publishRoot(channel, message.threadRootId);
    return message;
  }

  async function privateNotice(userId: string, channelId: string, threadRootId: string | null, text: WireRichText) {
    const channel = await store.channels.find(channelId);
    if (!channel) return;
    await insertAndPublish(channel, {
      channelId,
      threadRootId,
      authorId: null,
      visibleToId: userId,
      content: { summary: text },
    });
  }

  /** The bot hears channels and each person's conversation with it, not what two people say to each other. */
  function conversationOf(channel: ChannelRecord, authorId: string): "channel" | "direct" | null {
    if (channel.kind !== "direct") return "channel";
    return channel.directKey === botDirectKey(authorId) ? "direct" : null;
  }

  /**
   * What the bot hears of a person's message: a command (wherever it was typed), a message with the files sent with
   * it; null for what it does not hear.
   */
  function eventOf(message: MessageRecord, channel: ChannelRecord): WebInboundEvent | null {
    if (message.authorId === null) return null;
    const command = metadataOf(message).command;
    const where = { userId: message.authorId, channelId: message.channelId, threadRootId: message.threadRootId };
    if (command !== undefined) return { type: "command", eventId: `command:${message.id}`, ...where, text: command };
    const conversation = conversationOf(channel, message.authorId);
    if (!conversation) return null;
    const content = contentOf(message);
    const files = fileBlocksOf(content).map(({ fileId, filename, size }) => ({ fileId, filename, size }));
    const text = personText(content);
    return {
      type: "message",
      eventId: `message:${message.id}`,
      ...where,
      conversation,
      messageId: message.id,
      text,
      files,
    };
  }

  /** Hands a person's message to the bot; one that waits for it is marked heard once handled. Null: nobody listens. */
  function hear(message: MessageRecord, event: WebInboundEvent): Promise<void> | null {
    return bot.deliver(event, async () => {
      if (message.awaitingBot) await store.messages.markHeard(message.id);
    });
  }

  /** Inserts a person's message, publishes it and hands it to the bot; a thread reply or a file sent to the bot waits for it. */
  async function insertAsPerson(
    userId: string,
    channel: ChannelRecord,
    input: { threadRootId: string | null; content: WireContent; file?: NewMessage["file"] },
  ): Promise<MessageRecord> {
    const conversation = conversationOf(channel, userId);
    const message = await insertAndPublish(channel, {
      channelId: channel.id,
      threadRootId: input.threadRootId,
      authorId: userId,
      content: input.content,
      ...(input.file ? { file: input.file } : {}),
      // A thread reply may be part of a working group's plan, a file to the bot a spreadsheet to import: the bot
      // must hear them, even after a restart.
      awaitingBot:
        conversation !== null &&
        (input.threadRootId !== null || (conversation === "direct" && input.file !== undefined)),
    });
    const event = eventOf(message, channel);
    if (event) void hear(message, event);
    return message;
  }

  async function knownPerson(userId: string): Promise<string> {
    if (!(await store.accounts.find(userId))) throw new WebBotError("not_found", `nobody has the id ${userId}`);
    return userId;
  }

  type Placement = Omit<BotMessage, "content">;

  async function botTarget(input: Placement): Promise<ChannelRecord> {
    const channel =
      "userId" in input.to
        ? await channels.directWithBot(await knownPerson(input.to.userId))
        : await store.channels.find(input.to.channelId);
    if (!channel) throw new WebBotError("not_found", "no such channel in the web workspace");
    if (input.onlyVisibleTo) {
      await knownPerson(input.onlyVisibleTo);
      if (channel.kind !== "public" && !channel.memberIds.includes(input.onlyVisibleTo)) {
        throw new WebBotError("invalid", "a private reply goes to someone in the channel");
      }
    }
    if (input.threadRootId) {
      await threadRoot(channel, input.threadRootId, input.onlyVisibleTo ?? null).catch((error: unknown) => {
        if (error instanceof Refusal) throw new WebBotError("not_found", "no such thread in this channel");
        throw error;
      });
    }
    return channel;
  }

  async function botPost(input: Placement, content: WireContent, file?: NewMessage["file"]): Promise<PostedMessage> {
    const channel = await botTarget(input);
    const message = await insertAndPublish(channel, {
      channelId: channel.id,
      threadRootId: input.threadRootId ?? null,
      authorId: null,
      visibleToId: input.onlyVisibleTo ?? null,
      content,
      ...(input.metadata ? { metadata: input.metadata } : {}),
      ...(file ? { file } : {}),
    });
    return { messageId: message.id, channelId: channel.id, threadRootId: message.threadRootId };
  }

  async function botMessage(messageId: string): Promise<MessageRecord> {
    const message = await store.messages.find(messageId);
    if (!message || message.authorId !== null) throw new WebBotError("not_found", "no such message from the bot");
    return message;
  }

  async function republish(message: MessageRecord): Promise<PostedMessage> {
    const channel = await store.channels.find(message.channelId);
    if (channel) publish(channel, message);
    return { messageId: message.id, channelId: message.channelId, threadRootId: message.threadRootId };
  }

  return {
    async page(userId: string, channelId: string, options: { beforeSeq?: number; limit: number }) {
      const channel = await channels.readable(userId, channelId);
      const { messages, hasMore } = await store.messages.page(channel.id, userId, options);
      return { messages: messages.map(wireMessage), hasMore };
    },

    async thread(userId: string, rootId: string): Promise<{ root: WireMessage; replies: WireMessage[] }> {
      const { message: root } = await visible(userId, rootId);
      if (root.threadRootId !== null) throw new Refusal("not_found", "This message is not the start of a thread.");
      const replies = await store.messages.replies(root.id, userId);
      return { root: wireMessage(root), replies: replies.map(wireMessage) };
    },

    async postAsPerson(
      userId: string,
      input: { channelId: string; threadRootId: string | null; text: string },
    ): Promise<WireMessage> {
      const content = personContent(input.text);
      if (!content) throw new Refusal("invalid", "Please type a message first.");
      const channel = await channels.postable(userId, input.channelId);
      if (input.threadRootId) await threadRoot(channel, input.threadRootId, userId);
      return wireMessage(await insertAsPerson(userId, channel, { threadRootId: input.threadRootId, content }));
    },

    /** A file a person sends (with an optional text), kept like the bot's and downloaded by the message's readers. */
    async postFileAsPerson(
      userId: string,
      input: { channelId: string; threadRootId: string | null; text: string; filename: string; bytes: Uint8Array },
    ): Promise<WireMessage> {
      const filename = safeFilename(input.filename);
      if (input.bytes.byteLength === 0) throw new Refusal("invalid", `${filename} is empty.`);
      const channel = await channels.postable(userId, input.channelId);
      if (input.threadRootId) await threadRoot(channel, input.threadRootId, userId);
      const fileId = randomUUID();
      const block: FileBlock = { kind: "file", fileId, filename, title: filename, size: input.bytes.byteLength };
      const file = { id: fileId, filename, contentType: contentTypeOf(filename), bytes: input.bytes };
      const content = personFileContent(input.text, block);
      return wireMessage(await insertAsPerson(userId, channel, { threadRootId: input.threadRootId, content, file }));
    },

    async editAsPerson(userId: string, input: { messageId: string; version: number; text: string }) {
      const { message, channel } = await visible(userId, input.messageId);
      if (message.authorId !== userId || message.visibleToId !== null) {
        throw new Refusal("forbidden", "You can only edit your own messages.");
      }
      if (fileBlocksOf(contentOf(message)).length > 0) {
        throw new Refusal("invalid", "A message with a file cannot be edited: send it again instead.");
      }
      const content = personContent(input.text);
      if (!content) throw new Refusal("invalid", "A message cannot be empty.");
      const updated = await store.messages.update(message.id, content, input.version);
      if (!updated) throw new Refusal("conflict", "This message changed meanwhile: please look at it and edit again.");
      publish(channel, updated);
      if (conversationOf(channel, userId)) {
        void bot.deliver({
          type: "message.edited",
          eventId: `edit:${updated.id}:${updated.version}`,
          userId,
          channelId: channel.id,
          messageId: updated.id,
          text: personText(content),
        });
      }
      return wireMessage(updated);
    },

    /**
     * `/cluster …` from a message box: kept as a message only its person sees (so they see what they asked), and
     * handed to the bot; if no bot listens, it waits for one and the person is told.
     */
    async command(userId: string, input: { channelId: string; threadRootId: string | null; text: string }) {
      const match = /^\/cluster(?:\s+([\s\S]*))?$/i.exec(input.text.trim());
      if (!match) throw new Refusal("invalid", `Only ${commandPrefix} commands work here.`);
      const channel = await channels.readable(userId, input.channelId);
      if (input.threadRootId) await threadRoot(channel, input.threadRootId, userId);
      const words = (match[1] ?? "").trim().replace(/\s+/g, " ").slice(0, 2000);
      const message = await insertAndPublish(channel, {
        channelId: channel.id,
        threadRootId: input.threadRootId,
        authorId: userId,
        visibleToId: userId,
        content: { summary: `${commandPrefix} ${words}`.trim() },
        metadata: { command: words },
        awaitingBot: true,
      });
      const event = eventOf(message, channel);
      const delivered = event !== null && hear(message, event) !== null;
      if (!delivered) {
        const minutes = commandReplayWindowMs / 60_000;
        await privateNotice(
          userId,
          channel.id,
          input.threadRootId,
          `Clusterbot is not connected just now. It will answer when it is back (within ${minutes} minutes); otherwise please type it again.`,
        );
      }
      return { delivered, message: wireMessage(message) };
    },

    /** A button in a message or in the person's home view: only one that is really there can be pressed. */
    async press(userId: string, input: { messageId: string | null; actionId: string; value: string }) {
      let source: ActionSource;
      let blocks: WireContent["blocks"];
      if (input.messageId) {
        const { message } = await visible(userId, input.messageId);
        blocks = contentOf(message).blocks;
        source = {
          kind: "message",
          messageId: message.id,
          channelId: message.channelId,
          threadRootId: message.threadRootId,
        };
      } else {
        blocks = homeOf(await store.homes.find(userId))?.blocks;
        source = { kind: "home" };
      }
      pressButton(bot, userId, blocks, input, source);
    },

    /** The person looks at their home view: the bot may draw it again. */
    homeOpened(userId: string): boolean {
      return bot.deliver({ type: "home.opened", eventId: `home:${randomUUID()}`, userId }) !== null;
    },

    /** A shared file, if this person may read the message it was shared with. */
    async file(userId: string, fileId: string): Promise<FileRecord> {
      const file = await store.files.find(fileId);
      if (!file) throw new Refusal("not_found", "This file does not exist or you cannot see it.");
      await visible(userId, file.messageId);
      return file;
    },

    /**
     * When a bot connects: what people typed while none listened. Recent commands and every thread reply are handed
     * over in order; a command older than the replay window is answered "type it again" instead of run late.
     */
    async replayAwaiting(): Promise<{ heard: number; expired: number }> {
      const counts = { heard: 0, expired: 0 };
      for (const message of await store.messages.awaitingBot(500)) {
        const command = metadataOf(message).command;
        const age = ctx.now().getTime() - message.createdAt.getTime();
        if (command !== undefined && message.authorId && age > commandReplayWindowMs) {
          await privateNotice(message.authorId, message.channelId, message.threadRootId, [
            `Clusterbot was not running when you typed "${commandPrefix} ${command}" (`,
            { at: message.createdAt.toISOString(), show: "datetime" },
            "), so nothing happened. Please type it again.",
          ]);
          await store.messages.markHeard(message.id);
          counts.expired++;
          continue;
        }
        const channel = await store.channels.find(message.channelId);
        const event = channel && eventOf(message, channel);
        if (!event) {
          await store.messages.markHeard(message.id);
          continue;
        }
        const handled = hear(message, event);
        if (!handled) break;
        await handled;
        counts.heard++;
      }
      return counts;
    },

    async postAsBot(input: BotMessage): Promise<PostedMessage> {
      return botPost(input, botContent(input.content));
    },

    async uploadAsBot(to: { channelId: string; threadRootId?: string }, file: BotFile): Promise<PostedMessage> {
      if (file.bytes.byteLength > maxFileBytes) {
        throw new WebBotError("invalid", `a file of ${file.bytes.byteLength} bytes is over ${maxFileBytes}`);
      }
      const filename = safeFilename(file.filename);
      const fileId = randomUUID();
      const block: FileBlock = { kind: "file", fileId, filename, title: file.title, size: file.bytes.byteLength };
      const content = botContent(
        { summary: file.comment ?? file.title, blocks: file.comment ? [{ kind: "text", text: file.comment }] : [] },
        block,
      );
      const placement = {
        to: { channelId: to.channelId },
        ...(to.threadRootId ? { threadRootId: to.threadRootId } : {}),
      };
      return botPost(placement, content, {
        id: fileId,
        filename,
        contentType: contentTypeOf(filename),
        bytes: file.bytes,
      });
    },

    async updateAsBot(messageId: string, content: Message): Promise<PostedMessage> {
      const checked = botContent(content);
      const message = await botMessage(messageId);
      const updated = await store.messages.update(message.id, checked);
      if (!updated) throw new WebBotError("not_found", "no such message from the bot");
      return republish(updated);
    },

    async pinAsBot(messageId: string): Promise<void> {
      const message = await store.messages.find(messageId);
      if (!message) throw new WebBotError("not_found", "no such message");
      const pinned = await store.messages.pin(message.id, ctx.now());
      if (pinned) await republish(pinned);
    },

    /** Whether the bot's conversation with this person holds a message since `since` with this metadata. */
    async findDirect(userId: string, metadata: Record<string, string>, since: Date): Promise<boolean> {
      const channel = await store.channels.findDirect(botDirectKey(userId));
      if (!channel) return false;
      const sent = await store.messages.fromBotSince(channel.id, since, directSearchLimit);
      const wanted = Object.entries(metadata);
      return sent.some((message) => {
        const kept = metadataOf(message);
        return wanted.every(([key, value]) => kept[key] === value);
      });
    },
  };
}

export type MessageService = ReturnType<typeof messageService>;
