// npm run bench:workgroups [-- --postgres] — 50 working-group channels × 20 thread replies each, every event
// delivered twice (Slack's retry with the same event_id) and every tenth a third time under another event id (a
// repeat from elsewhere). Prints the acks' p50/p95/p99, deliveries acknowledged per second, items stored per second,
// and checks there is exactly one item and one confirmation per reply.
// Options: --postgres (TEST_DATABASE_URL; PGlite in memory without it), --groups 50, --replies 20,
// --messages-per-second 10 (the workspace-wide ceiling, CLUSTERBOT_MESSAGES_PER_SECOND; each channel gets 1 a second).
import { parseArgs } from "node:util";
import { parseSettings } from "../../src/config/settings.ts";
import { startHttpServer } from "../../src/http/server.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { composeApp } from "../../src/runtime/compose.ts";
import type { EventInput } from "../standins/slack/driver.ts";
import { createSlackStandIn } from "../standins/slack/index.ts";
import { botMessage, storeMessage } from "../standins/slack/threads.ts";
import { createTestDatabase } from "../support/database.ts";

const { values: flags } = parseArgs({
  options: {
    postgres: { type: "boolean", default: false },
    groups: { type: "string", default: "50" },
    replies: { type: "string", default: "20" },
    "messages-per-second": { type: "string" },
  },
});
const groupCount = Number(flags.groups);
const repliesEach = Number(flags.replies);
const backend = flags.postgres ? "postgres" : "pglite";
const signingSecret = "0123456789abcdef0123456789abcdef";
const teamId = "T0BENCH0001";
const botId = "U0BOT000001";
const partnerIds = Array.from({ length: groupCount }, (_, index) => `U0P${String(index).padStart(8, "0")}`);

const slack = await createSlackStandIn({
  signingSecret,
  botUserId: botId,
  teamId,
  users: partnerIds.map((id, index) => ({ id, name: `user${index}`, realName: `User ${index}` })),
});
const test = await createTestDatabase(backend);
const settings = parseSettings({
  SLACK_BOT_TOKEN: slack.botToken,
  SLACK_SIGNING_SECRET: signingSecret,
  SLACK_API_URL: slack.url,
  ...(flags["messages-per-second"] ? { CLUSTERBOT_MESSAGES_PER_SECOND: flags["messages-per-second"] } : {}),
});
const composed = composeApp(settings, test.database, createLogger(process.env.BENCH_LOG ?? "silent", false), {
  now: () => new Date(),
});
const server = await startHttpServer({
  host: "127.0.0.1",
  port: 0,
  routes: composed.routes,
  logger: createLogger("silent", false),
});
slack.driver.botUrl = `http://127.0.0.1:${server.port}/slack/events`;

try {
  console.log(`backend ${backend}, ${groupCount} groups × ${repliesEach} replies, each delivered twice (+10 % thrice)`);
  console.log(
    `pacing: 1 message a second per channel, ${settings.CLUSTERBOT_MESSAGES_PER_SECOND} a second per workspace`,
  );
  const threads = await seed();
  const deliveries = threads.flatMap(({ channelId, threadTs }, group) =>
    Array.from({ length: repliesEach }, (_, reply) => {
      const ts = slack.state.nextTs();
      const event = {
        type: "message",
        user: partnerIds[group] ?? "",
        text: `Activity ${reply} of group ${group}. Lead: P${group}. When: Q${(reply % 4) + 1} 2027`,
        ts,
        thread_ts: threadTs,
        channel: channelId,
        channel_type: "group",
        event_ts: ts,
      };
      const id = `Ev${group}x${reply}`;
      const sends: EventInput[] = [
        { event, eventId: id },
        { event, eventId: id, retryNum: 1, retryReason: "http_timeout" },
      ];
      if (reply % 10 === 0) sends.push({ event, eventId: `${id}again` });
      return sends;
    }),
  );
  // Deliveries of one reply go out one after the other (a retry follows its first try), replies in parallel.
  const started = Date.now();
  const times: number[] = [];
  await inParallel(deliveries, 32, async (sends) => {
    for (const send of sends) {
      const at = performance.now();
      const answer = await slack.driver.event(send);
      times.push(performance.now() - at);
      if (answer.status !== 200) throw new Error(`event answered ${answer.status}`);
    }
  });
  const acked = Date.now() - started;
  const expected = groupCount * repliesEach;
  const confirmed = () =>
    slack.state.botMessages().filter((message) => message.thread_ts && message.thread_ts !== message.ts).length;
  await waitUntil(async () => (await test.database.prisma.workPlanItem.count()) >= expected, 600_000);
  const stored = Date.now() - started;
  await waitUntil(async () => confirmed() >= expected, 600_000);
  const allConfirmed = Date.now() - started;
  // Then nothing more may come (a duplicate confirmation would show here).
  await composed.core.settled();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const items = await test.database.prisma.workPlanItem.count();
  const confirmations = confirmed();

  console.log(`${"".padEnd(10)}${["p50", "p95", "p99", "max"].map((h) => h.padStart(12)).join("")}`);
  console.log(
    `${"ack".padEnd(10)}${[50, 95, 99, 100].map((p) => `${percentile(times, p).toFixed(1)} ms`.padStart(12)).join("")}`,
  );
  console.log(
    `deliveries acknowledged: ${times.length} in ${acked} ms (${((times.length * 1000) / acked).toFixed(0)}/s)`,
  );
  console.log(`items stored: ${items} of ${expected} in ${stored} ms (${((items * 1000) / stored).toFixed(0)}/s)`);
  console.log(
    `confirmations in threads: ${confirmations} (expected ${expected}), the last after ${allConfirmed} ms (${((confirmations * 1000) / allConfirmed).toFixed(1)}/s)`,
  );
  if (items !== expected || confirmations !== expected) process.exitCode = 1;
} finally {
  await server.close();
  await composed.stop();
  await slack.close();
  await test.drop();
}

/** One workshop, one project and one approved cluster per group, its channel and its "Joint activities" prompt. */
async function seed(): Promise<{ channelId: string; threadTs: string }[]> {
  const { repos } = composed.deps;
  const prisma = test.database.prisma;
  const workspace = await repos.workspaces.ensure("slack", teamId);
  const people = [];
  for (const userId of partnerIds) people.push((await repos.people.ensure(workspace.id, userId)).id);
  const workshop = await repos.workshops.create(workspace.id, { name: "Bench" }, people[0] ?? "");
  const threads = [];
  for (let group = 0; group < groupCount; group += 1) {
    const project = await repos.projects.create(workshop.id, {
      acronym: `P${group}`,
      title: `Project ${group}`,
      partners: [`Partner ${group}`],
      memberIds: [people[group] ?? ""],
    });
    await repos.results.replaceList(project.id, [{ title: `Result ${group}` }]);
    const result = await prisma.exploitableResult.findFirstOrThrow({ where: { projectId: project.id } });
    const cluster = await prisma.cluster.create({
      data: {
        workshopId: workshop.id,
        label: `Group ${group}`,
        explanation: "Bench",
        status: "approved",
        position: group,
        members: { create: [{ resultId: result.id }] },
      },
    });
    const channel = slack.state.addChannel({
      name: `bench-group-${group}`,
      isPrivate: true,
      members: [botId, partnerIds[group] ?? ""],
    });
    await repos.workingGroups.setChannel(cluster.id, workspace.id, channel.id, channel.name);
    const prompt = storeMessage(
      slack.state,
      { ...botMessage(slack.state, channel.id), text: "Joint activities" },
      undefined,
    );
    await repos.workingGroups.savePost(cluster.id, "kickoff", slack.state.nextTs());
    await repos.workingGroups.savePost(cluster.id, "activities", prompt.ts);
    threads.push({ channelId: channel.id, threadTs: prompt.ts });
  }
  return threads;
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for the bot");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
