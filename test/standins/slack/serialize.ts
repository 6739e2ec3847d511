import type { WorkspaceState } from "./state.ts";
import type { JsonObject, SlackChannel, SlackMessage, SlackUser, SlackView } from "./types.ts";

/** Converts stored objects into the JSON Slack's Web API returns. */

export function channelJson(state: WorkspaceState, channel: SlackChannel): JsonObject {
  const isMember = state.isMember(channel, state.identity.botUserId);
  if (channel.kind === "im") {
    return {
      id: channel.id,
      created: channel.created,
      is_im: true,
      is_org_shared: false,
      user: channel.user ?? "",
      is_user_deleted: state.user(channel.user ?? "")?.deleted ?? false,
      priority: 0,
    };
  }
  const isPrivate = channel.kind !== "public";
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: channel.kind === "public",
    is_group: channel.kind === "private",
    is_im: false,
    is_mpim: channel.kind === "mpim",
    is_private: isPrivate,
    is_archived: channel.is_archived,
    is_general: false,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    is_member: isMember,
    created: channel.created,
    creator: channel.creator,
    unlinked: 0,
    topic: { ...channel.topic },
    purpose: { ...channel.purpose },
    num_members: channel.members.length,
  };
}

export function messageJson(message: SlackMessage, includeMetadata: boolean): JsonObject {
  const { channel: _channel, metadata, ...rest } = message;
  const out: JsonObject = { ...rest };
  if (includeMetadata && metadata) out.metadata = metadata;
  return out;
}

export function userJson(user: SlackUser): JsonObject {
  return { ...user, profile: { ...user.profile } };
}

export function viewJson(view: SlackView): JsonObject {
  return structuredClone({ ...view });
}
