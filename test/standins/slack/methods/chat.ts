import { optionalString, requiredString } from "../args.ts";
import { fail } from "../errors.ts";
import { readMessageContent } from "../message-content.ts";
import { messageJson } from "../serialize.ts";
import { botMessage, storeMessage } from "../threads.ts";
import { type MethodTable, postTarget, visibleChannel } from "./context.ts";

export const chatMethods: MethodTable = {
  "chat.postMessage": ({ state, args }) => {
    const channel = postTarget(state, requiredString(args, "channel"));
    const content = readMessageContent(args, true);
    const threadTs = optionalString(args, "thread_ts");
    const message = storeMessage(
      state,
      {
        ...botMessage(state, channel.id),
        text: content.text ?? "",
        ...(content.blocks ? { blocks: content.blocks } : {}),
        ...(content.metadata ? { metadata: content.metadata } : {}),
      },
      threadTs,
    );
    return { channel: channel.id, ts: message.ts, message: messageJson(message, true) };
  },

  "chat.postEphemeral": ({ state, args }) => {
    const channel = postTarget(state, requiredString(args, "channel"));
    const userId = requiredString(args, "user");
    state.requireUser(userId);
    if (!state.isMember(channel, userId)) return fail("user_not_in_channel");
    const content = readMessageContent(args, true);
    const threadTs = optionalString(args, "thread_ts");
    const ts = state.nextTs();
    state.ephemerals.push({
      channel: channel.id,
      user: userId,
      ts,
      text: content.text ?? "",
      ...(content.blocks ? { blocks: content.blocks } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    return { message_ts: ts };
  },

  "chat.update": ({ state, args }) => {
    const channel = visibleChannel(state, requiredString(args, "channel"));
    const message = state.message(channel.id, requiredString(args, "ts")) ?? fail("message_not_found");
    if (message.user !== state.identity.botUserId) return fail("cant_update_message");
    const content = readMessageContent(args, false);
    if (content.text === undefined && content.blocks === undefined && content.metadata === undefined) {
      return fail("no_text");
    }
    if (content.text !== undefined) message.text = content.text;
    if (content.blocks !== undefined) message.blocks = content.blocks;
    if (content.metadata !== undefined) message.metadata = content.metadata;
    message.edited = { user: state.identity.botUserId, ts: state.nextTs() };
    return { channel: channel.id, ts: message.ts, text: message.text, message: messageJson(message, true) };
  },

  "chat.delete": ({ state, args }) => {
    const channel = visibleChannel(state, requiredString(args, "channel"));
    const ts = requiredString(args, "ts");
    const message = state.message(channel.id, ts) ?? fail("message_not_found");
    if (message.user !== state.identity.botUserId) return fail("cant_delete_message");
    state.removeMessage(channel.id, ts);
    return { channel: channel.id, ts };
  },

  "chat.getPermalink": ({ state, args }) => {
    const channel = visibleChannel(state, requiredString(args, "channel"));
    const ts = requiredString(args, "message_ts");
    const message = state.message(channel.id, ts) ?? fail("message_not_found");
    const base = `https://${state.identity.teamDomain}.slack.com/archives/${channel.id}/p${ts.replace(".", "")}`;
    const permalink = message.thread_ts && message.thread_ts !== ts ? `${base}?thread_ts=${message.thread_ts}` : base;
    return { channel: channel.id, permalink };
  },
};
