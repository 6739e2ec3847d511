// The chat port on Slack's Web API: Block Kit rendering with user text escaped (render/message.ts), the message tag
// as Slack message metadata, DM history search for tags, profiles, Do Not Disturb. A 429 becomes RateLimitedError
// at once (no waiting inside the client) and nothing is retried here: the scheduler owns waiting and retrying.
import { webApi } from "@slack/bolt";
import { z } from "zod";
import {
  type ChatMessage,
  type ChatPort,
  type ChatUserProfile,
  RateLimitedError,
  type SentMessage,
} from "../../app/ports/chat.ts";
import type { Logger } from "../../logging/logger.ts";
import { renderMessage } from "./render/message.ts";
import { slackUserSchema, toChatUserProfile } from "./user-profile.ts";

export interface SlackChatPortOptions {
  token: string;
  /** Web API base URL, e.g. the local stand-in's; Slack's by default. */
  apiUrl?: string;
  logger?: Logger;
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
}

/** Slack answered `ok: false` (or something unreadable). `retryable` is false when another attempt cannot help. */
export class SlackCallError extends Error {
  readonly method: string;
  readonly code: string;
  readonly retryable: boolean;

  constructor(method: string, code: string, options?: { cause?: unknown }) {
    super(`Slack ${method} failed: ${code}`, options);
    this.name = "SlackCallError";
    this.method = method;
    this.code = code;
    this.retryable = !permanentErrors.has(code);
  }
}

const permanentErrors = new Set([
  "account_inactive",
  "cannot_dm_bot",
  "channel_not_found",
  "invalid_auth",
  "invalid_blocks",
  "is_archived",
  "missing_scope",
  "msg_too_long",
  "no_permission",
  "not_authed",
  "not_in_channel",
  "token_revoked",
  "user_not_found",
  "users_not_found",
]);

/** Pages of DM history searched for a tag (100 messages each). */
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

export function createSlackChatPort(options: SlackChatPortOptions): ChatPort {
  const client = new webApi.WebClient(options.token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: options.timeoutMs ?? 10_000,
    logLevel: webApi.LogLevel.ERROR,
  });
  const log = options.logger;

  async function call<T>(method: string, args: Record<string, unknown>, schema: z.ZodType<T>): Promise<T> {
    let response: unknown;
    try {
      response = await client.apiCall(method, args);
    } catch (error) {
      if (error instanceof webApi.WebAPIRateLimitedError) {
        log?.debug({ method, retryAfter: error.retryAfter }, "Slack rate limit");
        throw new RateLimitedError(error.retryAfter, { cause: error });
      }
      if (error instanceof webApi.WebAPIPlatformError) {
        throw new SlackCallError(method, error.data.error, { cause: error });
      }
      throw error;
    }
    const parsed = schema.safeParse(response);
    if (!parsed.success) throw new SlackCallError(method, "unexpected_response", { cause: parsed.error });
    return parsed.data;
  }

  async function post(channel: string, message: ChatMessage, threadId?: string): Promise<SentMessage> {
    const { text, blocks } = renderMessage(message);
    const posted = await call(
      "chat.postMessage",
      {
        channel,
        text,
        blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadId ? { thread_ts: threadId } : {}),
        ...(message.tag ? { metadata: { event_type: message.tag.type, event_payload: { key: message.tag.key } } } : {}),
      },
      postedSchema,
    );
    return { channelId: posted.channel, messageId: posted.ts };
  }

  return {
    // Slack opens (or reuses) the bot's DM when a message is posted to a user id.
    sendDirectMessage: (userExternalId, message) => post(userExternalId, message),

    postToChannel: (channelExternalId, message, threadId) => post(channelExternalId, message, threadId),

    async hasTaggedDirectMessage(userExternalId, tag, since) {
      const opened = await call("conversations.open", { users: userExternalId }, openedSchema);
      let cursor: string | undefined;
      for (let page = 0; page < historyPages; page++) {
        const history = await call(
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
          ({ metadata }) => metadata?.event_type === tag.type && metadata.event_payload?.key === tag.key,
        );
        if (found) return true;
        cursor = history.response_metadata?.next_cursor || undefined;
        if (!history.has_more || !cursor) return false;
      }
      return false;
    },

    async userProfile(userExternalId): Promise<ChatUserProfile> {
      const { user } = await call("users.info", { user: userExternalId }, userSchema);
      return toChatUserProfile(user);
    },

    async doNotDisturbUntil(userExternalId, now) {
      const dnd = await call("dnd.info", { user: userExternalId }, dndSchema);
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
