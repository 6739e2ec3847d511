import { fail } from "./errors.ts";
import type { WorkspaceState } from "./state.ts";
import type { SlackMessage } from "./types.ts";

/** The top-level message a reply with `thread_ts` belongs to; `invalid_thread_ts` when there is none. */
export function threadParent(state: WorkspaceState, channelId: string, threadTs: string): SlackMessage {
  const parent = state.message(channelId, threadTs);
  if (!parent || (parent.thread_ts !== undefined && parent.thread_ts !== parent.ts)) return fail("invalid_thread_ts");
  return parent;
}

/** Updates the parent's thread fields after `reply` was stored, like Slack does. */
export function linkReply(parent: SlackMessage, reply: SlackMessage): void {
  reply.thread_ts = parent.ts;
  parent.thread_ts = parent.ts;
  parent.reply_count = (parent.reply_count ?? 0) + 1;
  parent.reply_users = [...new Set([...(parent.reply_users ?? []), reply.user])];
  parent.latest_reply = reply.ts;
}

/** Stores a message, threading it under `threadTs` when given. */
export function storeMessage(state: WorkspaceState, message: SlackMessage, threadTs: string | undefined): SlackMessage {
  const parent = threadTs ? threadParent(state, message.channel, threadTs) : undefined;
  state.addMessage(message);
  if (parent) linkReply(parent, message);
  return message;
}

/** The fields of a message posted by the bot, with a fresh ts. */
export function botMessage(state: WorkspaceState, channelId: string): Omit<SlackMessage, "text"> {
  const { identity } = state;
  return {
    type: "message",
    channel: channelId,
    ts: state.nextTs(),
    user: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
    team: identity.teamId,
  };
}
