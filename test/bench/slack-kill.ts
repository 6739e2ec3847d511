// npm run bench:slack -- --kill — the 500-partner burst against the real `clusterbot start` process (PostgreSQL,
// TEST_DATABASE_URL), SIGKILLed once half of the submissions are acknowledged, then started again. Prints how many
// answers were acknowledged and how many of those are stored (every acknowledged answer must be: lost 0), and the
// delay from each ack to its answer being applied (p50/p99/max; the restart is inside the tail).
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRepositories } from "../../src/store/repositories/index.ts";
import { createSlackStandIn, slackSignature } from "../standins/slack/index.ts";
import { viewSubmissionPayload } from "../standins/slack/payloads.ts";
import { createTestDatabase } from "../support/database.ts";
import { freePort, runCli, type Spawned, waitForOutput } from "../support/process.ts";

export interface KillBenchOptions {
  partners: number;
  results: number;
}

const signingSecret = "0123456789abcdef0123456789abcdef";
const teamId = "T0BENCH0001";
const facilitatorId = "U0FACIL0001";

export async function runKillBench({ partners, results }: KillBenchOptions): Promise<boolean> {
  if (!process.env.TEST_DATABASE_URL) throw new Error("--kill needs TEST_DATABASE_URL (two processes share the store)");
  const partnerIds = Array.from({ length: partners }, (_, index) => `U0P${String(index).padStart(8, "0")}`);
  const slack = await createSlackStandIn({
    // The burst is what is measured; opening the steps under load may take longer than Slack's 3 s triggers.
    triggerTtlMs: 120_000,
    signingSecret,
    botUserId: "U0BOT000001",
    teamId,
    users: [facilitatorId, ...partnerIds].map((id, index) => ({ id, name: `user${index}`, realName: `User ${index}` })),
    channels: [{ id: "C0GENERAL01", name: "general", members: ["U0BOT000001", facilitatorId] }],
  });
  const test = await createTestDatabase("postgres");
  const repos = createRepositories(test.database.prisma);
  const cwd = await mkdtemp(join(tmpdir(), "clusterbot-kill-bench-"));
  const bots: Spawned[] = [];
  const startBot = async () => {
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
        LOG_LEVEL: "info",
      },
      cwd,
    );
    bots.push(bot);
    await waitForOutput(bot, /is ready/, 120_000);
    slack.driver.botUrl = `http://127.0.0.1:${port}/slack/events`;
    return { bot, url: slack.driver.botUrl };
  };

  try {
    console.log(`backend postgres, real process, ${partners} partners × ${results} results, SIGKILL halfway`);
    const projectOf = new Map<string, string>();
    const workspace = await repos.workspaces.ensure("slack", teamId);
    const facilitator = await repos.people.ensure(workspace.id, facilitatorId);
    const workshop = await repos.workshops.create(
      workspace.id,
      { name: "Kill bench workshop", maxResultsPerProject: results },
      facilitator.id,
    );
    await repos.workshops.setPhase(workshop.id, "homework");
    // Few at a time: on a loaded machine eight concurrent creates outlived Prisma's 5 s transaction timeout.
    await inParallel(partnerIds, 3, async (userId) => {
      const person = await repos.people.ensure(workspace.id, userId);
      const project = await repos.projects.create(workshop.id, {
        acronym: `B${userId.slice(3)}`,
        title: `Project of ${userId}`,
        partners: ["Bench University"],
        memberIds: [person.id],
      });
      projectOf.set(userId, project.id);
    });

    const first = await startBot();
    process.on("exit", () => {
      if (process.exitCode) console.error(first.bot.output().slice(-3000));
    });
    await inParallel(partnerIds, 16, async (userId) => {
      const projectId = projectOf.get(userId) ?? "";
      await slack.driver.blockActions({
        userId,
        actions: [{ actionId: "homework.start", blockId: "bench", value: projectId }],
      });
      await waitFor(() => slack.state.topView(userId)?.callback_id === "homework.overview");
      const overview = slack.state.topView(userId)!;
      await slack.driver.blockActions({
        userId,
        viewId: overview.id,
        actions: [{ actionId: "homework.results", value: projectId }],
      });
      await waitFor(() => slack.state.topView(userId)?.callback_id === "homework.results");
    });
    const submissions = partnerIds.map((userId) => {
      const view = slack.state.topView(userId)!;
      const inputs = Object.fromEntries(
        Array.from({ length: results }, (_, index) => [`result_${index + 1}`, `Result ${index + 1} of ${userId}`]),
      );
      const values = slack.driver.stateValues(view.id, inputs);
      const payload = viewSubmissionPayload(
        slack.state,
        userId,
        view,
        values,
        slack.state.issueTrigger(userId, view.id),
      );
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return { userId, viewId: view.id, body };
    });

    // The burst; once half of it is acknowledged, SIGKILL. Requests cut off by the kill were never acknowledged
    // (Slack shows the partner an error, nothing was promised).
    const ackedAt = new Map<string, number>();
    let killedAt = 0;
    await Promise.all(
      submissions.map(async ({ userId, body }) => {
        const ok = await post(first.url, body).catch(() => false);
        if (!ok) return;
        ackedAt.set(userId, Date.now());
        if (!killedAt && ackedAt.size >= partners / 2) {
          killedAt = Date.now();
          first.bot.child.kill("SIGKILL");
        }
      }),
    );
    await first.bot.exited;
    const before = (await repos.results.listForWorkshop(workshop.id)).length / results;
    console.log(`killed after ${ackedAt.size} acks; answers applied before the kill: ${before}`);

    await startBot();
    const deadline = Date.now() + 300_000;
    while ((await repos.inbox.pending()).length > 0 && Date.now() < deadline) await pause(200);

    const stored = new Set(
      (await repos.results.listForWorkshop(workshop.id)).map((result) => result.projectId).filter(Boolean),
    );
    const rows = await test.database.prisma.submissionInbox.findMany({ select: { key: true, appliedAt: true } });
    const delays: number[] = [];
    let storedAcked = 0;
    for (const { userId, viewId } of submissions) {
      const acked = ackedAt.get(userId);
      if (acked === undefined) continue;
      const count = (await repos.results.listForProject(projectOf.get(userId) ?? "")).length;
      if (count === results && stored.has(projectOf.get(userId) ?? "")) storedAcked++;
      const row = rows.find((candidate) => candidate.key.startsWith(`slack:${teamId}:${viewId}:`));
      if (row?.appliedAt) delays.push(Math.max(0, row.appliedAt.getTime() - acked));
    }
    const lost = ackedAt.size - storedAcked;
    console.log(`acknowledged ${ackedAt.size} · stored ${storedAcked} · lost ${lost}`);
    const cell = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `ack → stored: p50 ${cell(percentile(delays, 50))} · p99 ${cell(percentile(delays, 99))} · max ${cell(percentile(delays, 100))}`,
    );
    return lost === 0;
  } finally {
    for (const bot of bots) {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill("SIGTERM");
      await bot.exited;
    }
    await slack.close();
    await test.drop();
  }
}

async function post(url: string, body: string): Promise<boolean> {
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(signingSecret, timestamp, body),
    },
    body,
  });
  // Acknowledged: the modal closes (an empty answer). An `errors` answer (the bot answered too late to keep it)
  // leaves the modal open with what was typed: nothing was promised.
  const answer = await response.text();
  return response.status === 200 && !answer.includes('"response_action":"errors"');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

async function waitFor(condition: () => boolean, timeoutMs = 180_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for the bot");
    await pause(10);
  }
}
