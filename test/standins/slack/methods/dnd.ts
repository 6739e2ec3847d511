import { optionalString, stringList } from "../args.ts";
import type { MethodTable } from "./context.ts";

export const dndMethods: MethodTable = {
  "dnd.info": ({ state, args }) => {
    const userId = optionalString(args, "user") ?? state.identity.botUserId;
    state.requireUser(userId);
    return { ...state.dndFor(userId) };
  },

  "dnd.teamInfo": ({ state, args }) => {
    const users: Record<string, unknown> = {};
    for (const userId of stringList(args, "users")) {
      const { dnd_enabled, next_dnd_start_ts, next_dnd_end_ts } = state.dndFor(userId);
      users[userId] = { dnd_enabled, next_dnd_start_ts, next_dnd_end_ts };
    }
    return { users };
  },
};
