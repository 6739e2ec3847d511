// A person's top-level post in a working group's channel counts as the group's activity in the browser workspace,
// as in Slack and Teams (the core's `channel-message`): the next follow-up round in the channel then has no "it has
// been quiet here" prompt; a round after weeks with no post has it. The scheduler's job runner posts the rounds with
// the app's clock moved weeks ahead; people read the channel over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followUpJobHandlers } from "../../../src/app/groups/follow-ups.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import type { WireMessage } from "../../../src/platforms/web/protocol.ts";
import { createJobRunner, type JobRunner } from "../../../src/scheduler/runner.ts";
import { backends } from "../../support/database.ts";
import { waitFor } from "../../support/wait.ts";
import { command, startWebApp, type WebApp } from "./app-harness.ts";
import type { LiveStream, WebPerson } from "./harness.ts";

const quietPrompt = "It has been quiet here";

describe.each(backends)("a working group's activity in the browser workspace (%s)", (backend) => {
  let web: WebApp;
  let runner: JobRunner;
  let fran: WebPerson;
  let ben: WebPerson;
  let franLive: LiveStream;
  let clusterId: string;
  let channel: string;
  // Real time until the follow-ups, which move it weeks ahead.
  let ahead = 0;
  const clock = { now: () => new Date(Date.now() + ahead) };

  beforeAll(async () => {
    web = await startWebApp(backend, { clock });
    fran = await web.join("Fran Facilitator");
    const ana = await web.join("Ana Partner");
    ben = await web.join("Ben Partner");
    const { repos } = web.app.deps;
    const workspaceId = web.bot.workspace.id;
    const person = async (member: WebPerson, name: string) =>
      (await repos.people.ensure(workspaceId, (await member.me()).id, { displayName: name })).id;
    const created = await repos.workshops.create(
      workspaceId,
      { name: "Activity workshop" },
      await person(fran, "Fran Facilitator"),
    );
    await repos.workshops.setPhase(created.id, "homework");
    const resultIds: string[] = [];
    for (const [acronym, member, name] of [
      ["ALPHA", ana, "Ana Partner"],
      ["BETA", ben, "Ben Partner"],
    ] as const) {
      const project = await repos.projects.create(created.id, {
        acronym,
        title: `${acronym} project`,
        partners: [`${acronym} University`],
        memberIds: [await person(member, name)],
      });
      await repos.results.replaceList(project.id, [{ title: `${acronym} sensor kit` }]);
      resultIds.push(...(await repos.results.listForProject(project.id)).map((result) => result.id));
    }
    const cluster = await web.database.database.prisma.cluster.create({
      data: {
        workshopId: created.id,
        label: "Predictive maintenance",
        explanation: "Both monitor machines.",
        status: "approved",
        position: 0,
        members: { create: resultIds.map((resultId) => ({ resultId })) },
      },
    });
    clusterId = cluster.id;
    runner = createJobRunner({
      jobs: repos.jobs,
      handlers: followUpJobHandlers(web.app.deps),
      clock,
      logger: createLogger("silent", false),
      owner: "test-runner",
    });
    franLive = await fran.listen();
  });
  afterAll(() => web.stop());

  /** Moves the clock to the earliest pending job of `kind` and runs what is due. */
  const runNext = async (kind: string) => {
    const pending = await web.app.deps.repos.jobs.list({ kind, status: "pending" });
    const due = Math.min(...pending.map((job) => job.dueAt.getTime()));
    expect(Number.isFinite(due)).toBe(true);
    ahead = Math.max(ahead, due - Date.now() + 1000);
    await runner.runDueJobsOnce();
  };

  /** The root of follow-up round `round` in the group's channel, as Ben reads it. */
  const round = async (number: number): Promise<string | null> => {
    const messages = (await ben.get("/api/messages", { channel })).body.messages as WireMessage[];
    const root = messages.find(
      (message) => message.author.kind === "bot" && String(message.content.summary).startsWith(`Follow-up ${number}:`),
    );
    return root ? JSON.stringify(root.content) : null;
  };

  it("makes the group's channel", async () => {
    await command(fran, web.general, "groups create");
    await franLive.next(
      (event) => event.type === "message" && /Created 1 working-group channel/.test(JSON.stringify(event.message)),
    );
    const group = await web.app.deps.repos.workingGroups.find(clusterId);
    channel = group!.channel!.externalId;
    const channels = (await ben.get("/api/bootstrap")).body.channels as { id: string }[];
    expect(channels.map((candidate) => candidate.id)).toContain(channel);
  });

  it("counts Ben's top-level post as the group's activity: the next round does not call the group quiet", async () => {
    const lastActivity = async () =>
      (await web.database.database.prisma.cluster.findUniqueOrThrow({ where: { id: clusterId } })).lastActivityAt;
    const pending = await web.app.deps.repos.jobs.list({ kind: "workgroup.followup", status: "pending" });
    // A day before the first round is due, Ben writes in the channel (not in a thread, no command).
    ahead = Math.min(...pending.map((job) => job.dueAt.getTime())) - Date.now() - 86_400_000;
    const postedAt = clock.now().getTime();
    const posted = await ben.post("/api/messages", { channelId: channel, text: "Call on Tuesday about the rig?" });
    expect(posted.status).toBe(201);
    // Clusterbot has heard it (the workspace hands it over after answering the browser): nothing is said back.
    await web.web.service.context.bot.drain(60_000);
    await web.app.core.settled();
    const said = ((await ben.get("/api/messages", { channel })).body.messages as WireMessage[]).at(-1);
    expect(said?.id).toBe(posted.body.message.id);

    await runNext("workgroup.followup");
    await waitFor(async () => (await round(1)) !== null);
    expect(await round(1)).not.toContain(quietPrompt);
    expect((await lastActivity())?.getTime()).toBeGreaterThanOrEqual(postedAt);
  });

  it("calls the group quiet in the round after weeks with no post", async () => {
    await runNext("workgroup.followup");
    await waitFor(async () => (await round(2)) !== null);
    expect(await round(2)).toContain(quietPrompt);
  });
});
