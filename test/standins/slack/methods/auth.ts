import type { MethodTable } from "./context.ts";

export const authMethods: MethodTable = {
  "auth.test": ({ state }) => {
    const { identity } = state;
    return {
      url: `https://${identity.teamDomain}.slack.com/`,
      team: identity.teamName,
      user: state.user(identity.botUserId)?.name ?? "clusterbot",
      team_id: identity.teamId,
      user_id: identity.botUserId,
      bot_id: identity.botId,
      is_enterprise_install: false,
    };
  },
};
