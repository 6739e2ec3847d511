// npm run bench:reminders — 2 000 due reminders through the Slack stand-in, whose chat.postMessage answers 429 above
// a per-second limit. Prints delivered, duplicates, 429s, total time and its ratio to the floor the limit sets:
// total is measured from the first chat.postMessage to the last one Slack accepted (the stand-in's own log), floor
// is reminders / limit; the wall time from starting the scheduler (first tick included) is printed besides.
// Environment: BENCH_REMINDERS (2000), BENCH_LIMIT (messages a second, 40), BENCH_CONCURRENCY (16),
// TEST_DATABASE_URL (PostgreSQL; PGlite in memory without it).

import { reminderJobHandlers } from "../../src/app/reminders/handlers.ts";
import { reminderKinds } from "../../src/app/reminders/job-kinds.ts";
import { planHomeworkReminders } from "../../src/app/reminders/plan.ts";
import { offsetClock } from "../../src/core/reminders/clock.ts";
import { startScheduler } from "../../src/scheduler/scheduler.ts";
import { createChatThrottle, defaultAdaptiveRate } from "../../src/scheduler/throttled-chat.ts";
import { createRepositories } from "../../src/store/repositories/index.ts";
import {
  botUserId,
  manualClock,
  reminderDependencies,
  seedWorkshop,
  silentLogger,
  standInLink,
  taggedDirectMessages,
  teamId,
} from "../reminders/seed.ts";
import { createSlackStandIn } from "../standins/slack/index.ts";
import { backends, createTestDatabase } from "../support/database.ts";

const reminders = Number(process.env.BENCH_REMINDERS ?? "2000");
const limit = Number(process.env.BENCH_LIMIT ?? "40");
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? "16");
const backend = backends.includes("postgres") ? "postgres" : "pglite";

const test = await createTestDatabase(backend);
const repos = createRepositories(test.database.prisma);
const slack = await createSlackStandIn({ signingSecret: "bench", botUserId, teamId });
try {
  const seeded = await seedWorkshop(test.database.prisma, repos, slack, {
    deadline: "2026-03-20T22:59:00Z",
    cadence: [0],
    facilitator: { name: "Fran", tz: "Europe/Brussels" },
    people: Array.from({ length: reminders }, (_, index) => ({ name: `Partner ${index}`, tz: "Europe/Brussels" })),
    projects: Array.from({ length: Math.ceil(reminders / 10) }, (_, project) => ({
      acronym: `P${project}`,
      members: Array.from({ length: 10 }, (_, member) => project * 10 + member).filter((index) => index < reminders),
    })),
  });
  const link = standInLink(slack);
  await planHomeworkReminders(
    reminderDependencies(repos, manualClock("2026-03-19T10:00:00Z"), link),
    seeded.workshopId,
  );
  // The facilitator's digest is due at the same time; the bench counts partners' reminders only.
  await test.database.prisma.scheduledJob.updateMany({
    where: { kind: "homework.digest" },
    data: { status: "cancelled" },
  });
  slack.rateLimiter.setRule("chat.postMessage", { limit, windowMs: 1000 });

  // The process's own limit: 7 % under the platform's, one message at a time, lowered after a 429 like production's.
  const throttle = createChatThrottle({
    messages: { perSecond: limit * 0.93, burst: 1, adaptive: defaultAdaptiveRate },
    messagesPerConversation: { perSecond: 1, burst: 1 },
    lookups: { perSecond: 10_000, burst: 100 },
  });
  const clock = offsetClock(new Date("2026-03-20T08:00:05Z"));
  const deps = { ...reminderDependencies(repos, clock, throttle.wrap("bench", link)) };
  const started = performance.now();
  const scheduler = startScheduler({
    jobs: repos.jobs,
    handlers: reminderJobHandlers(deps),
    clock,
    logger: silentLogger,
    tickSeconds: 1,
    concurrency,
    batchSize: concurrency * 2,
    leaseMs: 60_000,
  });
  // Until every reminder is done (the after-deadline list, due tonight, stays pending).
  const pendingReminders = () =>
    test.database.prisma.scheduledJob.count({ where: { kind: reminderKinds.reminder, status: "pending" } });
  while ((await pendingReminders()) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  const wallSeconds = (performance.now() - started) / 1000;
  await scheduler.stop();

  const perUser = seeded.userIds.map((userId) => taggedDirectMessages(slack, userId).length);
  const delivered = perUser.filter((count) => count > 0).length;
  const duplicates = perUser.reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  const posts = slack.state.callsTo("chat.postMessage");
  const rejected = posts.filter((call) => call.status === 429).length;
  const accepted = posts.filter((call) => call.status === 200 && call.response.ok === true);
  const seconds = ((accepted.at(-1)?.at ?? 0) - (posts[0]?.at ?? 0)) / 1000;
  const floor = reminders / limit;
  console.log(`reminders benchmark (${backend}, ${reminders} reminders, chat.postMessage limit ${limit}/s)`);
  console.log(`delivered   ${delivered} of ${reminders}`);
  console.log(`duplicates  ${duplicates}`);
  console.log(`429 answers ${rejected}`);
  console.log(`total       ${seconds.toFixed(1)} s (first send to last delivery; wall ${wallSeconds.toFixed(1)} s)`);
  console.log(`floor       ${floor.toFixed(1)} s (${reminders} / ${limit} per second)`);
  console.log(`ratio       ${(seconds / floor).toFixed(2)} (target ≤ 1.2)`);
  if (delivered !== reminders || duplicates !== 0) process.exitCode = 1;
} finally {
  await slack.close();
  await test.drop();
}
