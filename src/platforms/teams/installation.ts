// Installation and conversation updates: when the bot is added to a 1:1 chat, a team or a group chat, the
// conversation's reference is stored (proactive messages need it); when it is removed, dropped. Every activity
// also refreshes the sender (name, time zone from `localTimezone`, their 1:1 reference). The writes happen after
// the HTTP answer, so a slow database never delays Teams; they are idempotent, so a retried activity is harmless.
import type { Activity } from "@microsoft/teams.api";
import type { App } from "@microsoft/teams.apps";
import { activityEnvelope } from "./activity-envelope.ts";
import type { AfterAnswer } from "./after-answer.ts";
import type { SeenActivity, TeamsConversationStore } from "./conversation-store.ts";

export function registerInstallation(app: App, store: TeamsConversationStore, afterAnswer: AfterAnswer): void {
  app.use(async ({ activity, next }) => {
    if (activity.type === "message" || activity.type === "invoke") {
      const seen = forReference(activity);
      if (seen) afterAnswer.later("remember sender", () => store.rememberSender(seen).then(() => undefined));
    }
    return next();
  });

  app.on("install.add", async ({ activity }) => {
    const seen = forReference(activity);
    if (seen) afterAnswer.later("remember installation", () => store.rememberConversation(seen));
  });

  app.on("install.remove", async ({ activity }) => {
    const seen = forReference(activity);
    if (seen) afterAnswer.later("forget installation", () => store.forgetConversation(seen));
  });

  app.on("conversationUpdate", async ({ activity }) => {
    const seen = forReference(activity);
    const botId = activity.recipient.id;
    const added = activity.membersAdded?.some((member) => member.id === botId) ?? false;
    const removed = activity.membersRemoved?.some((member) => member.id === botId) ?? false;
    const eventType = activity.channelData?.eventType;
    const channelChanged =
      eventType === "channelCreated" || eventType === "channelRenamed" || eventType === "teamRenamed";
    if (!seen) return;
    if (added || channelChanged) afterAnswer.later("remember conversation", () => store.rememberConversation(seen));
    if (removed) afterAnswer.later("forget conversation", () => store.forgetConversation(seen));
  });
}

/** What a reference needs, narrowed by the same schema as the webhook body (which has `localTimezone`). */
function forReference(activity: Activity): SeenActivity | undefined {
  const parsed = activityEnvelope.safeParse(activity);
  if (!parsed.success) return undefined;
  const { serviceUrl, conversation, from, recipient, channelData, localTimezone } = parsed.data;
  const team = channelData?.team;
  const channel = channelData?.channel;
  return {
    serviceUrl,
    conversation,
    from,
    recipient,
    ...(localTimezone ? { localTimezone } : {}),
    channelData: {
      ...(channelData?.tenant ? { tenant: { id: channelData.tenant.id } } : {}),
      ...(team
        ? {
            team: {
              id: team.id,
              ...(team.name ? { name: team.name } : {}),
              ...(team.aadGroupId ? { aadGroupId: team.aadGroupId } : {}),
            },
          }
        : {}),
      ...(channel ? { channel: { id: channel.id, ...(channel.name ? { name: channel.name } : {}) } } : {}),
    },
  };
}
