// npm run bench:slack [-- --postgres | --kill] — 500 partners submit their homework results step at the same moment.
// Measures the time to Slack's HTTP answer (the ack) for Clusterbot and, with the same signed requests, for a bare
// @slack/bolt App whose view listener only acks; prints p50/p95/p99 and the ratio of the p99s (target ≤ 1.5).
// Options: --postgres (TEST_DATABASE_URL; PGlite in memory without it), --partners 500, --results 3.
// --kill: the burst against the real process, SIGKILLed halfway and restarted (slack-kill.ts; needs PostgreSQL).
// Also prints the CPU time the process spent on each burst; BENCH_PROFILE=<dir> writes a CPU profile of each burst.
import { writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { Session } from "node:inspector/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { App, LogLevel } from "@slack/bolt";
import { parseSettings } from "../../src/config/settings.ts";
import { startHttpServer } from "../../src/http/server.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { composeApp } from "../../src/runtime/compose.ts";
import { createSlackStandIn, type SlackStandIn, slackSignature } from "../standins/slack/index.ts";
import { viewSubmissionPayload } from "../standins/slack/payloads.ts";
import { createTestDatabase } from "../support/database.ts";

const { values: flags } = parseArgs({
  options: {
    postgres: { type: "boolean", default: false },
    partners: { type: "string", default: "500" },
    results: { type: "string", default: "3" },
    kill: { type: "boolean", default: false },
  },
});
if (flags.kill) {
  const { runKillBench } = await import("./slack-kill.ts");
  const ok = await runKillBench({ partners: Number(flags.partners), results: Number(flags.results) });
  process.exit(ok ? 0 : 1);
}
const partnerCount = Number(flags.partners);
const resultsEach = Number(flags.results);
const backend = flags.postgres ? "postgres" : "pglite";
const signingSecret = "0123456789abcdef0123456789abcdef";
const teamId = "T0BENCH0001";
const facilitatorId = "U0FACIL0001";
const projectOf = new Map<string, string>();
const partnerIds = Array.from({ length: partnerCount }, (_, index) => `U0P${String(index).padStart(8, "0")}`);

const slack = await createSlackStandIn({
  // Only the burst is timed; opening 500 steps on a loaded machine may take longer than Slack's 3 s triggers.
  triggerTtlMs: 120_000,
  signingSecret,
  botUserId: "U0BOT000001",
  teamId,
  users: [facilitatorId, ...partnerIds].map((id, index) => ({ id, name: `user${index}`, realName: `User ${index}` })),
  channels: [{ id: "C0GENERAL01", name: "general", members: ["U0BOT000001", facilitatorId] }],
});
const test = await createTestDatabase(backend);
const composed = composeApp(
  parseSettings({ SLACK_BOT_TOKEN: slack.botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: slack.url }),
  test.database,
  createLogger(process.env.BENCH_LOG ?? "silent", false),
  { now: () => new Date() },
);
const ours = await startHttpServer({
  host: "127.0.0.1",
  port: 0,
  routes: composed.routes,
  logger: createLogger("silent", false),
});
slack.driver.botUrl = `http://127.0.0.1:${ours.port}/slack/events`;
const bare = await startBareBolt(slack);

try {
  console.log(`backend ${backend}, ${partnerCount} partners × ${resultsEach} results`);
  let started = Date.now();
  const workshopId = await seed();
  console.log(`seeded in ${Date.now() - started} ms`);
  started = Date.now();
  await inParallel(partnerIds, 16, openResultsStep);
  console.log(`opened ${partnerCount} results steps in ${Date.now() - started} ms`);

  const bodies = partnerIds.map(submissionBody);
  await warmUp(slack.driver.botUrl);
  await warmUp(bare.url);
  let cpu = process.cpuUsage();
  const botUrl = slack.driver.botUrl;
  const ourTimes = await profiled("clusterbot", () => fireAll(botUrl, bodies));
  const ourCpu = cpuMs(process.cpuUsage(cpu));
  const stored = await settle(workshopId, partnerCount * resultsEach);
  cpu = process.cpuUsage();
  const bareTimes = await profiled("bare", () => fireAll(bare.url, bodies));
  const bareCpu = cpuMs(process.cpuUsage(cpu));

  printTable([
    { name: `Clusterbot (${backend})`, times: ourTimes },
    { name: "bare @slack/bolt App", times: bareTimes },
  ]);
  const ratio = percentile(ourTimes, 99) / percentile(bareTimes, 99);
  console.log(`p99 ratio Clusterbot / bare Bolt: ${ratio.toFixed(2)} (target ≤ 1.5)`);
  console.log(
    `CPU time during the burst (this process, both ends): Clusterbot ${ourCpu.toFixed(0)} ms, bare Bolt ${bareCpu.toFixed(0)} ms, ratio ${(ourCpu / bareCpu).toFixed(2)}`,
  );
  console.log(`results stored: ${stored} (expected ${partnerCount * resultsEach})`);
  if (stored !== partnerCount * resultsEach) process.exitCode = 1;
} finally {
  await bare.stop();
  await ours.close();
  await slack.close();
  await test.drop();
}

/** With BENCH_PROFILE=<dir>, a CPU profile of just this burst is written there (`<name>.cpuprofile`). */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function seed(): Promise<string> {
  const { repos } = composed.deps;
  const workspace = await repos.workspaces.ensure("slack", teamId);
  const facilitator = await repos.people.ensure(workspace.id, facilitatorId);
  const workshop = await repos.workshops.create(
    workspace.id,
    { name: "Bench workshop", maxResultsPerProject: resultsEach },
    facilitator.id,
  );
  await repos.workshops.setPhase(workshop.id, "homework");
  await inParallel(partnerIds, 8, async (userId) => {
    const person = await repos.people.ensure(workspace.id, userId);
    const project = await repos.projects.create(workshop.id, {
      acronym: `B${userId.slice(3)}`,
      title: `Project of ${userId}`,
      partners: ["Bench University"],
      memberIds: [person.id],
    });
    projectOf.set(userId, project.id);
  });
  return workshop.id;
}

/** Start homework from a button, then open the results step on top of the overview, as a partner would. */
async function openResultsStep(userId: string): Promise<void> {
  await slack.driver.blockActions({
    userId,
    actions: [{ actionId: "homework.start", blockId: "bench", value: projectOf.get(userId) ?? "" }],
  });
  await waitFor(() => slack.state.topView(userId)?.callback_id === "homework.overview");
  await slack.driver.blockActions({
    userId,
    viewId: slack.state.topView(userId)!.id,
    actions: [{ actionId: "homework.results", value: projectOf.get(userId) ?? "" }],
  });
  await waitFor(() => slack.state.topView(userId)?.callback_id === "homework.results");
}

function submissionBody(userId: string): string {
  const view = slack.state.topView(userId)!;
  const inputs = Object.fromEntries(
    Array.from({ length: resultsEach }, (_, index) => [`result_${index + 1}`, `Result ${index + 1} of ${userId}`]),
  );
  const values = slack.driver.stateValues(view.id, inputs);
  const payload = viewSubmissionPayload(slack.state, userId, view, values, slack.state.issueTrigger(userId, view.id));
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

async function post(url: string, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(signingSecret, timestamp, body),
  };
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers, body });
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return elapsed;
}

/** Every request at once, each timed from send to the end of the HTTP answer. */
function fireAll(url: string, bodies: string[]): Promise<number[]> {
  return Promise.all(bodies.map((body) => post(url, body)));
}

/** A few submissions of a modal nobody handles: connections, JIT and Bolt's auth.test, before timing. */
async function warmUp(url: string): Promise<void> {
  const payload = {
    type: "view_submission",
    team: { id: teamId },
    user: { id: facilitatorId, team_id: teamId },
    view: { id: "V0WARMUP0001", callback_id: "bench.warmup", state: { values: {} }, blocks: [] },
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  await inParallel(
    Array.from({ length: 50 }, () => body),
    10,
    (item) => post(url, item),
  );
}

/** Waits until the bot's work after the acks (refreshing each overview) is done, so it does not skew the next run. */
/**
 * Answers are saved after the ack; wait until every one is stored and the bot's follow-up calls have stopped, so
 * the bare app's run does not share the machine with our saves. Returns how many results are stored.
 */
async function settle(workshopId: string, expected: number): Promise<number> {
  const deadline = Date.now() + 180_000;
  let stored = 0;
  let calls = -1;
  while (Date.now() < deadline) {
    stored = (await composed.deps.repos.results.listForWorkshop(workshopId)).length;
    if (stored >= expected && slack.state.calls.length === calls) break;
    calls = slack.state.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return stored;
}

async function startBareBolt(standIn: SlackStandIn): Promise<{ url: string; stop(): Promise<void> }> {
  const app = new App({
    signingSecret,
    token: standIn.botToken,
    clientOptions: { slackApiUrl: standIn.url },
    logLevel: LogLevel.ERROR,
  });
  app.view(/.*/, async ({ ack }) => {
    await ack();
  });
  const server = (await app.start(0)) as Server;
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/slack/events`, stop: () => app.stop().then(() => undefined) };
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function printTable(rows: { name: string; times: number[] }[]): void {
  const cell = (ms: number) => `${ms.toFixed(1)} ms`.padStart(12);
  console.log(`${"".padEnd(28)}${["p50", "p95", "p99", "max"].map((h) => h.padStart(12)).join("")}`);
  for (const { name, times } of rows) {
    const columns = [50, 95, 99, 100].map((p) => cell(percentile(times, p)));
    console.log(`${name.padEnd(28)}${columns.join("")}`);
  }
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

async function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for the bot");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
