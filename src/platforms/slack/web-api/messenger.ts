// Direct messages, profiles and Do Not Disturb on Slack's Web API. The notification key travels as message
// metadata, so a DM can be found again by it (conversations.history with include_all_metadata).
import { z } from "zod";
import type { PlatformMessenger } from "../../../app/ports/platform.ts";
import { renderMessage } from "../render/message.ts";
import { slackUserSchema, toPersonProfile } from "../user-profile.ts";
import type { SlackCaller } from "./call.ts";

/** The metadata event type our direct messages carry, with `event_payload.key` the notification key. */
export const notificationEventType = "clusterbot_notification";

/** Pages of DM history searched for a key (100 messages each). */
const historyPages = 5;

const postedSchema = z.object({ channel: z.string(), ts: z.string() });
const openedSchema = z.object({ channel: z.object({ id: z.string() }) });
const historySchema = z.object({
  messages: z
    .array(
      z.object({
        metadata: z
          .object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() })
          .optional(),
      }),
    )
    .default([]),
  has_more: z.boolean().optional(),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});
const userSchema = z.object({ user: slackUserSchema });
const dndSchema = z.object({
  dnd_enabled: z.boolean().optional(),
  next_dnd_start_ts: z.number().optional(),
  next_dnd_end_ts: z.number().optional(),
  snooze_enabled: z.boolean().optional(),
  snooze_endtime: z.number().optional(),
});

export function slackMessenger(slack: SlackCaller): PlatformMessenger {
  return {
    // Slack opens (or reuses) the bot's DM when a message is posted to a user id.
    async sendDirect(userId, message, key) {
      const { text, blocks } = renderMessage(message);
      await slack.call(
        "chat.postMessage",
        {
          channel: userId,
          text,
          blocks,
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: notificationEventType, event_payload: { key } },
        },
        postedSchema,
      );
    },

    async findDirect(userId, key, since) {
      const opened = await slack.call("conversations.open", { users: userId }, openedSchema);
      let cursor: string | undefined;
      for (let page = 0; page < historyPages; page++) {
        const history = await slack.call(
          "conversations.history",
          {
            channel: opened.channel.id,
            oldest: (since.getTime() / 1000).toFixed(6),
            include_all_metadata: true,
            limit: 100,
            ...(cursor ? { cursor } : {}),
          },
          historySchema,
        );
        const found = history.messages.some(
          ({ metadata }) => metadata?.event_type === notificationEventType && metadata.event_payload?.key === key,
        );
        if (found) return true;
        cursor = history.response_metadata?.next_cursor || undefined;
        if (!history.has_more || !cursor) return false;
      }
      return false;
    },

    async profile(userId) {
      const { user } = await slack.call("users.info", { user: userId }, userSchema);
      return toPersonProfile(user);
    },

    async doNotDisturbUntil(userId, now) {
      const dnd = await slack.call("dnd.info", { user: userId }, dndSchema);
      const nowSeconds = now.getTime() / 1000;
      if (dnd.snooze_enabled && dnd.snooze_endtime && dnd.snooze_endtime > nowSeconds) {
        return new Date(dnd.snooze_endtime * 1000);
      }
      const start = dnd.next_dnd_start_ts;
      const end = dnd.next_dnd_end_ts;
      if (dnd.dnd_enabled && start && end && start <= nowSeconds && nowSeconds < end) return new Date(end * 1000);
      return null;
    },
  };
}
