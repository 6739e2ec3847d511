// Channels on Slack's Web API: create, invite, post, reply in a thread, update, pin, upload a file (the three calls
// of filesUploadV2).
import { z } from "zod";
import { ChannelNameTakenError } from "../../../app/ports/errors.ts";
import type { PlatformChannels } from "../../../app/ports/platform.ts";
import { renderMessage } from "../render/message.ts";
import { SlackCallError, type SlackCaller } from "./call.ts";

/** conversations.invite takes at most this many users a call. */
const inviteBatch = 1000;

const createdSchema = z.object({ channel: z.object({ id: z.string(), name: z.string() }) });
const membersSchema = z.object({
  members: z.array(z.string()).default([]),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});
const postedSchema = z.object({ ts: z.string() });
const infoSchema = z.object({ channel: z.object({ is_archived: z.boolean().optional() }) });
const okSchema = z.object({});

export function slackChannels(slack: SlackCaller): PlatformChannels {
  async function members(channelId: string): Promise<Set<string>> {
    const found = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await slack.call(
        "conversations.members",
        { channel: channelId, limit: 1000, ...(cursor ? { cursor } : {}) },
        membersSchema,
      );
      for (const member of page.members) found.add(member);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return found;
  }

  async function post(channelId: string, message: Parameters<typeof renderMessage>[0], threadId?: string) {
    const { text, blocks } = renderMessage(message);
    const posted = await slack.call(
      "chat.postMessage",
      { channel: channelId, text, blocks, unfurl_links: false, ...(threadId ? { thread_ts: threadId } : {}) },
      postedSchema,
    );
    return { messageId: posted.ts };
  }

  return {
    async create(name, isPrivate) {
      try {
        const { channel } = await slack.call("conversations.create", { name, is_private: isPrivate }, createdSchema);
        return { channelId: channel.id, name: channel.name };
      } catch (error) {
        if (error instanceof SlackCallError && error.code === "name_taken")
          throw new ChannelNameTakenError(name, { cause: error });
        throw error;
      }
    },

    async invite(channelId, userIds) {
      const present = await members(channelId);
      const alreadyIn = userIds.filter((id) => present.has(id));
      const invited = [...new Set(userIds.filter((id) => !present.has(id)))];
      for (let start = 0; start < invited.length; start += inviteBatch) {
        const users = invited.slice(start, start + inviteBatch).join(",");
        await slack.call("conversations.invite", { channel: channelId, users }, okSchema);
      }
      return { invited, alreadyIn };
    },

    async state(channelId) {
      try {
        const { channel } = await slack.call("conversations.info", { channel: channelId }, infoSchema);
        return channel.is_archived ? "archived" : "open";
      } catch (error) {
        if (error instanceof SlackCallError && error.code === "channel_not_found") return "gone";
        throw error;
      }
    },

    post: (channelId, message) => post(channelId, message),

    reply: (channelId, threadId, message) => post(channelId, message, threadId),

    async update(channelId, messageId, message) {
      const { text, blocks } = renderMessage(message);
      await slack.call("chat.update", { channel: channelId, ts: messageId, text, blocks }, okSchema);
    },

    async pin(channelId, messageId) {
      await slack.call("pins.add", { channel: channelId, timestamp: messageId }, okSchema);
    },

    async upload(channelId, file, threadId) {
      const content = {
        file: Buffer.from(file.bytes),
        filename: file.filename,
        title: file.title,
        ...(file.comment ? { initial_comment: file.comment } : {}),
      };
      await slack.guard("files.uploadV2", () =>
        slack.client.filesUploadV2(
          threadId ? { ...content, channel_id: channelId, thread_ts: threadId } : { ...content, channel_id: channelId },
        ),
      );
    },
  };
}
