// What the app asks of the browser workspace outside a request: direct messages (the notification key kept as
// message metadata, so a DM can be found again by it), profiles, and channels for working groups.
import { ChannelNameTakenError } from "../../../app/ports/errors.ts";
import type { PlatformLink } from "../../../app/ports/platform.ts";
import { type WebBotApi, WebBotError } from "../bot-api.ts";
import { personProfile } from "./conversation.ts";

/** The metadata key our direct messages carry. */
const notificationKey = "notificationKey";

export function webLink(bot: WebBotApi): PlatformLink {
  return {
    messenger: {
      async sendDirect(userId, message, key) {
        await bot.post({ to: { userId }, content: message, metadata: { [notificationKey]: key } });
      },

      findDirect: (userId, key, since) => bot.findDirect(userId, { [notificationKey]: key }, since),

      async profile(userId) {
        const person = await bot.person(userId);
        if (!person) throw new WebBotError("not_found", `nobody has the id ${userId} in the web workspace`);
        return personProfile(person);
      },
    },

    channels: {
      async create(name, isPrivate) {
        try {
          return await bot.createChannel({ name, visibility: isPrivate ? "private" : "public", memberIds: [] });
        } catch (error) {
          if (error instanceof WebBotError && error.code === "name_taken") {
            throw new ChannelNameTakenError(name, { cause: error });
          }
          throw error;
        }
      },

      async invite(channelId, userIds) {
        const wanted = [...new Set(userIds)];
        const invited = await bot.addMembers(channelId, wanted);
        return { invited, alreadyIn: wanted.filter((id) => !invited.includes(id)) };
      },

      post: (channelId, message) => bot.post({ to: { channelId }, content: message }),

      reply: (channelId, threadId, message) =>
        bot.post({ to: { channelId }, threadRootId: threadId, content: message }),

      async update(_channelId, messageId, message) {
        await bot.update(messageId, message);
      },

      pin: (_channelId, messageId) => bot.pin(messageId),

      async upload(channelId, file, threadId) {
        await bot.upload({ channelId, ...(threadId ? { threadRootId: threadId } : {}) }, file);
      },
    },
  };
}
