// Sign-in and who may act as whom: invite links, session cookies, sign-in by name, CSRF.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { startTestWorkspace, type TestWorkspace, WebPerson } from "./harness.ts";

const day = 24 * 60 * 60 * 1000;

describe.each(backends)("browser workspace sign-in on %s", (backend) => {
  let workspace: TestWorkspace;
  let now = new Date("2027-03-01T09:00:00Z");

  beforeAll(async () => {
    workspace = await startTestWorkspace(backend, { devSignIn: "off", now: () => now });
  });
  afterAll(() => workspace.stop());

  it("refuses every API call without a session, and a forged cookie is no session", async () => {
    const stranger = new WebPerson(workspace.url);
    expect((await stranger.get("/api/bootstrap")).status).toBe(401);
    expect((await stranger.post("/api/messages", { channelId: "x", text: "hi" })).status).toBe(401);
    stranger.cookie = "clusterbot_session=bm90LWEtcmVhbC1zZXNzaW9uLWlkLWF0LWFsbC1yZWFsbHk";
    expect((await stranger.get("/api/bootstrap")).status).toBe(401);
    expect((await stranger.get("/api/events")).status).toBe(401);
    expect((await stranger.get("/api/session")).body).toEqual({ signedIn: false, devSignIn: false, people: [] });
  });

  it("exchanges an invite link's token for an HttpOnly, SameSite=Lax session cookie", async () => {
    const invite = await workspace.web.issueInvite("Ana Lima", workspace.port);
    expect(invite.link).toMatch(new RegExp(`^http://localhost:${workspace.port}/join#[A-Za-z0-9_-]{43}$`));
    const token = invite.link.split("#")[1]!;

    const ana = new WebPerson(workspace.url);
    const answer = await ana.post("/api/session/invite", { token, timezone: "Europe/Lisbon" });
    expect(answer.status).toBe(200);
    const cookie = answer.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^clusterbot_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    const me = await ana.me();
    expect(me).toMatchObject({ name: "Ana Lima", timezone: "Europe/Lisbon" });

    // Only hashes are stored: neither the token nor the session id is anywhere in the database.
    const prisma = workspace.database.database.prisma;
    const stored = JSON.stringify([await prisma.webInvite.findMany(), await prisma.webSession.findMany()]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(ana.cookie.split("=")[1]);
  });

  it("refuses a mistyped, replaced or expired invite", async () => {
    const first = await workspace.web.issueInvite("Bo Chen", workspace.port);
    const second = await workspace.web.issueInvite("bo chen", workspace.port);
    expect(second.created).toBe(false);
    const bo = new WebPerson(workspace.url);
    const tokenOf = (link: string) => link.split("#")[1]!;

    expect((await bo.post("/api/session/invite", { token: `${tokenOf(second.link)}x` })).status).toBe(401);
    const replaced = await bo.post("/api/session/invite", { token: tokenOf(first.link) });
    expect(replaced.status).toBe(401);
    expect(replaced.body.message).toMatch(/not valid/);
    expect(bo.cookie).toBe("");

    const later = now;
    now = new Date(later.getTime() + 15 * day);
    try {
      expect((await bo.post("/api/session/invite", { token: tokenOf(second.link) })).status).toBe(401);
    } finally {
      now = later;
    }
    expect((await bo.post("/api/session/invite", { token: tokenOf(second.link) })).status).toBe(200);
    expect((await bo.me()).name).toBe("Bo Chen");
  });

  it("ends a session on sign-out: the cookie stops working and its live stream closes", async () => {
    const invite = await workspace.web.issueInvite("Cleo Diaz", workspace.port);
    const cleo = new WebPerson(workspace.url);
    await cleo.post("/api/session/invite", { token: invite.link.split("#")[1] });
    const stream = await cleo.listen();
    const cookie = cleo.cookie;

    const out = await cleo.post("/api/session/signout");
    expect(out.headers.get("set-cookie")).toMatch(/^clusterbot_session=; .*Max-Age=0/);
    await stream.ended;
    cleo.cookie = cookie;
    expect((await cleo.get("/api/bootstrap")).status).toBe(401);
  });

  it("turns sign-in by name away when it is off", async () => {
    const someone = new WebPerson(workspace.url);
    const answer = await someone.post("/api/session/name", { name: "Mallory" });
    expect(answer.status).toBe(403);
    const anaId = (await workspace.bot.people()).find((person) => person.name === "Ana Lima")!.id;
    expect((await someone.post("/api/session/name", { userId: anaId })).status).toBe(403);
    expect(someone.cookie).toBe("");
  });

  it("refuses state changes from other sites (no CSRF header, a form body, a foreign Origin)", async () => {
    const invite = await workspace.web.issueInvite("Dan Eze", workspace.port);
    const dan = new WebPerson(workspace.url);
    await dan.post("/api/session/invite", { token: invite.link.split("#")[1] });
    const general = (await dan.get("/api/bootstrap")).body.channels.find((c: { name: string }) => c.name === "general");
    const post = (headers: Record<string, string>, body = JSON.stringify({ channelId: general.id, text: "x" })) =>
      fetch(`${workspace.url}/api/messages`, { method: "POST", headers: { cookie: dan.cookie, ...headers }, body });

    expect((await post({ "content-type": "application/json" })).status).toBe(403);
    expect(
      (await post({ "content-type": "application/x-www-form-urlencoded", "x-clusterbot-request": "1" }, "text=x"))
        .status,
    ).toBe(403);
    expect(
      (
        await post({
          "content-type": "application/json",
          "x-clusterbot-request": "1",
          origin: "http://evil.example",
        })
      ).status,
    ).toBe(403);
    expect(
      (await post({ "content-type": "application/json", "x-clusterbot-request": "1", "sec-fetch-site": "cross-site" }))
        .status,
    ).toBe(403);
    const page = await dan.get("/api/messages", { channel: general.id });
    expect(page.body.messages).toEqual([]);

    const fine = await post({
      "content-type": "application/json",
      "x-clusterbot-request": "1",
      origin: workspace.url,
      "sec-fetch-site": "same-origin",
    });
    expect(fine.status).toBe(201);
  });
});

describe("sign-in by name in local mode", () => {
  let workspace: TestWorkspace;
  beforeAll(async () => {
    workspace = await startTestWorkspace("pglite", { devSignIn: "local" });
  });
  afterAll(() => workspace.stop());

  it("lets this machine pick a person or join under a new name, each name once", async () => {
    const ana = await workspace.join("Ana Lima");
    const anaId = (await ana.me()).id;
    const session = await new WebPerson(workspace.url).get("/api/session");
    expect(session.body).toMatchObject({ signedIn: false, devSignIn: true, people: [{ name: "Ana Lima" }] });

    const twin = await new WebPerson(workspace.url).post("/api/session/name", { name: "  ana   LIMA " });
    expect(twin.status).toBe(409);
    expect(twin.body.fields.name).toMatch(/already in this workspace/);

    const switcher = new WebPerson(workspace.url);
    expect((await switcher.post("/api/session/name", { userId: anaId })).status).toBe(200);
    expect((await switcher.me()).id).toBe(anaId);
  });

  it("does not offer it to a page that reaches this machine under another name (DNS rebinding)", async () => {
    // fetch() will not send another Host header; node:http will, as a rebinding browser would.
    const asked = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(
          `${workspace.url}${path}`,
          {
            method,
            headers: {
              host: `evil.example:${workspace.port}`,
              "content-type": "application/json",
              "x-clusterbot-request": "1",
            },
          },
          (response) => {
            let text = "";
            response.on("data", (chunk) => {
              text += chunk;
            });
            response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
          },
        );
        request.on("error", reject);
        request.end(body);
      });
    expect((await asked("POST", "/api/session/name", JSON.stringify({ name: "Mallory" }))).status).toBe(403);
    const session = await asked("GET", "/api/session");
    expect(JSON.parse(session.body)).toEqual({ signedIn: false, devSignIn: false, people: [] });
  });
});
