// Channels as people and the bot use them: who may read or post where, creating, joining, direct conversations.
import type { WireChannel } from "../protocol.ts";
import type { WorkspaceContext } from "./context.ts";
import { Refusal } from "./errors.ts";
import type { ChannelRecord } from "./store.ts";
import { namesOf, wireChannel } from "./views.ts";

export const botDirectKey = (userId: string) => `bot:${userId}`;
const personDirectKey = (a: string, b: string) => [a, b].sort().join("|");

/** Like Slack: lower-case letters, digits, "-" and "_", at most 80 characters. */
export const channelNamePattern = /^[a-z0-9][a-z0-9_-]{0,79}$/;

/** "Cluster 3: Smart Grids" → "cluster-3-smart-grids" (what a person types, made into a channel name). */
export function channelNameFrom(text: string): string {
  return text
    .trim()
    .replace(/^#/, "")
    .toLocaleLowerCase("en")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
}

export function channelService(ctx: WorkspaceContext) {
  const { store, hub } = ctx;

  async function names() {
    return namesOf(await store.accounts.list());
  }

  async function publish(channel: ChannelRecord): Promise<void> {
    const known = await names();
    const event = (userId: string) => ({ type: "channel" as const, channel: wireChannel(channel, userId, known) });
    if (channel.kind === "public") hub.broadcast(event);
    else hub.send(channel.memberIds, event);
  }

  async function checkPeople(userIds: string[]): Promise<void> {
    const known = await names();
    const unknown = userIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new Refusal("invalid", `Nobody in this workspace has the id ${unknown.join(", ")}.`);
  }

  const service = {
    publish,

    async listFor(userId: string): Promise<WireChannel[]> {
      const [channels, known, unread] = await Promise.all([
        store.channels.visibleTo(userId),
        names(),
        store.channels.unreadCounts(userId),
      ]);
      return channels.map((channel) => wireChannel(channel, userId, known, unread.get(channel.id) ?? 0));
    },

    async wire(channel: ChannelRecord, userId: string): Promise<WireChannel> {
      return wireChannel(channel, userId, await names());
    },

    /** The channel if this person may read it; otherwise it does not exist for them. */
    async readable(userId: string, channelId: string): Promise<ChannelRecord> {
      const channel = await store.channels.find(channelId);
      if (!channel || (channel.kind !== "public" && !channel.memberIds.includes(userId))) {
        throw new Refusal("not_found", "This conversation does not exist or you are not in it.");
      }
      return channel;
    },

    /** The channel if this person may post in it; posting in a public channel joins it. */
    async postable(userId: string, channelId: string): Promise<ChannelRecord> {
      const channel = await service.readable(userId, channelId);
      if (channel.memberIds.includes(userId)) return channel;
      return service.join(userId, channel.id);
    },

    async join(userId: string, channelId: string): Promise<ChannelRecord> {
      const channel = await service.readable(userId, channelId);
      if (channel.memberIds.includes(userId)) return channel;
      await store.channels.addMembers(channel.id, [userId]);
      const joined = await store.channels.find(channel.id);
      if (!joined) throw new Refusal("not_found", "This conversation does not exist or you are not in it.");
      await publish(joined);
      return joined;
    },

    /** A new channel; `creatorId` (a person, or null for the bot) is in it. */
    async create(
      creatorId: string | null,
      input: { name: string; kind: "public" | "private"; topic?: string | null; memberIds: string[] },
    ): Promise<ChannelRecord> {
      const name = input.name.trim().replace(/^#/, "");
      if (!channelNamePattern.test(name)) {
        throw new Refusal("invalid", "Please check the channel name.", {
          name: "Use lower-case letters, digits, - and _ (at most 80), e.g. cluster-3-smart-grids.",
        });
      }
      const memberIds = [...new Set([...(creatorId ? [creatorId] : []), ...input.memberIds])];
      await checkPeople(memberIds);
      const channel = await store.channels.create({ name, kind: input.kind, topic: input.topic ?? null, memberIds });
      if (!channel) {
        throw new Refusal("conflict", `There is already a channel called #${name}.`, {
          name: `#${name} is taken: please pick another name.`,
        });
      }
      await publish(channel);
      return channel;
    },

    /** Adds people to a channel; returns who was not in it yet. */
    async addMembers(channelId: string, userIds: string[]): Promise<string[]> {
      const channel = await store.channels.find(channelId);
      if (!channel) throw new Refusal("not_found", "There is no such channel.");
      if (channel.kind === "direct") throw new Refusal("invalid", "Nobody can be added to a direct conversation.");
      await checkPeople(userIds);
      const added = await store.channels.addMembers(channelId, userIds);
      const now = added.length > 0 ? await store.channels.find(channelId) : null;
      if (now) await publish(now);
      return added;
    },

    /** The conversation between this person and another (or Clusterbot), created on first use. */
    async openDirect(userId: string, other: string | "bot"): Promise<ChannelRecord> {
      if (other === "bot") return service.directWithBot(userId);
      await checkPeople([other]);
      const existing = await store.channels.findDirect(personDirectKey(userId, other));
      const channel = existing ?? (await store.channels.ensureDirect(personDirectKey(userId, other), [userId, other]));
      if (!existing) await publish(channel);
      return channel;
    },

    async directWithBot(userId: string): Promise<ChannelRecord> {
      const existing = await store.channels.findDirect(botDirectKey(userId));
      if (existing) return existing;
      const channel = await store.channels.ensureDirect(botDirectKey(userId), [userId]);
      await publish(channel);
      return channel;
    },

    async markRead(userId: string, channelId: string, seq: number): Promise<void> {
      await service.readable(userId, channelId);
      await store.channels.markRead(channelId, userId, seq);
    },
  };
  return service;
}

export type ChannelService = ReturnType<typeof channelService>;
