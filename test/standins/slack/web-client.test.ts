import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackStandIn } from "./index.ts";
import { ALICE, BOB, BOT_USER_ID, CAROL, startStandIn } from "./support.ts";

// The WebClient Bolt itself uses (no separate dependency on @slack/web-api).
const { ErrorCode, WebClient, WebClientEvent } = webApi;
type WebClient = InstanceType<typeof WebClient>;

describe("Slack stand-in answers the real @slack/web-api WebClient", () => {
  let standIn: SlackStandIn;
  let client: WebClient;

  beforeEach(async () => {
    standIn = await startStandIn();
    client = new WebClient(standIn.botToken, { slackApiUrl: standIn.url });
  });
  afterEach(() => standIn.close());

  it("auth.test identifies the bot", async () => {
    const auth = await client.auth.test();
    expect(auth).toMatchObject({ ok: true, user_id: BOT_USER_ID, team_id: standIn.state.identity.teamId });
    expect(standIn.state.callsTo("auth.test")).toHaveLength(1);
  });

  it("rejects a wrong token with invalid_auth", async () => {
    const wrong = new WebClient("xoxb-wrong", { slackApiUrl: standIn.url });
    await expect(wrong.auth.test()).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: "invalid_auth" },
    });
  });

  it("posting to a user id opens the DM, and history returns metadata only on request", async () => {
    const posted = await client.chat.postMessage({
      channel: ALICE,
      text: "Your homework is due",
      metadata: { event_type: "homework_reminder", event_payload: { workshop: "w1", round: 2 } },
    });
    expect(posted.channel).toMatch(/^D/);
    const im = await client.conversations.open({ users: ALICE });
    expect(im.channel?.id).toBe(posted.channel);
    expect(im.already_open).toBe(true);

    const plain = await client.conversations.history({ channel: posted.channel ?? "" });
    expect(plain.messages?.[0]).not.toHaveProperty("metadata");
    const withMeta = await client.conversations.history({ channel: posted.channel ?? "", include_all_metadata: true });
    expect(withMeta.messages?.[0]?.metadata).toEqual({
      event_type: "homework_reminder",
      event_payload: { workshop: "w1", round: 2 },
    });
    expect(standIn.state.callsTo("chat.postMessage")[0]?.args.metadata).toMatchObject({
      event_type: "homework_reminder",
    });
  });

  it("creates a private channel, invites people and reports Slack's invite errors", async () => {
    const created = await client.conversations.create({ name: "team-blue", is_private: true });
    const channelId = created.channel?.id ?? "";
    expect(created.channel).toMatchObject({ name: "team-blue", is_private: true, is_member: true });
    await client.conversations.invite({ channel: channelId, users: `${ALICE},${BOB}` });
    const members = await client.conversations.members({ channel: channelId });
    expect(members.members).toEqual([BOT_USER_ID, ALICE, BOB]);
    await expect(client.conversations.invite({ channel: channelId, users: ALICE })).rejects.toMatchObject({
      data: { error: "already_in_channel" },
    });
    await expect(client.conversations.invite({ channel: channelId, users: BOT_USER_ID })).rejects.toMatchObject({
      data: { error: "cant_invite_self" },
    });
    await expect(client.conversations.create({ name: "team-blue" })).rejects.toMatchObject({
      data: { error: "name_taken" },
    });
  });

  it("users.info carries timezone fields and lookupByEmail fails like Slack", async () => {
    const info = await client.users.info({ user: BOB });
    expect(info.user).toMatchObject({ tz: "Asia/Kolkata", tz_offset: 19_800, real_name: "Bob Roe" });
    expect(info.user?.tz_label).toBe("India Standard Time");
    const found = await client.users.lookupByEmail({ email: "ALICE@example.com" });
    expect(found.user?.id).toBe(ALICE);
    await expect(client.users.lookupByEmail({ email: "nobody@example.com" })).rejects.toMatchObject({
      data: { error: "users_not_found" },
    });
  });

  it("paginates conversations.list with cursors that WebClient.paginate follows", async () => {
    for (let i = 0; i < 5; i++) await client.conversations.create({ name: `group-${i}` });
    const names: string[] = [];
    for await (const page of client.paginate("conversations.list", { limit: 2 })) {
      const channels = (page as { channels?: { name?: string }[] }).channels ?? [];
      names.push(...channels.map((c) => c.name ?? ""));
    }
    expect(names).toEqual(["general", "group-0", "group-1", "group-2", "group-3", "group-4"]);
  });

  it("answers 429 with Retry-After, which WebClient waits out and retries", async () => {
    standIn.rateLimiter.failNext("chat.postMessage", 1, 1);
    const retrying = new WebClient(standIn.botToken, {
      slackApiUrl: standIn.url,
      retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 },
    });
    let rateLimitedFor: number | undefined;
    retrying.on(WebClientEvent.RATE_LIMITED, (seconds: number) => {
      rateLimitedFor = seconds;
    });
    const started = Date.now();
    const posted = await retrying.chat.postMessage({ channel: "C0GENERAL01", text: "hello" });
    expect(posted.ok).toBe(true);
    expect(rateLimitedFor).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(standIn.state.callsTo("chat.postMessage").map((c) => c.status)).toEqual([429, 200]);
    expect(standIn.state.messagesIn("C0GENERAL01")).toHaveLength(1);
  });

  it("enforces N calls per window per method", async () => {
    standIn.rateLimiter.setRule("users.info", { limit: 2, windowMs: 60_000, retryAfterSeconds: 30 });
    const strict = new WebClient(standIn.botToken, { slackApiUrl: standIn.url, rejectRateLimitedCalls: true });
    await strict.users.info({ user: ALICE });
    await strict.users.info({ user: BOB });
    await expect(strict.users.info({ user: CAROL })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 30,
    });
    await expect(strict.auth.test()).resolves.toMatchObject({ ok: true });
  });
});
