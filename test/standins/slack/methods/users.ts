import { optionalInteger, optionalString, requiredString } from "../args.ts";
import { fail } from "../errors.ts";
import { pageLimit, paginate } from "../pagination.ts";
import { userJson } from "../serialize.ts";
import type { MethodTable } from "./context.ts";

export const usersMethods: MethodTable = {
  "users.info": ({ state, args }) => ({ user: userJson(state.requireUser(requiredString(args, "user"))) }),

  "users.lookupByEmail": ({ state, args }) => {
    const user = state.userByEmail(requiredString(args, "email"));
    if (!user) return fail("users_not_found");
    return { user: userJson(user) };
  },

  "users.list": ({ state, args }) => {
    const limit = pageLimit(optionalInteger(args, "limit"), 200, 1000);
    const page = paginate([...state.users.values()], optionalString(args, "cursor"), limit);
    return {
      members: page.items.map(userJson),
      cache_ts: state.nowSeconds(),
      response_metadata: { next_cursor: page.nextCursor },
    };
  },
};
