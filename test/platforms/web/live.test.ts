// Live updates: each person's stream carries what they may see, and nothing else; streams end on shutdown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent, WireMessage } from "../../../src/platforms/web/protocol.ts";
import { backends } from "../../support/database.ts";
import { type LiveStream, messageEvent, startTestWorkspace, type TestWorkspace, type WebPerson } from "./harness.ts";

const texts = (stream: LiveStream) =>
  stream.events.flatMap((event) => (event.type === "message" ? [event.message.content.summary] : []));

describe.each(backends)("live updates on %s", (backend) => {
  let workspace: TestWorkspace;
  let ana: WebPerson;
  let bo: WebPerson;
  let cleo: WebPerson;
  let ids: { ana: string; bo: string; cleo: string };
  let general: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace(backend, { heartbeatMs: 200 });
    ana = await workspace.join("Ana");
    bo = await workspace.join("Bo");
    cleo = await workspace.join("Cleo");
    ids = { ana: (await ana.me()).id, bo: (await bo.me()).id, cleo: (await cleo.me()).id };
    general = (await ana.get("/api/bootstrap")).body.channels.find((c: { name: string }) => c.name === "general").id;
  });
  afterAll(() => workspace.stop());

  it("sends a public channel's messages to everyone, and a private channel's and a DM's only to their members", async () => {
    const [anaLive, boLive, cleoLive] = await Promise.all([ana.listen(), bo.listen(), cleo.listen()]);
    const created = await ana.post("/api/channels", {
      name: "Smart Grids",
      visibility: "private",
      memberIds: [ids.bo],
    });
    expect(created.status).toBe(201);
    const secret = created.body.channel;
    expect(secret).toMatchObject({ name: "smart-grids", kind: "private", isMember: true });
    await boLive.next((event) => event.type === "channel" && event.channel.id === secret.id);

    const direct = (await ana.post("/api/direct", { with: ids.bo })).body.channel;
    expect(direct).toMatchObject({ kind: "direct", name: "Bo" });

    expect((await ana.post("/api/messages", { channelId: secret.id, text: "grid plans" })).status).toBe(201);
    expect((await ana.post("/api/messages", { channelId: direct.id, text: "just between us" })).status).toBe(201);
    expect((await bo.post("/api/messages", { channelId: general, text: "hello all" })).status).toBe(201);

    // Each stream is in order: once Cleo has the public message, she has had every chance to see the others.
    await cleoLive.next(messageEvent("hello all"));
    await anaLive.next(messageEvent("hello all"));
    await boLive.next(messageEvent("just between us"));
    await boLive.next(messageEvent("grid plans"));
    expect(texts(cleoLive)).toEqual(["hello all"]);
    expect(cleoLive.events.some((event) => event.type === "channel" && event.channel.id === secret.id)).toBe(false);

    // Nor can Cleo read them, or post there, by asking.
    expect((await cleo.get("/api/messages", { channel: secret.id })).status).toBe(404);
    expect((await cleo.get("/api/messages", { channel: direct.id })).status).toBe(404);
    expect((await cleo.post("/api/messages", { channelId: secret.id, text: "let me in" })).status).toBe(404);
    const cleoChannels = (await cleo.get("/api/bootstrap")).body.channels.map((channel: { id: string }) => channel.id);
    expect(cleoChannels).not.toContain(secret.id);
    expect(cleoChannels).not.toContain(direct.id);
  });

  it("sends thread replies and their root's new reply count to those who see the channel", async () => {
    const [boLive, cleoLive] = [await bo.listen(), await cleo.listen()];
    const root = (await ana.post("/api/messages", { channelId: general, text: "Who leads WP2?" })).body.message;
    const reply = await cleo.post("/api/messages", { channelId: general, threadRootId: root.id, text: "I can" });
    expect(reply.status).toBe(201);
    const heard = await boLive.next(messageEvent("I can"));
    expect(heard.type === "message" && heard.message.threadRootId).toBe(root.id);
    const counted = await boLive.next(
      (event) => event.type === "message" && event.message.id === root.id && event.message.replyCount === 1,
    );
    expect(counted).toBeDefined();
    const thread = await bo.get("/api/thread", { root: root.id });
    expect(thread.body.replies.map((message: { content: { summary: string } }) => message.content.summary)).toEqual([
      "I can",
    ]);
    await cleoLive.next(messageEvent("I can"));
  });

  it("sends an edit to everyone who sees the message; only its author may edit it", async () => {
    const boLive = await bo.listen();
    const posted = (await ana.post("/api/messages", { channelId: general, text: "Meet at 10" })).body.message;
    expect((await bo.post("/api/messages/edit", { messageId: posted.id, version: 1, text: "hijack" })).status).toBe(
      403,
    );
    const edited = await ana.post("/api/messages/edit", { messageId: posted.id, version: 1, text: "Meet at 11" });
    expect(edited.body.message).toMatchObject({ version: 2, content: { summary: "Meet at 11" } });
    const stale = await ana.post("/api/messages/edit", { messageId: posted.id, version: 1, text: "Meet at 12" });
    expect(stale.status).toBe(409);
    const update = await boLive.next(messageEvent("Meet at 11"));
    expect(update.type === "message" && update.message.editedAt).toBeTruthy();
  });

  it("gives a bot's private reply to one person only, live and on reload", async () => {
    const [anaLive, boLive] = [await ana.listen(), await bo.listen()];
    await workspace.bot.post({
      to: { channelId: general },
      content: { summary: "for Ana's eyes" },
      onlyVisibleTo: ids.ana,
    });
    await workspace.bot.post({ to: { channelId: general }, content: { summary: "for everyone" } });
    await anaLive.next(messageEvent("for Ana's eyes"));
    await boLive.next(messageEvent("for everyone"));
    expect(texts(boLive)).not.toContain("for Ana's eyes");
    const page = async (who: WebPerson): Promise<WireMessage[]> =>
      (await who.get("/api/messages", { channel: general })).body.messages;
    expect((await page(ana)).find((message) => message.content.summary === "for Ana's eyes")?.private).toBe(true);
    expect((await page(bo)).some((message) => message.content.summary === "for Ana's eyes")).toBe(false);
  });

  it("forgets a stream when its browser goes away", async () => {
    const hub = workspace.web.service.context.hub;
    const before = hub.connectedUsers().length;
    const dan = await workspace.join("Dan");
    const live = await dan.listen();
    expect(hub.connectedUsers()).toHaveLength(before + 1);
    live.close();
    await expect.poll(() => hub.connectedUsers().length).toBe(before);
  });

  it("keeps a quiet stream alive with heartbeats", async () => {
    const live = await bo.listen();
    await live.heartbeats(2);
    expect(live.comments).toBeGreaterThanOrEqual(2);
  });

  it("counts what a person has not read, per channel", async () => {
    await ana.post("/api/messages", { channelId: general, text: "one" });
    await ana.post("/api/messages", { channelId: general, text: "two" });
    const unread = async () =>
      (await bo.get("/api/bootstrap")).body.channels.find((channel: { id: string }) => channel.id === general).unread;
    expect(await unread()).toBeGreaterThanOrEqual(2);
    const page = (await bo.get("/api/messages", { channel: general })).body.messages;
    await bo.post("/api/channels/read", { channelId: general, seq: page.at(-1).seq });
    expect(await unread()).toBe(0);
  });
});

describe("shutdown", () => {
  it("ends every open stream so the server closes at once", async () => {
    const workspace = await startTestWorkspace("pglite");
    const ana = await workspace.join("Ana");
    const streams = await Promise.all([ana.listen(), ana.listen(), ana.listen()]);
    await workspace.stop();
    await Promise.all(streams.map((stream) => stream.ended));
    const seen: LiveEvent["type"][] = streams.flatMap((stream) => stream.events.map((event) => event.type));
    expect(seen).toEqual(["ready", "ready", "ready"]);
  });
});
