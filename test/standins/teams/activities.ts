// Activities as Teams sends them to a bot, built with overrides (the shapes follow recorded Teams payloads).
import type { StandInChannel, StandInTeam, StandInUser } from "./state.ts";

export type Activity = Record<string, unknown>;

export interface Sender {
  serviceUrl: string;
  appId: string;
  tenantId: string;
  botName: string;
  nextId(): string;
}

const bot = (sender: Sender) => ({ id: `28:${sender.appId}`, name: sender.botName });
const from = (user: StandInUser) => ({ id: user.id, name: user.name, aadObjectId: user.aadObjectId });

function base(sender: Sender, type: string, over: Activity): Activity {
  return {
    type,
    id: sender.nextId(),
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: sender.serviceUrl,
    recipient: bot(sender),
    channelData: { tenant: { id: sender.tenantId } },
    locale: "en-US",
    ...over,
  };
}

export function personalConversation(sender: Sender, user: StandInUser) {
  return { id: `a:1${user.aadObjectId}`, conversationType: "personal", tenantId: sender.tenantId };
}

export function channelConversation(sender: Sender, channel: StandInChannel, threadRootId?: string) {
  return {
    id: threadRootId ? `${channel.id};messageid=${threadRootId}` : channel.id,
    conversationType: "channel",
    isGroup: true,
    tenantId: sender.tenantId,
  };
}

function teamChannelData(sender: Sender, team: StandInTeam, channel: StandInChannel, eventType?: string) {
  return {
    tenant: { id: sender.tenantId },
    team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId },
    channel: { id: channel.id, name: channel.displayName },
    ...(eventType ? { eventType } : {}),
  };
}

export const build = {
  personalMessage(sender: Sender, user: StandInUser, text: string, over: Activity = {}): Activity {
    return base(sender, "message", {
      from: from(user),
      conversation: personalConversation(sender, user),
      text,
      textFormat: "plain",
      localTimezone: user.timezone ?? "UTC",
      ...over,
    });
  },

  /** "@Clusterbot cluster status" in a channel post (or in a thread when `threadRootId` is given). */
  channelMention(
    sender: Sender,
    user: StandInUser,
    team: StandInTeam,
    channel: StandInChannel,
    text: string,
    threadRootId?: string,
  ): Activity {
    const mention = `<at>${sender.botName}</at>`;
    return base(sender, "message", {
      from: from(user),
      conversation: channelConversation(sender, channel, threadRootId),
      text: `${mention} ${text}`,
      textFormat: "plain",
      localTimezone: user.timezone ?? "UTC",
      entities: [{ type: "mention", mentioned: bot(sender), text: mention }],
      channelData: teamChannelData(sender, team, channel),
    });
  },

  /** A reply in a channel post's thread, without a mention (Teams sends it with ChannelMessage.Read.Group). */
  channelReply(
    sender: Sender,
    user: StandInUser,
    team: StandInTeam,
    channel: StandInChannel,
    threadRootId: string,
    text: string,
  ): Activity {
    return base(sender, "message", {
      from: from(user),
      conversation: channelConversation(sender, channel, threadRootId),
      text,
      textFormat: "plain",
      replyToId: threadRootId,
      localTimezone: user.timezone ?? "UTC",
      channelData: teamChannelData(sender, team, channel),
    });
  },

  /**
   * A new top-level post in a channel, without a mention (Teams sends it with ChannelMessage.Read.Group): its
   * conversation is the thread it starts, `<channel>;messageid=<its own id>`, or (`plainChannel`) the channel alone.
   */
  channelPost(
    sender: Sender,
    user: StandInUser,
    team: StandInTeam,
    channel: StandInChannel,
    text: string,
    plainChannel = false,
  ): Activity {
    const id = sender.nextId();
    return base(sender, "message", {
      id,
      from: from(user),
      conversation: channelConversation(sender, channel, plainChannel ? undefined : id),
      text,
      textFormat: "plain",
      localTimezone: user.timezone ?? "UTC",
      channelData: teamChannelData(sender, team, channel),
    });
  },

  invoke(sender: Sender, user: StandInUser, name: string, value: unknown, conversation?: Activity): Activity {
    return base(sender, "invoke", {
      name,
      value,
      from: from(user),
      conversation: conversation ?? personalConversation(sender, user),
      localTimezone: user.timezone ?? "UTC",
    });
  },

  installPersonal(sender: Sender, user: StandInUser, action: "add" | "remove" = "add"): Activity {
    return base(sender, "installationUpdate", {
      action,
      from: from(user),
      conversation: personalConversation(sender, user),
    });
  },

  installInTeam(sender: Sender, user: StandInUser, team: StandInTeam, general: StandInChannel): Activity {
    return base(sender, "installationUpdate", {
      action: "add",
      from: from(user),
      conversation: channelConversation(sender, general),
      channelData: teamChannelData(sender, team, general),
    });
  },

  /** The bot added to a team: conversationUpdate with the bot in membersAdded, eventType teamMemberAdded. */
  botAddedToTeam(sender: Sender, user: StandInUser, team: StandInTeam, general: StandInChannel): Activity {
    return base(sender, "conversationUpdate", {
      from: from(user),
      conversation: channelConversation(sender, general),
      membersAdded: [{ id: `28:${sender.appId}` }],
      channelData: teamChannelData(sender, team, general, "teamMemberAdded"),
    });
  },

  botAddedToGroupChat(sender: Sender, user: StandInUser, chatId: string, members: StandInUser[]): Activity {
    return base(sender, "conversationUpdate", {
      from: from(user),
      conversation: { id: chatId, conversationType: "groupChat", isGroup: true, tenantId: sender.tenantId },
      membersAdded: [
        { id: `28:${sender.appId}` },
        ...members.map((member) => ({ id: member.id, aadObjectId: member.aadObjectId })),
      ],
    });
  },

  botAddedPersonal(sender: Sender, user: StandInUser): Activity {
    return base(sender, "conversationUpdate", {
      from: from(user),
      conversation: personalConversation(sender, user),
      membersAdded: [{ id: `28:${sender.appId}` }, { id: user.id, aadObjectId: user.aadObjectId }],
    });
  },

  channelCreated(sender: Sender, user: StandInUser, team: StandInTeam, channel: StandInChannel): Activity {
    return base(sender, "conversationUpdate", {
      from: from(user),
      conversation: channelConversation(sender, channel),
      channelData: teamChannelData(sender, team, channel, "channelCreated"),
    });
  },
};
