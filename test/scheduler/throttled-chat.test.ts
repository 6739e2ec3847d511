// The throttled platform link on a manual clock: what a 429 holds, what it lowers, and what it leaves alone.
import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../../src/app/ports/errors.ts";
import type { PlatformLink } from "../../src/app/ports/platform.ts";
import type { Message } from "../../src/core/screens/message.ts";
import { createChatThrottle, slackRateLimits } from "../../src/scheduler/throttled-chat.ts";
import { type FakeTimers, fakeTimers } from "./fake-timers.ts";

interface Sent {
  user: string;
  at: number;
}

/** A link that records when each message reached it; users in `limitedOnce` answer one 429 (Retry-After 1 s). */
function recordingPort(timers: FakeTimers, limitedOnce: Set<string>): { port: PlatformLink; sent: Sent[] } {
  const sent: Sent[] = [];
  const unused = async (): Promise<never> => {
    throw new Error("not used by these tests");
  };
  const port: PlatformLink = {
    messenger: {
      async sendDirect(user) {
        if (limitedOnce.delete(user)) throw new RateLimitedError(1);
        sent.push({ user, at: timers.now() });
      },
      doNotDisturbUntil: async () => null,
    },
    channels: {
      async post(channel) {
        sent.push({ user: channel, at: timers.now() });
        return { messageId: String(sent.length) };
      },
      create: unused,
      invite: unused,
      reply: unused,
      update: unused,
      pin: unused,
      upload: unused,
    },
  };
  return { port, sent };
}

const message: Message = { summary: "hi" };
const adaptive = { decrease: 0.5, minimum: 0.25, recoveryPerSecond: 0.1 };
const limits = {
  messages: { perSecond: 10, burst: 1, adaptive },
  messagesPerConversation: { perSecond: 1, burst: 1 },
  lookups: { perSecond: 10, burst: 1 },
};

describe("throttled chat", () => {
  it("paces a fan-out, and after a 429 holds the workspace for Retry-After, then goes on at a lower rate", async () => {
    const timers = fakeTimers();
    const { port, sent } = recordingPort(timers, new Set(["u2"]));
    const chat = createChatThrottle(limits, timers).wrap("w", port);
    const results = ["u1", "u2", "u3", "u4", "u5"].map((user) =>
      chat.messenger.sendDirect(user, message, user).then(
        () => "sent",
        (error: unknown) => (error instanceof RateLimitedError ? "429" : "error"),
      ),
    );
    await timers.advanceTo(5000);
    expect(await Promise.all(results)).toEqual(["sent", "429", "sent", "sent", "sent"]);
    // u2's 429 came at 100: nothing goes out before 1100, then 5 a second (10 × 0.5) climbing back.
    expect(sent.map((entry) => entry.user)).toEqual(["u1", "u3", "u4", "u5"]);
    expect(sent[0]?.at).toBe(0);
    expect(sent[1]?.at).toBe(1100);
    expect(sent[2]?.at).toBeGreaterThan(1290);
    expect(sent[2]?.at).toBeLessThanOrEqual(1300);
  });

  it("holds the limited conversation for Retry-After and spaces a conversation's messages from when they went out", async () => {
    const timers = fakeTimers();
    const { port, sent } = recordingPort(timers, new Set(["u1"]));
    const chat = createChatThrottle(limits, timers).wrap("w", port);
    await expect(chat.messenger.sendDirect("u1", message, "k1")).rejects.toBeInstanceOf(RateLimitedError);
    void chat.messenger.sendDirect("u1", message, "k1");
    void chat.channels.post("C1", message);
    void chat.channels.post("C1", message);
    await timers.advanceTo(5000);
    // The first C1 message got its conversation slot at 0 but the workspace held it until 1000: the second one
    // waits a second from then, not from 0.
    expect(sent).toEqual([
      { user: "C1", at: 1000 },
      { user: "u1", at: 1200 },
      { user: "C1", at: 2000 },
    ]);
  });

  it("does not hold look-ups for a message's 429, nor messages for another workspace", async () => {
    const timers = fakeTimers();
    const { port, sent } = recordingPort(timers, new Set(["u1"]));
    const throttle = createChatThrottle(limits, timers);
    const chat = throttle.wrap("w", port);
    await expect(chat.messenger.sendDirect("u1", message, "k1")).rejects.toBeInstanceOf(RateLimitedError);
    let lookedUpAt: number | undefined;
    void chat.messenger.doNotDisturbUntil?.("u3", new Date()).then(() => {
      lookedUpAt = timers.now();
    });
    void throttle.wrap("other", port).messenger.sendDirect("u3", message, "k3");
    await timers.advanceTo(10);
    expect(lookedUpAt).toBe(0);
    expect(sent).toEqual([{ user: "u3", at: 0 }]);
  });

  it("defaults to Slack's tiers, lowered after a 429", () => {
    // Slack: "several hundred messages per minute" per workspace; one a second per channel.
    expect(slackRateLimits.messages.perSecond * 60).toBeLessThanOrEqual(600);
    expect(slackRateLimits.messagesPerConversation).toEqual({ perSecond: 1, burst: 1 });
    expect(slackRateLimits.lookups.perSecond).toBeLessThanOrEqual(50 / 60);
    expect(slackRateLimits.messages.adaptive).toBeDefined();
  });
});
