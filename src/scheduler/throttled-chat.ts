// A platform link that keeps a fan-out inside the platform's limits: messages and look-ups wait for their workspace's
// token bucket (messages also for the conversation's: Slack allows about one message per second per conversation),
// and a 429 holds the bucket for Retry-After (the conversation's too, for a message) and, with an adaptive rate,
// lowers the workspace's pace a little, which then climbs back (AIMD), before the error goes back to the scheduler.
import { RateLimitedError } from "../app/ports/errors.ts";
import type { PlatformChannels, PlatformLink, PlatformMessenger } from "../app/ports/platform.ts";
import {
  type AdaptiveRate,
  createRateLimiter,
  type KeyedRateLimiter,
  type LimiterTimers,
  type RateLimit,
  realTimers,
} from "./rate-limiter.ts";

export interface ChatRateLimits {
  /** Messages per workspace (Slack: chat.postMessage has a workspace-wide limit besides the per-channel one). */
  messages: RateLimit;
  /** Messages to one conversation (Slack: about 1 per second). */
  messagesPerConversation: RateLimit;
  /** Profile, do-not-disturb, history and other channel calls per workspace (Slack: Tier 3, 50+ a minute). */
  lookups: RateLimit;
}

/** After a 429: 90 % of the rate, then +2 % of the configured rate a second (back in about 5 s); at least 25 %. */
export const defaultAdaptiveRate: AdaptiveRate = { decrease: 0.9, minimum: 0.25, recoveryPerSecond: 0.02 };

/**
 * Slack's published limits; one process's share (see src/scheduler/README.md for replicas). chat.postMessage: "1
 * message per second to a specific channel", and "several hundred messages per minute" for the whole workspace, so
 * the per-conversation bucket sets the pace of a thread and the workspace's (10 a second, the top of that range, cut
 * by the first 429s if the workspace allows less) that of a fan-out over many conversations.
 */
export const slackRateLimits: ChatRateLimits = {
  messages: { perSecond: 10, burst: 10, adaptive: defaultAdaptiveRate },
  messagesPerConversation: { perSecond: 1, burst: 1 },
  lookups: { perSecond: 50 / 60, burst: 20, adaptive: defaultAdaptiveRate },
};

export interface ChatThrottle {
  wrap(workspaceId: string, link: PlatformLink): PlatformLink;
}

/** Slack's limits with another workspace-wide message ceiling (`CLUSTERBOT_MESSAGES_PER_SECOND`). */
export function slackLimitsWith(messagesPerSecond: number): ChatRateLimits {
  const burst = Math.max(1, Math.round(messagesPerSecond));
  return { ...slackRateLimits, messages: { ...slackRateLimits.messages, perSecond: messagesPerSecond, burst } };
}

export function createChatThrottle(
  limits: ChatRateLimits = slackRateLimits,
  timers: LimiterTimers = realTimers,
): ChatThrottle {
  const messages = createRateLimiter(limits.messages, timers);
  const perConversation = createRateLimiter(limits.messagesPerConversation, timers);
  const lookups = createRateLimiter(limits.lookups, timers);

  /** Makes the call; a 429 holds the key (and whatever `onRateLimited` holds besides) before it is rethrown. */
  async function guarded<T>(
    limiter: KeyedRateLimiter,
    key: string,
    call: () => Promise<T>,
    onRateLimited?: (ms: number) => void,
  ): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof RateLimitedError) {
        const ms = error.retryAfterSeconds * 1000;
        limiter.pause(key, ms);
        onRateLimited?.(ms);
      }
      throw error;
    }
  }

  async function limited<T>(limiter: KeyedRateLimiter, key: string, call: () => Promise<T>): Promise<T> {
    await limiter.take(key);
    return guarded(limiter, key, call);
  }

  /** Per conversation, the message between its conversation's slot and going out; the next one waits behind it. */
  const inLine = new Map<string, Promise<void>>();

  async function message<T>(workspaceId: string, conversation: string, call: () => Promise<T>): Promise<T> {
    // The conversation's slot first, so a message waiting for its conversation holds no workspace slot; the
    // conversation's spacing then counts from when the message actually goes out (the workspace may hold it).
    const conversationKey = `${workspaceId}:${conversation}`;
    const ahead = inLine.get(conversationKey);
    let gone = (): void => undefined;
    const mine = new Promise<void>((resolve) => {
      gone = resolve;
    });
    inLine.set(conversationKey, mine);
    try {
      await ahead;
      await perConversation.take(conversationKey);
      await messages.take(workspaceId);
      perConversation.wentOut(conversationKey);
    } finally {
      gone();
      if (inLine.get(conversationKey) === mine) inLine.delete(conversationKey);
    }
    return guarded(messages, workspaceId, call, (ms) => perConversation.pause(conversationKey, ms));
  }

  function messenger(workspaceId: string, platform: PlatformMessenger): PlatformMessenger {
    const { findDirect, profile, doNotDisturbUntil } = platform;
    return {
      sendDirect: (user, content, key) => message(workspaceId, user, () => platform.sendDirect(user, content, key)),
      ...(findDirect
        ? { findDirect: (user, key, since) => limited(lookups, workspaceId, () => findDirect(user, key, since)) }
        : {}),
      ...(profile ? { profile: (user) => limited(lookups, workspaceId, () => profile(user)) } : {}),
      ...(doNotDisturbUntil
        ? { doNotDisturbUntil: (user, now) => limited(lookups, workspaceId, () => doNotDisturbUntil(user, now)) }
        : {}),
    };
  }

  function channels(workspaceId: string, platform: PlatformChannels): PlatformChannels {
    const lookup = <T>(call: () => Promise<T>) => limited(lookups, workspaceId, call);
    return {
      create: (name, isPrivate) => lookup(() => platform.create(name, isPrivate)),
      invite: (channel, users) => lookup(() => platform.invite(channel, users)),
      ...(platform.state ? { state: (channel: string) => lookup(() => platform.state!(channel)) } : {}),
      post: (channel, content) => message(workspaceId, channel, () => platform.post(channel, content)),
      reply: (channel, thread, content) =>
        message(workspaceId, channel, () => platform.reply(channel, thread, content)),
      update: (channel, id, content) => message(workspaceId, channel, () => platform.update(channel, id, content)),
      pin: (channel, id) => lookup(() => platform.pin(channel, id)),
      upload: (channel, file, thread) => lookup(() => platform.upload(channel, file, thread)),
    };
  }

  return {
    wrap: (workspaceId, link) => ({
      messenger: messenger(workspaceId, link.messenger),
      channels: channels(workspaceId, link.channels),
    }),
  };
}
