// Installation and conversation updates store references; proactive messages use them (opening a 1:1 chat when
// there is none); channel posts start threads and replies land in them; Teams' failures come back typed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimitedError } from "../../../src/app/ports/errors.ts";
import { readReference } from "../../../src/platforms/teams/conversation-ref.ts";
import { NoConversationError, TeamsCallError } from "../../../src/platforms/teams/errors.ts";
import { backends } from "../../support/database.ts";
import { facilitatorsTeam, people, startTeamsHarness, type TeamsHarness, tenantId } from "./harness.ts";

const text = (value: string) => ({ type: "message" as const, text: value });

describe.each(backends)("Teams conversation references and proactive messages (%s)", (backend) => {
  let harness: TeamsHarness;
  let workspaceId: string;
  beforeAll(async () => {
    harness = await startTeamsHarness(backend);
    workspaceId = await harness.adapter.conversations.workspaceId(tenantId);
  });
  afterAll(() => harness.close());

  it("stores the 1:1 reference on install and sends to it later; forgets it on uninstall", async () => {
    await harness.teams.driver.message(people.ana, "hi");
    expect((await harness.teams.driver.installPersonal(people.fran)).status).toBe(200);
    await harness.adapter.idle();
    const reference = await harness.adapter.conversations.userReference(workspaceId, people.fran);
    expect(reference).toMatchObject({ kind: "personal", tenantId, conversationId: `a:1${people.fran}` });
    const sent = await harness.adapter.messenger.sendToPerson(workspaceId, people.fran, text("Homework opens today"));
    expect(harness.teams.state.personalMessages(people.fran).map((entry) => entry.activity.text)).toEqual([
      "Homework opens today",
    ]);
    expect(sent.conversationId).toBe(`a:1${people.fran}`);

    await harness.teams.driver.uninstallPersonal(people.fran);
    await harness.adapter.idle();
    expect(await harness.adapter.conversations.userReference(workspaceId, people.fran)).toBeUndefined();
    // Without a reference a 1:1 chat is opened again, which Teams refuses for someone who removed the app.
    const refused = harness.adapter.messenger.sendToPerson(workspaceId, people.fran, text("again"));
    await expect(refused).rejects.toMatchObject({ name: "TeamsCallError", failure: "permanent", status: 403 });
  });

  it("opens a 1:1 chat for someone never seen in one, and remembers the person's time zone from activities", async () => {
    await harness.teams.driver.message(people.ana, "hello");
    await harness.adapter.idle();
    const sent = await harness.adapter.messenger.sendToPerson(
      workspaceId,
      people.ben,
      text("Your homework is waiting"),
    );
    expect(sent.conversationId).toBe(`a:1${people.ben}`);
    expect(harness.teams.state.personalMessages(people.ben)).toHaveLength(1);
    const ana = await harness.database.prisma.platformUser.findFirstOrThrow({
      where: { externalId: people.ana },
      include: { person: true },
    });
    expect(ana.person.timezone).toBe("Europe/Madrid");
  });

  it("stores the team on install (with its Graph id) and posts to its channel, then replies in the thread", async () => {
    const answers = await harness.teams.driver.installInTeam(people.fran, facilitatorsTeam);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    await harness.adapter.idle();
    const teams = await harness.adapter.conversations.teams(workspaceId);
    const team = harness.teams.state.team(facilitatorsTeam);
    expect(teams).toEqual([{ id: team.id, aadGroupId: facilitatorsTeam, name: "Cluster facilitators" }]);
    const general = await harness.adapter.conversations.channelReference(workspaceId, team.id);
    if (!general) throw new Error("no reference for the General channel");
    const post = await harness.adapter.messenger.postToChannel(general, text("Clusters are announced"));
    const reply = await harness.adapter.messenger.replyInThread(general, post.threadId ?? "", text("First item"));
    expect(harness.teams.state.channelPosts(team.id).map((entry) => entry.activity.text)).toEqual([
      "Clusters are announced",
    ]);
    expect(harness.teams.state.threadReplies(team.id, post.activityId).map((entry) => entry.activity.text)).toEqual([
      "First item",
    ]);
    expect(reply.threadId).toBe(post.activityId);
    const stored = await harness.database.prisma.platformChannel.findFirstOrThrow({ where: { externalId: team.id } });
    expect(readReference(stored.conversationRef)?.team?.aadGroupId).toBe(facilitatorsTeam);
    expect(await harness.adapter.conversations.teamOfChannel(stored.id)).toMatchObject({
      aadGroupId: facilitatorsTeam,
    });
  });

  it("stores a group chat's reference when the bot is added to it", async () => {
    await harness.teams.driver.installInGroupChat(people.ana, "19:groupchat-1@thread.v2", [people.ana, people.ben]);
    await harness.adapter.idle();
    const reference = await harness.adapter.conversations.channelReference(workspaceId, "19:groupchat-1@thread.v2");
    expect(reference).toMatchObject({ kind: "groupChat" });
    if (!reference) return;
    await harness.adapter.messenger.send(reference, text("Hello both"));
    expect(harness.teams.state.sentTo("19:groupchat-1@thread.v2").map((entry) => entry.activity.text)).toEqual([
      "Hello both",
    ]);
  });

  it("updates a message it sent", async () => {
    const reference = await harness.adapter.conversations.userReference(workspaceId, people.ana);
    if (!reference) throw new Error("no reference for Ana");
    const sent = await harness.adapter.messenger.send(reference, text("Start homework"));
    await harness.adapter.messenger.update(reference, sent.activityId, text("Homework done"));
    const entry = harness.teams.state.sentTo(reference.conversationId).find((item) => item.id === sent.activityId);
    expect(entry?.activity.text).toBe("Homework done");
  });

  it("turns 429 into RateLimitedError with Retry-After, 5xx into a retryable and 404 into a permanent failure", async () => {
    const reference = await harness.adapter.conversations.userReference(workspaceId, people.ana);
    if (!reference) throw new Error("no reference for Ana");
    harness.teams.faults.rateLimitNext("connector", 1, 7);
    const limited = await harness.adapter.messenger.send(reference, text("x")).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBe(7);
    harness.teams.faults.failNext("connector", 1, { status: 503, code: "ServiceUnavailable" });
    const down = await harness.adapter.messenger.send(reference, text("x")).catch((error: unknown) => error);
    expect(down).toBeInstanceOf(TeamsCallError);
    expect(down).toMatchObject({ failure: "retryable", status: 503 });
    const gone = await harness.adapter.messenger
      .send({ ...reference, conversationId: "a:1no-such-chat" }, text("x"))
      .catch((error: unknown) => error);
    expect(gone).toMatchObject({ failure: "permanent", status: 404, code: "ConversationNotFound" });
  });

  it("says plainly when there is no conversation at all in a workspace", async () => {
    const empty = await harness.adapter.conversations.workspaceId("11111111-2222-3333-4444-555555555555");
    await expect(harness.adapter.messenger.sendToPerson(empty, people.ana, text("x"))).rejects.toBeInstanceOf(
      NoConversationError,
    );
  });
});
