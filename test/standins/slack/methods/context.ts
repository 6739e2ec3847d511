import { fail } from "../errors.ts";
import type { WorkspaceState } from "../state.ts";
import type { Args, JsonObject, SlackChannel } from "../types.ts";

export interface MethodContext {
  state: WorkspaceState;
  args: Args;
}

/** Returns the success body without `ok`; throws SlackApiError for `{ ok: false }` answers. */
export type MethodHandler = (ctx: MethodContext) => JsonObject;

export type MethodTable = Record<string, MethodHandler>;

/** A conversation the bot can see: private channels it is not in look like they do not exist. */
export function visibleChannel(state: WorkspaceState, id: string): SlackChannel {
  const channel = state.requireChannel(id);
  if (channel.kind !== "public" && !state.isMember(channel, state.identity.botUserId)) return fail("channel_not_found");
  return channel;
}

/** A conversation the bot must be a member of (history, posting, inviting). */
export function joinedChannel(state: WorkspaceState, id: string): SlackChannel {
  const channel = visibleChannel(state, id);
  if (!state.isMember(channel, state.identity.botUserId)) return fail("not_in_channel");
  return channel;
}

/** chat.* accept a channel id, a `#name`, or a user id (which means the bot's DM with that user). */
export function postTarget(state: WorkspaceState, target: string): SlackChannel {
  if (/^[UW][A-Z0-9]+$/.test(target)) {
    const user = state.user(target);
    if (!user || user.deleted) return fail("channel_not_found");
    return state.imWith(user.id);
  }
  const byId = state.channel(target);
  const channel = byId ?? state.channelByName(target) ?? fail("channel_not_found");
  const joined = joinedChannel(state, channel.id);
  if (joined.is_archived) return fail("is_archived");
  return joined;
}
