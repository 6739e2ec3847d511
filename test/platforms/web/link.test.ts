// What the app does in the browser workspace outside a request, through the web PlatformLink: direct messages once
// per key (the key kept as message metadata, so a lost record is found again), profiles with the browser's time
// zone, and channels for working groups (create, invite, post, reply, update, pin, share a file that only the
// channel's members can download).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelNameTakenError } from "../../../src/app/ports/errors.ts";
import { webLink } from "../../../src/platforms/web/adapter/link.ts";
import { backends } from "../../support/database.ts";
import { startWebApp, type WebApp } from "./app-harness.ts";
import { messageEvent, type WebPerson } from "./harness.ts";

describe.each(backends)("the web PlatformLink (%s)", (backend) => {
  let web: WebApp;
  let ana: WebPerson;
  let bo: WebPerson;
  let cleo: WebPerson;
  let ids: { ana: string; bo: string; cleo: string };
  let personOf: (userId: string) => Promise<string>;

  beforeAll(async () => {
    web = await startWebApp(backend);
    ana = await web.join("Ana Lima");
    bo = await web.join("Bo Chen");
    cleo = await web.join("Cleo Diaz");
    ids = { ana: (await ana.me()).id, bo: (await bo.me()).id, cleo: (await cleo.me()).id };
    const { repos } = web.app.deps;
    personOf = async (userId) => (await repos.people.ensure(web.bot.workspace.id, userId)).id;
  });
  afterAll(() => web.stop());

  it("sends a direct message once per key, and finds it again by its key", async () => {
    const live = await ana.listen();
    const to = { workspaceId: web.bot.workspace.id, personId: await personOf(ids.ana) };
    const message = { summary: "Your homework is open" };
    const before = new Date(Date.now() - 1000);
    expect(await web.app.deps.notify.notify({ to, key: "invite:1", message })).toEqual({ status: "sent" });
    expect(await web.app.deps.notify.notify({ to, key: "invite:1", message })).toEqual({
      status: "already-sent",
      foundIn: "our-records",
    });
    await live.next(messageEvent("Your homework is open"));
    const dm = (await ana.get("/api/bootstrap")).body.channels.find((channel: { withBot: boolean }) => channel.withBot);
    const page = (await ana.get("/api/messages", { channel: dm.id })).body.messages;
    expect(
      page.filter((posted: { content: { summary: string } }) => posted.content.summary === message.summary),
    ).toHaveLength(1);

    const link = webLink(web.bot);
    expect(await link.messenger.findDirect?.(ids.ana, "invite:1", before)).toBe(true);
    expect(await link.messenger.findDirect?.(ids.ana, "invite:2", before)).toBe(false);
    expect(await link.messenger.findDirect?.(ids.ana, "invite:1", new Date(Date.now() + 60_000))).toBe(false);
    expect(await link.messenger.findDirect?.(ids.bo, "invite:1", before)).toBe(false);
  });

  it("gives a person's profile with the time zone their browser reported", async () => {
    await bo.post("/api/me/timezone", { timezone: "Asia/Tokyo" });
    expect(await webLink(web.bot).messenger.profile?.(ids.bo)).toEqual({
      displayName: "Bo Chen",
      email: null,
      timezone: "Asia/Tokyo",
      isBot: false,
    });
  });

  it("runs a working group's channel: create, invite, post, reply in a thread, update, pin", async () => {
    const { channels } = web.app.deps;
    const workspaceId = web.bot.workspace.id;
    const channel = await channels.create(workspaceId, { name: "wg-smart-grids", isPrivate: true });
    await expect(channels.create(workspaceId, { name: "wg-smart-grids", isPrivate: false })).rejects.toBeInstanceOf(
      ChannelNameTakenError,
    );
    const [anaPerson, boPerson] = [await personOf(ids.ana), await personOf(ids.bo)];
    const stranger = (await web.app.deps.repos.people.ensure(workspaceId, "not-a-web-user")).id;
    const first = await channels.invite(channel, [anaPerson]);
    expect(first).toEqual({ invited: [anaPerson], alreadyIn: [], unreachable: [] });
    const second = await channels.invite(channel, [anaPerson, boPerson]);
    expect(second).toEqual({ invited: [boPerson], alreadyIn: [anaPerson], unreachable: [] });
    await expect(channels.invite(channel, [stranger])).rejects.toThrow(/Nobody in this workspace/);

    const boLive = await bo.listen();
    const kickOff = await channels.post(channel, { summary: "Kick-off: what will we build together?" });
    await boLive.next(messageEvent("Kick-off: what will we build together?"));
    const reply = await channels.reply(kickOff, { summary: "First prompt: a pilot?" });
    const thread = (await bo.get("/api/thread", { root: kickOff.messageId })).body;
    expect(thread.replies.map((message: { id: string }) => message.id)).toEqual([reply.messageId]);
    await channels.update(kickOff, { summary: "Kick-off (updated)" });
    await channels.pin(kickOff);
    const pinned = await boLive.next(
      (event) => event.type === "message" && event.message.id === kickOff.messageId && event.message.pinned,
    );
    expect(pinned.type === "message" && pinned.message.content.summary).toBe("Kick-off (updated)");
    // Cleo is not in the private channel: she sees none of it.
    expect((await cleo.get("/api/messages", { channel: channel.channelId })).status).toBe(404);
  });

  it("shares a file that only the channel's members can download", async () => {
    const { channels } = web.app.deps;
    const channel = await channels.create(web.bot.workspace.id, { name: "wg-report", isPrivate: true });
    await channels.invite(channel, [await personOf(ids.ana)]);
    const bytes = new TextEncoder().encode("%PDF-1.7 the workshop report");
    await channels.upload(channel, {
      filename: "report ü.pdf",
      title: "Workshop report",
      bytes,
      comment: "The report",
    });
    const page = (await ana.get("/api/messages", { channel: channel.channelId })).body.messages;
    const shared = page.at(-1);
    expect(shared.content.summary).toBe("The report");
    const file = shared.content.blocks.find((block: { kind: string }) => block.kind === "file");
    expect(file).toMatchObject({
      kind: "file",
      filename: "report ü.pdf",
      title: "Workshop report",
      size: bytes.length,
    });

    const download = (person: WebPerson | null) =>
      fetch(`${web.url}/api/files?id=${file.fileId}`, { headers: person ? { cookie: person.cookie } : {} });
    const got = await download(ana);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-disposition")).toBe(
      `attachment; filename="report _.pdf"; filename*=UTF-8''report%20%C3%BC.pdf`,
    );
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    expect((await download(bo)).status).toBe(404);
    expect((await download(null)).status).toBe(401);
    expect((await fetch(`${web.url}/api/files?id=nope`, { headers: { cookie: ana.cookie } })).status).toBe(404);
  });
});
