import { requiredString } from "../args.ts";
import { fail } from "../errors.ts";
import { messageJson } from "../serialize.ts";
import { joinedChannel, type MethodTable } from "./context.ts";

export const pinsMethods: MethodTable = {
  "pins.add": ({ state, args }) => {
    const channel = joinedChannel(state, requiredString(args, "channel"));
    const message = state.message(channel.id, requiredString(args, "timestamp")) ?? fail("message_not_found");
    if (message.pinned_to?.includes(channel.id)) return fail("already_pinned");
    message.pinned_to = [...(message.pinned_to ?? []), channel.id];
    return {};
  },

  "pins.list": ({ state, args }) => {
    const channel = joinedChannel(state, requiredString(args, "channel"));
    const pinned = state.messagesIn(channel.id).filter((message) => message.pinned_to?.includes(channel.id));
    return {
      items: pinned.map((message) => ({ type: "message", channel: channel.id, message: messageJson(message, false) })),
    };
  },
};
