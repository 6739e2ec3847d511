// A running Clusterbot (Slack adapter on a real HTTP server) wired to a local Slack stand-in.

import { type Clock, systemClock } from "../../src/app/context.ts";
import { parseSettings } from "../../src/config/settings.ts";
import { noQuietHours } from "../../src/core/reminders/quiet-hours.ts";
import { startHttpServer } from "../../src/http/server.ts";
import { createLogger, type Logger } from "../../src/logging/logger.ts";
import { composeApp } from "../../src/runtime/compose.ts";
import type { JobHandlers } from "../../src/scheduler/job-handler.ts";
import { createJobRunner, type JobRunner } from "../../src/scheduler/runner.ts";
import { openDatabase } from "../../src/store/database.ts";
import { createSlackStandIn, type SlackStandIn } from "../standins/slack/index.ts";
import { type Backend, createTestDatabase, postgresUrl, type TestDatabase } from "./database.ts";

export const signingSecret = "0123456789abcdef0123456789abcdef";
export const teamId = "T0TEAM00001";
export const users = {
  facilitator: "U0FACIL0001",
  ana: "U0ANA000001",
  ben: "U0BEN000001",
  cleo: "U0CLEO00001",
  outsider: "U0OUT000001",
} as const;

export interface SlackHarness {
  slack: SlackStandIn;
  botUrl: string;
  deps: ReturnType<typeof composeApp>["deps"];
  core: ReturnType<typeof composeApp>["core"];
  /** For fixtures another feature would write (e.g. approved clusters). */
  prisma: TestDatabase["database"]["prisma"];
  /** Takes the database away under the running bot (PGlite closed; PostgreSQL refusing and dropping connections). */
  stopDatabase(): Promise<void>;
  close(): Promise<void>;
}

export async function startSlackHarness(
  backend: Backend,
  clock: Clock = systemClock,
  /** socketMode: the bot connects to the stand-in's socket with an app-level token instead of serving HTTP. */
  options: { logger?: Logger; socketMode?: boolean } = {},
): Promise<SlackHarness> {
  const slack = await createSlackStandIn({
    signingSecret,
    botUserId: "U0BOT000001",
    teamId,
    users: [
      { id: users.facilitator, name: "fran", realName: "Fran Facilitator", tz: "Europe/Brussels" },
      { id: users.ana, name: "ana", realName: "Ana Partner", tz: "Europe/Madrid" },
      { id: users.ben, name: "ben", realName: "Ben Partner", tz: "America/Los_Angeles" },
      { id: users.cleo, name: "cleo", realName: "Cleo Partner", tz: "Asia/Tokyo" },
      { id: users.outsider, name: "olly", realName: "Olly Outsider", tz: "UTC" },
    ],
    channels: [{ id: "C0GENERAL01", name: "general", members: ["U0BOT000001", ...Object.values(users)] }],
  });
  const test = await createTestDatabase(backend);
  const settings = parseSettings({
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slack.url,
    ...(options.socketMode ? { SLACK_APP_TOKEN: slack.appToken, CLUSTERBOT_SCHEDULER: "off" } : {}),
  });
  const logger = options.logger ?? createLogger((process.env.TEST_LOG_LEVEL as "silent") ?? "silent", false);
  // On the real clock, a test's outcome must not depend on the hour it runs at: no quiet hours then.
  const app = composeApp(
    settings,
    test.database,
    logger,
    clock,
    clock === systemClock ? { quietHours: noQuietHours } : {},
  );
  if (options.socketMode) {
    await app.start();
    await slack.socketMode.whenConnected();
    slack.driver.transport = "socket";
  }
  const http = await startHttpServer({ host: "127.0.0.1", port: 0, routes: app.routes, logger });
  const botUrl = `http://127.0.0.1:${http.port}/slack/events`;
  slack.driver.botUrl = botUrl;
  return {
    slack,
    botUrl,
    deps: app.deps,
    core: app.core,
    prisma: test.database.prisma,
    stopDatabase: () => stopDatabase(backend, test),
    async close() {
      if (options.socketMode) await app.stop();
      await http.close();
      await slack.close();
      await test.drop();
    },
  };
}

/** A runner of the harness's jobs on the test's clock, for tests that run what is due themselves. */
export function harnessJobRunner(harness: SlackHarness, handlers: JobHandlers, clock: Clock): JobRunner {
  return createJobRunner({
    jobs: harness.deps.repos.jobs,
    handlers,
    clock,
    logger: createLogger("silent", false),
    owner: "test-runner",
  });
}

async function stopDatabase(backend: Backend, test: TestDatabase): Promise<void> {
  if (backend === "pglite") return test.database.close();
  const name = new URL(test.url ?? "").pathname.slice(1);
  const admin = await openDatabase({ kind: "postgres", url: postgresUrl ?? "" });
  try {
    await admin.prisma.$executeRawUnsafe(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.prisma.$queryRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      name,
    );
  } finally {
    await admin.close();
  }
}
