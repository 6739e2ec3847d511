// 2 000 correctly signed but malformed requests: each gets a 4xx or a polite 200, nothing crashes, no listener
// trips over a shape it did not expect, and the bot still serves real users afterwards.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { type HostileContext, type HostileRequest, hostileRequests } from "../../support/hostile-slack.ts";
import { type SlackHarness, startSlackHarness, teamId, users } from "../../support/slack-bot.ts";
import { seedWorkshop, waitFor } from "../../support/slack-seed.ts";

const requestCount = 2_000;
const concurrency = 32;

interface LogLine {
  level: number;
  msg?: string;
  err?: { type?: string; message?: string };
}

/** A logger that keeps what the bot logged at warn level and above, to find listeners that threw. */
function capturingLogger() {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: "warn", base: undefined }, sink), lines };
}

async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe.each(backends)("hostile Slack payloads on %s", (backend) => {
  let harness: SlackHarness;
  let context: HostileContext;
  let foreign = { workshopId: "", projectId: "" };
  const captured = capturingLogger();
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    harness = await startSlackHarness(backend, undefined, { logger: captured.logger });
    const seeded = await seedWorkshop(harness, [
      { acronym: "ALPHA", members: ["ana", "ben"], results: ["Sensor kit", "Edge analytics"] },
      { acronym: "BETA", members: ["cleo"], results: ["Digital twin"] },
    ]);
    const resultIds = (await harness.deps.repos.results.listForWorkshop(seeded.workshop.id)).map((r) => r.id);
    const opened = await harness.slack.driver.slashCommand({
      command: "/cluster",
      text: "project add",
      userId: users.facilitator,
      channelId: "C0GENERAL01",
    });
    expect(opened.status).toBe(200);
    await waitFor(() => harness.slack.state.topView(users.facilitator) !== undefined);
    // Another workspace's workshop, project and result, for forged ids.
    const { repos } = harness.deps;
    const other = await repos.workspaces.ensure("slack", "T0OTHERTEAM");
    const stranger = await repos.people.ensure(other.id, users.facilitator);
    const theirs = await repos.workshops.create(other.id, { name: "Theirs" }, stranger.id);
    const theirProject = await repos.projects.create(theirs.id, {
      acronym: "SECRET",
      title: "Their project",
      partners: ["Them"],
      memberIds: [stranger.id],
    });
    await repos.results.replaceList(theirProject.id, [{ title: "Their result" }]);
    const theirResult = (await repos.results.listForProject(theirProject.id))[0]!;
    foreign = { workshopId: theirs.id, projectId: theirProject.id };
    context = {
      foreignIds: [theirs.id, theirProject.id, theirResult.id],
      teamId,
      userIds: [...Object.values(users), "U0NOBODY001"],
      projectIds: [...seeded.projects.map((project) => project.id), "00000000-0000-0000-0000-000000000000"],
      resultIds: [...resultIds, "not-a-uuid"],
      viewIds: [harness.slack.state.topView(users.facilitator)!.id, "V0NOSUCHVIEW"],
      responseUrl: opened.responseUrl,
    };
    process.on("unhandledRejection", onRejection);
  });
  afterAll(async () => {
    process.off("unhandledRejection", onRejection);
    await harness?.close();
  });

  it("answers every malformed request with a 4xx or a polite 200 and keeps working", async () => {
    const requests = hostileRequests(20_261_123, requestCount, context);
    const send = async (request: HostileRequest) => {
      const response = await harness.slack.driver.raw({ body: request.body, contentType: request.contentType });
      return { kind: request.kind, status: response.status };
    };
    const answers = await inParallel(requests, concurrency, send);
    const failures = answers.filter((answer) => answer.status >= 500);
    expect(failures).toEqual([]);
    expect(answers.every((answer) => answer.status === 200 || (answer.status >= 400 && answer.status < 500))).toBe(
      true,
    );
    expect(new Set(answers.map((answer) => answer.status)).has(400)).toBe(true);

    const help = await harness.slack.driver.slashCommand({
      command: "/cluster",
      text: "help",
      userId: users.ana,
      channelId: "C0GENERAL01",
    });
    expect(help.status).toBe(200);
    await waitFor(() =>
      harness.slack.state.responseUrlPosts.some((post) => help.responseUrl.endsWith(`/response/${post.id}`)),
    );

    // The new cases were sent, and changed nothing they should not have: one open workshop here, still the
    // seeded one; the other workspace's project untouched.
    const kinds = new Set(answers.map((answer) => answer.kind));
    for (const kind of ["takeover setup", "foreign ids", "40 KB argument", "look-alike text", "type-ahead flood"])
      expect(kinds.has(kind)).toBe(true);
    const workspace = await harness.deps.repos.workspaces.ensure("slack", teamId);
    expect((await harness.deps.repos.workshops.current(workspace.id))?.name).toBe("Seeded workshop");
    const open = (await harness.deps.repos.workshopRecords.list()).filter(
      (workshop) => workshop.phase !== "closed" && workshop.workspace === `slack ${teamId}`,
    );
    expect(open).toHaveLength(1);
    expect(await harness.deps.repos.projects.find(foreign.projectId)).toMatchObject({
      acronym: "SECRET",
      title: "Their project",
    });

    // Let work started after the acks finish, then look for crashes and listeners that tripped over a shape.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rejections).toEqual([]);
    const typeErrors = captured.lines.filter(
      (line) => line.err?.type === "TypeError" || /TypeError/.test(line.msg ?? ""),
    );
    expect(typeErrors.map((line) => line.err?.message ?? line.msg)).toEqual([]);
  }, 180_000);
});
