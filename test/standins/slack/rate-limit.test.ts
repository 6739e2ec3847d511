import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackStandIn } from "./index.ts";
import { ALICE, callApi, startStandIn } from "./support.ts";

describe("Slack stand-in rate limits", () => {
  let standIn: SlackStandIn;
  let now: number;

  beforeEach(async () => {
    now = 1_750_000_000_000;
    standIn = await startStandIn({
      clock: () => now,
      rateLimits: { "chat.postMessage": { limit: 1, windowMs: 1000, perChannel: true } },
    });
    standIn.state.addChannel({ id: "C0SECOND001", name: "second", members: [standIn.state.identity.botUserId] });
  });
  afterEach(() => standIn.close());

  it("counts per channel, answers 429 with Retry-After and frees the slot after the window", async () => {
    const post = (channel: string) => callApi(standIn, "chat.postMessage", { channel, text: "x" });
    expect((await post("C0GENERAL01")).status).toBe(200);
    expect((await post("C0SECOND001")).status).toBe(200);
    const limited = await post("C0GENERAL01");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.body).toEqual({ ok: false, error: "ratelimited" });
    now += 1000;
    expect((await post("C0GENERAL01")).status).toBe(200);
    expect(standIn.state.messagesIn("C0GENERAL01")).toHaveLength(2);
  });

  it("fails the next K calls of any method on demand", async () => {
    standIn.rateLimiter.failNext("*", 2, 7);
    const first = await callApi(standIn, "users.info", { user: ALICE });
    const second = await callApi(standIn, "auth.test");
    const third = await callApi(standIn, "auth.test");
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
    expect(first.headers.get("retry-after")).toBe("7");
    expect(standIn.state.calls.map((c) => c.status)).toEqual([429, 429, 200]);
  });
});
