// What the app asks of Teams outside a request, for one tenant: direct messages through the person's stored 1:1
// conversation reference (or a 1:1 chat opened for them), their profile as their activities report it (name,
// `localTimezone`), and working-group channels through Graph in the team the bot was added to. A bot cannot read
// a 1:1 chat's history, so there is no `findDirect`: whether a notification went out is decided by our records.
import { ChannelNameTakenError } from "../../app/ports/errors.ts";
import type { PlatformLink } from "../../app/ports/platform.ts";
import type { ConversationReference } from "./conversation-ref.ts";
import type { TeamRecord, TeamsConversationStore } from "./conversation-store.ts";
import { NoConversationError, TeamsCallError } from "./errors.ts";
import { type ChannelKind, ChannelNameTakenError as GraphNameTaken, type TeamsChannels } from "./graph/channels.ts";
import type { TeamsMessenger } from "./messenger.ts";
import { fileActivity } from "./render/file-card.ts";
import { messageActivity } from "./render/message.ts";

export function teamsLink(options: {
  tenantId: string;
  conversations: TeamsConversationStore;
  messenger: TeamsMessenger;
  channels: TeamsChannels;
}): PlatformLink {
  const { tenantId, conversations, messenger, channels } = options;
  const workspaceId = () => conversations.workspaceId(tenantId);
  /** Each channel's kind as Graph last said (a cache: after a restart it is asked again). */
  const kinds = new Map<string, ChannelKind>();

  /** Members are added to private and shared channels; a standard one holds the whole team. */
  async function kindOf(teamAadGroupId: string, channelId: string): Promise<ChannelKind> {
    let kind = kinds.get(channelId);
    if (!kind) {
      kind = (await channels.get(teamAadGroupId, channelId)).membershipType;
      kinds.set(channelId, kind);
    }
    return kind;
  }

  async function team(): Promise<TeamRecord & { aadGroupId: string }> {
    const teams = await conversations.teams(await workspaceId());
    const found = teams.find((candidate) => candidate.aadGroupId);
    if (!found?.aadGroupId) throw new NoConversationError("a team (add Clusterbot to the facilitators' team)");
    return { ...found, aadGroupId: found.aadGroupId };
  }

  /** A channel of the team as a conversation reference: the team's own reference with the channel's id. */
  async function channelReference(channelId: string): Promise<ConversationReference> {
    const known = await conversations.channelReference(await workspaceId(), channelId);
    if (known) return known;
    const home = await team();
    const general = await conversations.channelReference(await workspaceId(), home.id);
    if (!general) throw new NoConversationError(`the channel ${channelId}`);
    return { ...general, conversationId: channelId, channel: { id: channelId } };
  }

  return {
    messenger: {
      async sendDirect(userId, message) {
        const zone = conversations.seen(tenantId, userId)?.timezone ?? undefined;
        await messenger.sendToPerson(await workspaceId(), userId, messageActivity(message, zone));
      },

      async profile(userId) {
        const seen = conversations.seen(tenantId, userId);
        return {
          displayName: seen?.displayName ?? userId,
          email: null,
          timezone: seen?.timezone ?? null,
          isBot: false,
        };
      },
    },

    channels: {
      async create(name, isPrivate) {
        const home = await team();
        // A private channel an app creates needs an owner from the team: its (first) owner.
        const owner = isPrivate ? (await channels.teamOwners(home.aadGroupId))[0] : undefined;
        if (isPrivate && !owner) throw new NoConversationError("an owner of the team (a private channel needs one)");
        try {
          const created = await channels.create(home.aadGroupId, {
            displayName: name,
            kind: isPrivate ? "private" : "standard",
            ...(owner ? { members: [owner] } : {}),
          });
          kinds.set(created.id, created.membershipType);
          return { channelId: created.id, name: created.displayName };
        } catch (error) {
          if (error instanceof GraphNameTaken) throw new ChannelNameTakenError(name, { cause: error });
          throw error;
        }
      },

      async invite(channelId, userIds) {
        const wanted = [...new Set(userIds)];
        const home = await team();
        const membershipType = await kindOf(home.aadGroupId, channelId);
        // Everyone in the team is in its standard channels already.
        if (membershipType === "standard") return { invited: [], alreadyIn: wanted };
        const channel = { id: channelId, displayName: "", membershipType, webUrl: null };
        const invited: string[] = [];
        for (const userId of wanted) {
          try {
            await channels.addMembers(home.aadGroupId, channel, [userId]);
            invited.push(userId);
          } catch (error) {
            // Graph refuses someone who is not in the team: the others are still added.
            if (!(error instanceof TeamsCallError && error.failure === "permanent")) throw error;
          }
        }
        return { invited, alreadyIn: [] };
      },

      // Teams archives whole teams, not channels: a channel is there or gone.
      async state(channelId) {
        const home = await team();
        try {
          kinds.set(channelId, (await channels.get(home.aadGroupId, channelId)).membershipType);
          return "open";
        } catch (error) {
          if (error instanceof TeamsCallError && error.status === 404) return "gone";
          throw error;
        }
      },

      async post(channelId, message) {
        const sent = await messenger.postToChannel(await channelReference(channelId), messageActivity(message));
        return { messageId: sent.activityId };
      },

      async reply(channelId, threadId, message) {
        const sent = await messenger.replyInThread(
          await channelReference(channelId),
          threadId,
          messageActivity(message),
        );
        return { messageId: sent.activityId };
      },

      async update(channelId, messageId, message) {
        await messenger.update(await channelReference(channelId), messageId, messageActivity(message));
      },

      // Bots cannot pin in Teams: the post stays where it is.
      async pin() {},

      // Into the channel's files through Graph, then a post (or a reply in the thread) with its link.
      async upload(channelId, file, threadId) {
        const home = await team();
        const uploaded = await channels.uploadFile(home.aadGroupId, channelId, {
          name: file.filename,
          bytes: file.bytes,
          contentType: "application/octet-stream",
        });
        const shared = fileActivity({
          title: file.title,
          name: uploaded.name,
          webUrl: uploaded.webUrl,
          ...(file.comment ? { comment: file.comment } : {}),
        });
        const reference = await channelReference(channelId);
        if (threadId) await messenger.replyInThread(reference, threadId, shared);
        else await messenger.postToChannel(reference, shared);
      },
    },
  };
}
