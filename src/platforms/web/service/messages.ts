// Messages as people and the bot post them: who may post where, threads, edits, live delivery to exactly the
// people who may see each message, and what is handed to the bot.
import { randomUUID } from "node:crypto";
import { type BotMessage, type PostedMessage, WebBotError } from "../bot-api.ts";
import { messageContentSchema, personContent } from "../content.ts";
import type { MessageButton, MessageContent, WireMessage } from "../protocol.ts";
import type { ChannelRecord } from "../store/channels.ts";
import type { MessageRecord } from "../store/messages.ts";
import type { ChannelService } from "./channels.ts";
import type { WorkspaceContext } from "./context.ts";
import { Refusal } from "./errors.ts";
import { wireMessage } from "./views.ts";

export const commandPrefix = "/cluster";

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

  async function insertAndPublish(channel: ChannelRecord, input: Parameters<typeof store.messages.insert>[0]) {
    const message = await store.messages.insert(input);
    publish(channel, message);
    if (message.threadRootId && !message.visibleToId) await publishRoot(channel, message.threadRootId);
    return message;
  }

  async function privateNotice(userId: string, channel: ChannelRecord, threadRootId: string | null, text: string) {
    await insertAndPublish(channel, {
      channelId: channel.id,
      threadRootId,
      authorId: null,
      visibleToId: userId,
      content: { text },
    });
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
      const message = await insertAndPublish(channel, {
        channelId: channel.id,
        threadRootId: input.threadRootId,
        authorId: userId,
        content,
      });
      bot.deliver({
        type: "message",
        eventId: `message:${message.id}`,
        userId,
        channelId: channel.id,
        threadRootId: message.threadRootId,
        messageId: message.id,
        text: content.text,
      });
      return wireMessage(message);
    },

    async editAsPerson(userId: string, input: { messageId: string; version: number; text: string }) {
      const { message, channel } = await visible(userId, input.messageId);
      if (message.authorId !== userId) throw new Refusal("forbidden", "You can only edit your own messages.");
      const content = personContent(input.text);
      if (!content) throw new Refusal("invalid", "A message cannot be empty.");
      const updated = await store.messages.update(message.id, content, input.version);
      if (!updated) throw new Refusal("conflict", "This message changed meanwhile: please look at it and edit again.");
      publish(channel, updated);
      bot.deliver({
        type: "message.edited",
        eventId: `edit:${updated.id}:${updated.version}`,
        userId,
        channelId: channel.id,
        messageId: updated.id,
        text: content.text,
      });
      return wireMessage(updated);
    },

    /** `/cluster …` from a message box: handed to the bot; nothing is posted for others to see. */
    async command(userId: string, input: { channelId: string; threadRootId: string | null; text: string }) {
      const match = /^\/cluster(?:\s+([\s\S]*))?$/i.exec(input.text.trim());
      if (!match) throw new Refusal("invalid", `Only ${commandPrefix} commands work here.`);
      const channel = await channels.readable(userId, input.channelId);
      const text = (match[1] ?? "").trim();
      const delivered = bot.deliver({
        type: "command",
        eventId: `command:${randomUUID()}`,
        userId,
        channelId: channel.id,
        threadRootId: input.threadRootId,
        text,
      });
      if (!delivered) {
        await privateNotice(
          userId,
          channel,
          input.threadRootId,
          `Clusterbot is not connected to this workspace yet, so "${commandPrefix} ${text}" did nothing.`,
        );
      }
      return { delivered };
    },

    /** A button in a message or in the person's home view: only one that is really there can be pressed. */
    async press(userId: string, input: { messageId: string | null; actionId: string; value: string }) {
      let source:
        | { kind: "home" }
        | { kind: "message"; messageId: string; channelId: string; threadRootId: string | null };
      let content: MessageContent | null;
      if (input.messageId) {
        const { message } = await visible(userId, input.messageId);
        content = message.content;
        source = {
          kind: "message",
          messageId: message.id,
          channelId: message.channelId,
          threadRootId: message.threadRootId,
        };
      } else {
        content = await store.homes.find(userId);
        source = { kind: "home" };
      }
      if (!content || !hasButton(content, input.actionId, input.value)) {
        throw new Refusal("not_found", "This button is no longer there.");
      }
      const delivered = bot.deliver({
        type: "action",
        eventId: `action:${randomUUID()}`,
        userId,
        actionId: input.actionId,
        value: input.value,
        source,
      });
      if (!delivered) throw new Refusal("conflict", "Clusterbot is not connected to this workspace yet.");
    },

    async postAsBot(input: BotMessage): Promise<PostedMessage> {
      const content = checkedContent(input.content);
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
        await threadRoot(channel, input.threadRootId, input.onlyVisibleTo ?? null).catch(() => {
          throw new WebBotError("not_found", "no such thread in this channel");
        });
      }
      const message = await insertAndPublish(channel, {
        channelId: channel.id,
        threadRootId: input.threadRootId ?? null,
        authorId: null,
        visibleToId: input.onlyVisibleTo ?? null,
        content,
        metadata: input.metadata,
      });
      return { messageId: message.id, channelId: channel.id, threadRootId: message.threadRootId };
    },

    async updateAsBot(messageId: string, content: MessageContent): Promise<PostedMessage> {
      const checked = checkedContent(content);
      const message = await store.messages.find(messageId);
      if (!message || message.authorId !== null) throw new WebBotError("not_found", "no such message from the bot");
      const updated = (await store.messages.update(message.id, checked))!;
      const channel = (await store.channels.find(updated.channelId))!;
      publish(channel, updated);
      return { messageId: updated.id, channelId: updated.channelId, threadRootId: updated.threadRootId };
    },
  };

  async function knownPerson(userId: string): Promise<string> {
    if (!(await store.accounts.find(userId))) throw new WebBotError("not_found", `nobody has the id ${userId}`);
    return userId;
  }
}

export function checkedContent(content: unknown): MessageContent {
  const parsed = messageContentSchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WebBotError("invalid", `message content: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

function hasButton(content: MessageContent, actionId: string, value: string): boolean {
  return (content.blocks ?? []).some(
    (block) =>
      block.type === "actions" &&
      block.buttons.some((button: MessageButton) => button.actionId === actionId && button.value === value),
  );
}

export type MessageService = ReturnType<typeof messageService>;
