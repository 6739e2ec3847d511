// The channels port on the platforms' channels: our person ids → their platform user ids, the rest passed through.
// A message the platform refused for its rate limit (nothing was posted) is tried again: the platform link's
// throttle holds that channel and workspace for Retry-After, so the next try waits that long. A confirmation in a
// thread has no job to retry it later, and its reply event is not delivered again.
import type { Repositories } from "../../store/repositories/index.ts";
import type { ChannelRef, ChannelsPort, PostRef } from "../ports/channels.ts";
import { RateLimitedError } from "../ports/errors.ts";
import type { PlatformAccounts } from "./notifier.ts";

const messageAttempts = 3;

async function despiteRateLimits<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof RateLimitedError) || attempt >= messageAttempts) throw error;
    }
  }
}

export function createChannels(repos: Repositories, accounts: PlatformAccounts): ChannelsPort {
  const platform = async (workspaceId: string) => (await accounts.link(workspaceId)).channels;
  const post = (channel: ChannelRef, messageId: string): PostRef => ({ ...channel, messageId });
  return {
    async create(workspaceId, { name, isPrivate }) {
      const created = await (await platform(workspaceId)).create(name, isPrivate);
      return { workspaceId, ...created };
    },

    async invite(channel, personIds) {
      const userIds = await repos.people.externalIds(channel.workspaceId, personIds);
      const personOf = new Map([...userIds].map(([personId, userId]) => [userId, personId]));
      const outcome = await (await platform(channel.workspaceId)).invite(channel.channelId, [...personOf.keys()]);
      const people = (ids: string[]) => ids.flatMap((id) => personOf.get(id) ?? []);
      return {
        invited: people(outcome.invited),
        alreadyIn: people(outcome.alreadyIn),
        unreachable: personIds.filter((id) => !userIds.has(id)),
      };
    },

    async state(channel) {
      const channels = await platform(channel.workspaceId);
      return channels.state ? channels.state(channel.channelId) : "unknown";
    },

    async post(channel, message) {
      const channels = await platform(channel.workspaceId);
      const { messageId } = await despiteRateLimits(() => channels.post(channel.channelId, message));
      return post(channel, messageId);
    },

    async reply(thread, message) {
      const channels = await platform(thread.workspaceId);
      const { messageId } = await despiteRateLimits(() => channels.reply(thread.channelId, thread.messageId, message));
      return post(thread, messageId);
    },

    async update(target, message) {
      const channels = await platform(target.workspaceId);
      await despiteRateLimits(() => channels.update(target.channelId, target.messageId, message));
    },

    async pin(target) {
      await (await platform(target.workspaceId)).pin(target.channelId, target.messageId);
    },

    async upload(to, file) {
      const threadId = "messageId" in to ? to.messageId : undefined;
      await (await platform(to.workspaceId)).upload(to.channelId, file, threadId);
    },
  };
}
