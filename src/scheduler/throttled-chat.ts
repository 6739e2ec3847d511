// A ChatPort that keeps a fan-out inside the platform's limits: messages and look-ups wait for their workspace's
// token bucket (messages also for the recipient's: Slack allows about one message per second per conversation),
// and a 429 holds the whole bucket for Retry-After before the error goes back to the scheduler.
import { type ChatPort, RateLimitedError } from "../app/ports/chat.ts";
import { createRateLimiter, type KeyedRateLimiter, type RateLimit } from "./rate-limiter.ts";

export interface ChatRateLimits {
  /** Messages per workspace (Slack: chat.postMessage has a workspace-wide limit besides the per-channel one). */
  messages: RateLimit;
  /** Messages to one conversation (Slack: about 1 per second). */
  messagesPerConversation: RateLimit;
  /** Profile, do-not-disturb and history look-ups per workspace (Slack: Tier 3, 50+ a minute). */
  lookups: RateLimit;
}

/** Slack's published tiers, conservatively; one process's share (see src/scheduler/README.md for replicas). */
export const slackRateLimits: ChatRateLimits = {
  messages: { perSecond: 4, burst: 8 },
  messagesPerConversation: { perSecond: 1, burst: 1 },
  lookups: { perSecond: 50 / 60, burst: 20 },
};

export interface ChatThrottle {
  wrap(workspaceId: string, port: ChatPort): ChatPort;
}

export function createChatThrottle(limits: ChatRateLimits = slackRateLimits): ChatThrottle {
  const messages = createRateLimiter(limits.messages);
  const perConversation = createRateLimiter(limits.messagesPerConversation);
  const lookups = createRateLimiter(limits.lookups);

  async function limited<T>(limiter: KeyedRateLimiter, key: string, call: () => Promise<T>): Promise<T> {
    await limiter.take(key);
    try {
      return await call();
    } catch (error) {
      if (error instanceof RateLimitedError) limiter.pause(key, error.retryAfterSeconds * 1000);
      throw error;
    }
  }

  async function message<T>(workspaceId: string, conversation: string, call: () => Promise<T>): Promise<T> {
    await perConversation.take(`${workspaceId}:${conversation}`);
    return limited(messages, workspaceId, call);
  }

  return {
    wrap(workspaceId, port) {
      return {
        sendDirectMessage: (user, content) => message(workspaceId, user, () => port.sendDirectMessage(user, content)),
        postToChannel: (channel, content, threadId) =>
          message(workspaceId, channel, () => port.postToChannel(channel, content, threadId)),
        hasTaggedDirectMessage: (user, tag, since) =>
          limited(lookups, workspaceId, () => port.hasTaggedDirectMessage(user, tag, since)),
        userProfile: (user) => limited(lookups, workspaceId, () => port.userProfile(user)),
        doNotDisturbUntil: (user, now) => limited(lookups, workspaceId, () => port.doNotDisturbUntil(user, now)),
      };
    },
  };
}
