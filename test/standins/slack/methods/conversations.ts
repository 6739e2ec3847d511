import { optionalBoolean, optionalInteger, optionalString, requiredString, stringList } from "../args.ts";
import { fail } from "../errors.ts";
import { compareTs, slackId } from "../ids.ts";
import { channelNameError, LIMITS } from "../limits.ts";
import { pageLimit, paginate } from "../pagination.ts";
import { channelJson, messageJson } from "../serialize.ts";
import type { WorkspaceState } from "../state.ts";
import type { ChannelKind, SlackChannel } from "../types.ts";
import { joinedChannel, type MethodTable, visibleChannel } from "./context.ts";

export const conversationsMethods: MethodTable = {
  "conversations.open": ({ state, args }) => {
    const existingId = optionalString(args, "channel");
    if (existingId) return { channel: { id: visibleChannel(state, existingId).id } };
    const userIds = stringList(args, "users").filter((id) => id !== state.identity.botUserId);
    if (userIds.length === 0) return fail("users_list_not_supplied");
    for (const id of userIds) if (!state.user(id) || state.user(id)?.deleted) return fail("user_not_found");
    const alreadyOpen = findOpen(state, userIds);
    const channel = alreadyOpen ?? (userIds.length === 1 ? state.imWith(userIds[0] ?? "") : openMpim(state, userIds));
    const body = optionalBoolean(args, "return_im") ? channelJson(state, channel) : { id: channel.id };
    return alreadyOpen ? { no_op: true, already_open: true, channel: body } : { channel: body };
  },

  "conversations.create": ({ state, args }) => {
    const name = requiredString(args, "name");
    const nameError = channelNameError(name);
    if (nameError) return fail(nameError);
    if (state.channelByName(name)) return fail("name_taken");
    const channel = state.addChannel({
      name,
      isPrivate: optionalBoolean(args, "is_private") ?? false,
      members: [state.identity.botUserId],
    });
    return { channel: channelJson(state, channel) };
  },

  "conversations.invite": ({ state, args }) => {
    const channel = joinedChannel(state, requiredString(args, "channel"));
    if (channel.kind === "im" || channel.kind === "mpim") return fail("method_not_supported_for_channel_type");
    if (channel.is_archived) return fail("is_archived");
    const userIds = stringList(args, "users");
    if (userIds.length === 0) return fail("no_user");
    for (const id of userIds) {
      if (id === state.identity.botUserId) return fail("cant_invite_self");
      const user = state.user(id);
      if (!user || user.deleted) return fail("user_not_found");
      if (state.isMember(channel, id)) return fail("already_in_channel");
    }
    channel.members.push(...new Set(userIds));
    return { channel: channelJson(state, channel) };
  },

  "conversations.kick": ({ state, args }) => {
    const channel = joinedChannel(state, requiredString(args, "channel"));
    const userId = requiredString(args, "user");
    if (userId === state.identity.botUserId) return fail("cant_kick_self");
    if (!state.isMember(channel, userId)) return fail("not_in_channel");
    channel.members = channel.members.filter((id) => id !== userId);
    return {};
  },

  "conversations.archive": ({ state, args }) => {
    const channel = joinedChannel(state, requiredString(args, "channel"));
    if (channel.kind === "im" || channel.kind === "mpim") return fail("method_not_supported_for_channel_type");
    if (channel.is_archived) return fail("already_archived");
    channel.is_archived = true;
    return {};
  },

  "conversations.info": ({ state, args }) => {
    const channel = visibleChannel(state, requiredString(args, "channel"));
    return { channel: channelJson(state, channel) };
  },

  "conversations.list": ({ state, args }) => {
    const kinds = listKinds(stringList(args, "types"));
    const excludeArchived = optionalBoolean(args, "exclude_archived") ?? false;
    const all = [...state.channels.values()].filter(
      (c) =>
        kinds.has(c.kind) &&
        (c.kind === "public" || state.isMember(c, state.identity.botUserId)) &&
        !(excludeArchived && c.is_archived),
    );
    const page = paginate(all, optionalString(args, "cursor"), pageLimit(optionalInteger(args, "limit"), 100, 1000));
    return {
      channels: page.items.map((c) => channelJson(state, c)),
      response_metadata: { next_cursor: page.nextCursor },
    };
  },

  "conversations.history": ({ state, args }) => {
    const channel = joinedChannel(state, requiredString(args, "channel"));
    const oldest = optionalString(args, "oldest") ?? "0";
    const latest = optionalString(args, "latest");
    const inclusive = optionalBoolean(args, "inclusive") ?? false;
    const withMetadata = optionalBoolean(args, "include_all_metadata") ?? false;
    const inRange = state
      .channelTimeline(channel.id)
      .filter((m) => after(m.ts, oldest, inclusive) && (latest === undefined || before(m.ts, latest, inclusive)))
      .reverse();
    const page = paginate(inRange, optionalString(args, "cursor"), pageLimit(optionalInteger(args, "limit"), 100, 999));
    return {
      messages: page.items.map((m) => messageJson(m, withMetadata)),
      has_more: page.nextCursor !== "",
      pin_count: 0,
      channel_actions_ts: null,
      channel_actions_count: 0,
      response_metadata: { next_cursor: page.nextCursor },
    };
  },

  "conversations.replies": ({ state, args }) => {
    const channel = joinedChannel(state, requiredString(args, "channel"));
    const ts = requiredString(args, "ts");
    const parent = state.message(channel.id, ts) ?? fail("thread_not_found");
    const threadTs = parent.thread_ts ?? parent.ts;
    const withMetadata = optionalBoolean(args, "include_all_metadata") ?? false;
    const thread = state.messagesIn(channel.id).filter((m) => m.ts === threadTs || m.thread_ts === threadTs);
    const page = paginate(
      thread,
      optionalString(args, "cursor"),
      pageLimit(optionalInteger(args, "limit"), 1000, 1000),
    );
    return {
      messages: page.items.map((m) => messageJson(m, withMetadata)),
      has_more: page.nextCursor !== "",
      response_metadata: { next_cursor: page.nextCursor },
    };
  },

  "conversations.members": ({ state, args }) => {
    const channel = visibleChannel(state, requiredString(args, "channel"));
    const limit = pageLimit(optionalInteger(args, "limit"), 100, 1000);
    const page = paginate(channel.members, optionalString(args, "cursor"), limit);
    return { members: page.items, response_metadata: { next_cursor: page.nextCursor } };
  },

  "conversations.join": ({ state, args }) => {
    const channel = visibleChannel(state, requiredString(args, "channel"));
    if (channel.kind !== "public") return fail("method_not_supported_for_channel_type");
    if (channel.is_archived) return fail("is_archived");
    if (state.isMember(channel, state.identity.botUserId)) {
      return {
        channel: channelJson(state, channel),
        warning: "already_in_channel",
        response_metadata: { warnings: ["already_in_channel"] },
      };
    }
    channel.members.push(state.identity.botUserId);
    return { channel: channelJson(state, channel) };
  },

  "conversations.setTopic": ({ state, args }) => {
    const channel = joinedChannel(state, requiredString(args, "channel"));
    const topic = optionalString(args, "topic") ?? "";
    if (topic.length > LIMITS.topic) return fail("too_long");
    channel.topic = { value: topic, creator: state.identity.botUserId, last_set: state.nowSeconds() };
    return { channel: channelJson(state, channel) };
  },
};

const TYPE_TO_KIND: Record<string, ChannelKind> = {
  public_channel: "public",
  private_channel: "private",
  im: "im",
  mpim: "mpim",
};

function listKinds(types: string[]): Set<ChannelKind> {
  if (types.length === 0) return new Set(["public"]);
  const kinds = new Set<ChannelKind>();
  for (const type of types) {
    const kind = TYPE_TO_KIND[type];
    if (!kind) return fail("invalid_types");
    kinds.add(kind);
  }
  return kinds;
}

function findOpen(state: WorkspaceState, userIds: string[]): SlackChannel | undefined {
  const wanted = new Set([...userIds, state.identity.botUserId]);
  const kind = userIds.length === 1 ? "im" : "mpim";
  for (const channel of state.channels.values()) {
    if (channel.kind !== kind || channel.members.length !== wanted.size) continue;
    if (channel.members.every((id) => wanted.has(id))) return channel;
  }
  return undefined;
}

function openMpim(state: WorkspaceState, userIds: string[]): SlackChannel {
  const members = [state.identity.botUserId, ...userIds];
  const names = members.map((id) => state.user(id)?.name ?? id);
  const channel = state.addChannel({ id: slackId("G"), name: `mpdm-${names.join("--")}-1`, members, isPrivate: true });
  channel.kind = "mpim";
  return channel;
}

function after(ts: string, oldest: string, inclusive: boolean): boolean {
  const c = compareTs(ts, oldest);
  return inclusive ? c >= 0 : c > 0;
}

function before(ts: string, latest: string, inclusive: boolean): boolean {
  const c = compareTs(ts, latest);
  return inclusive ? c <= 0 : c < 0;
}
