// Acknowledged means durable: the real `clusterbot start` process, killed with SIGKILL right after it acknowledged a
// partner's results step and before it applied it, applies the answer when it starts again, once; a redelivered
// submission changes nothing; SIGTERM waits for answers acknowledged but not yet applied.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories, type Repositories } from "../../../src/store/repositories/index.ts";
import { createSlackStandIn, type SlackStandIn } from "../../standins/slack/index.ts";
import { createTestDatabase, postgresUrl, type TestDatabase } from "../../support/database.ts";
import { freePort, runCli, type Spawned, waitForOutput } from "../../support/process.ts";
import { signingSecret, teamId, users } from "../../support/slack-bot.ts";
import { patientMs, waitFor } from "../../support/wait.ts";

// Two processes share the database, so this needs PostgreSQL (the embedded store is one process's folder).
describe.skipIf(!postgresUrl)("an acknowledged answer survives a crash (a real process, PostgreSQL)", () => {
  let slack: SlackStandIn;
  let test: TestDatabase;
  let repos: Repositories;
  let projectId: string;
  let cwd: string;
  const running: Spawned[] = [];

  beforeAll(async () => {
    slack = await createSlackStandIn({
      // What is tested is the answer, not the opening: a loaded machine may take longer than Slack's 3 s.
      triggerTtlMs: 60_000,
      signingSecret,
      botUserId: "U0BOT000001",
      teamId,
      users: [
        { id: users.facilitator, name: "fran", realName: "Fran Facilitator", tz: "Europe/Brussels" },
        { id: users.ana, name: "ana", realName: "Ana Partner", tz: "Europe/Madrid" },
      ],
      channels: [{ id: "C0GENERAL01", name: "general", members: ["U0BOT000001", users.facilitator, users.ana] }],
    });
    test = await createTestDatabase("postgres");
    repos = createRepositories(test.database.prisma);
    const workspace = await repos.workspaces.ensure("slack", teamId);
    const facilitator = await repos.people.ensure(workspace.id, users.facilitator, { displayName: "fran" });
    const ana = await repos.people.ensure(workspace.id, users.ana, { displayName: "ana" });
    const workshop = await repos.workshops.create(
      workspace.id,
      { name: "Crash workshop", homeworkDeadline: new Date(Date.now() + 14 * 86_400_000) },
      facilitator.id,
    );
    await repos.workshops.setPhase(workshop.id, "homework");
    const project = await repos.projects.create(workshop.id, {
      acronym: "ALPHA",
      title: "ALPHA project",
      partners: ["ALPHA University"],
      memberIds: [ana.id],
    });
    projectId = project.id;
    cwd = await mkdtemp(join(tmpdir(), "clusterbot-durable-"));
  });
  afterAll(async () => {
    for (const spawned of running) {
      if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
      await spawned.exited;
    }
    await slack?.close();
    await test?.drop();
  });

  async function startBot(): Promise<Spawned> {
    const port = await freePort();
    const bot = runCli(
      ["start"],
      {
        PORT: String(port),
        DATABASE_URL: test.url,
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: slack.url,
        CLUSTERBOT_WEB: "off",
      },
      cwd,
    );
    running.push(bot);
    // A loaded machine can take more than half a minute to migrate and start.
    await waitForOutput(bot, /is ready/, 120_000);
    slack.driver.botUrl = `http://127.0.0.1:${port}/slack/events`;
    return bot;
  }

  /**
   * Waits for a new top modal of Ana's (not `before`, the one she had); when it never comes, the error carries what
   * the bot printed and what she sees.
   */
  async function waitForView(callbackId: string, before: string | undefined): Promise<string> {
    try {
      await waitFor(() => {
        const top = slack.state.topView(users.ana);
        return top?.callback_id === callbackId && top.id !== before;
      });
      return slack.state.topView(users.ana)!.id;
    } catch (error) {
      const output = running.map((spawned) => spawned.output().slice(-4000)).join("\n--- next process ---\n");
      const top = slack.state.topView(users.ana)?.callback_id ?? "no modal";
      throw new Error(`${(error as Error).message}; Ana's top modal: ${top}; the bot printed:\n${output}`);
    }
  }

  // Under a full parallel suite the bot can take many seconds to open a modal; what is tested is the answer.
  // Ana may still have the overview of an earlier test open: the step is pressed on the overview this start opens
  // (a press on the old one races the new one's views.open, which replaces the stack, results step and all).
  async function openResultsStep(): Promise<string> {
    await slack.driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: "homework.start", blockId: "crash", value: projectId }],
    });
    const overview = await waitForView("homework.overview", slack.state.topView(users.ana)?.id);
    await slack.driver.blockActions({
      userId: users.ana,
      viewId: overview,
      actions: [{ actionId: "homework.results", value: projectId }],
    });
    return waitForView("homework.results", overview);
  }

  /**
   * Signed requests every few milliseconds: the bot applies answers after a lull in requests, so while this runs
   * it has acknowledged the answer but not applied it (for up to 10 s), the moment a crash loses it without an inbox.
   */
  function keepBusy(): () => Promise<void> {
    let on = true;
    const loop = (async () => {
      for (let n = 0; on; n++) {
        await slack.driver
          .event({ event: { type: "user_status_changed", user: users.facilitator }, eventId: `Ev0BUSY${n}` })
          .catch(() => undefined);
        await pause(10);
      }
    })();
    return async () => {
      on = false;
      await loop;
    };
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const titles = async () => (await repos.results.listForProject(projectId)).map((result) => result.title).sort();

  it("applies an answer acknowledged just before a SIGKILL once, after the restart, and ignores its redelivery", async () => {
    const first = await startBot();
    const viewId = await openResultsStep();
    const stopNoise = keepBusy();
    const inputs = { result_1: "Sensor kit", result_2: "Edge analytics" };
    const ack = await slack.driver.viewSubmission({ userId: users.ana, viewId, inputs });
    first.child.kill("SIGKILL");
    await stopNoise();
    await first.exited;

    expect(ack.status).toBe(200);
    expect(ack.responseAction?.action).toBe("close");
    // Killed before its worker ran: not applied, but kept.
    expect(await titles()).toEqual([]);
    const [kept] = await repos.inbox.pending();
    expect(kept?.key).toMatch(new RegExp(`^slack:${teamId}:${viewId}:`));

    const second = await startBot();
    // It applies what was kept as it starts: poll our records until the row is marked applied.
    await waitFor(async () => (await repos.inbox.pending()).length === 0, patientMs, "the kept answer to be applied");
    expect(await titles()).toEqual(["Edge analytics", "Sensor kit"]);
    const applied = await repos.inbox.find(kept!.key);
    expect(applied?.appliedAt).toBeInstanceOf(Date);

    // Slack redelivers the same submission: answered, not applied again.
    const again = await slack.driver.viewSubmission({ userId: users.ana, viewId, inputs, retryNum: 1 });
    expect(again.status).toBe(200);
    // Answered like the first copy (the modal closes), not as a form behind its own save.
    expect(again.responseAction?.action).toBe("close");
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(await titles()).toEqual(["Edge analytics", "Sensor kit"]);
    expect((await repos.inbox.find(kept!.key))?.appliedAt).toEqual(applied?.appliedAt);
    expect(await repos.inbox.pending()).toEqual([]);
  }, 300_000);

  it("applies an answer acknowledged just before a SIGTERM before the process exits", async () => {
    const bot = await startBot();
    const viewId = await openResultsStep();
    const stopNoise = keepBusy();
    const ack = await slack.driver.viewSubmission({
      userId: users.ana,
      viewId,
      inputs: { result_1: "Sensor kit v2", result_2: "Edge analytics", result_3: "Training course" },
    });
    bot.child.kill("SIGTERM");
    await stopNoise();

    expect(ack.responseAction?.action).toBe("close");
    expect(await bot.exited).toBe(0);
    expect(await titles()).toEqual(["Edge analytics", "Sensor kit v2", "Training course"]);
    expect(await repos.inbox.pending()).toEqual([]);
  }, 300_000);
});
