// A scheduler replica for multi-process tests: the real scheduler, reminder handlers and Slack chat port, on a
// PostgreSQL database and a Slack stand-in given by the environment. Prints "ready"; SIGTERM stops it cleanly.
// CRASH_AFTER_SENDS=n kills the process with SIGKILL right after its n-th message reached Slack, before the job is
// marked done: the window in which a naive scheduler would send twice.
import { createChannels } from "../../src/app/platform/channels.ts";
import { createNotifier, platformAccounts } from "../../src/app/platform/notifier.ts";
import type { PlatformLink } from "../../src/app/ports/platform.ts";
import { reminderJobHandlers } from "../../src/app/reminders/handlers.ts";
import { offsetClock } from "../../src/core/reminders/clock.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { createSlackLink } from "../../src/platforms/slack/web-api/link.ts";
import { startScheduler } from "../../src/scheduler/scheduler.ts";
import { createChatThrottle } from "../../src/scheduler/throttled-chat.ts";
import { openDatabase } from "../../src/store/database.ts";
import { createRepositories } from "../../src/store/repositories/index.ts";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const database = await openDatabase({ kind: "postgres", url: env("DATABASE_URL") });
const repos = createRepositories(database.prisma);
const clock = offsetClock(new Date(env("CLOCK_START")));
const logger = createLogger(process.env.LOG_LEVEL ?? "warn", false);
const crashAfter = Number(process.env.CRASH_AFTER_SENDS ?? "0");
const messagesPerSecond = Number(process.env.MESSAGES_PER_SECOND ?? "1000");

const throttle = createChatThrottle({
  messages: { perSecond: messagesPerSecond, burst: 1 },
  messagesPerConversation: { perSecond: 1, burst: 1 },
  lookups: { perSecond: 10_000, burst: 100 },
});
const slack = createSlackLink({ token: env("SLACK_TOKEN"), apiUrl: env("SLACK_API_URL"), logger });
let sends = 0;
const link: PlatformLink = {
  ...slack,
  messenger: {
    ...slack.messenger,
    async sendDirect(user, message, key) {
      await slack.messenger.sendDirect(user, message, key);
      sends += 1;
      if (crashAfter > 0 && sends >= crashAfter) process.kill(process.pid, "SIGKILL");
    },
  },
};
const accounts = platformAccounts(repos, async () => throttle.wrap("workspace", link));

const scheduler = startScheduler({
  jobs: repos.jobs,
  handlers: reminderJobHandlers({
    repos,
    clock,
    logger,
    notify: createNotifier(repos, accounts, clock),
    channels: createChannels(repos, accounts),
  }),
  clock,
  logger,
  owner: env("OWNER"),
  tickSeconds: 1,
  leaseMs: Number(process.env.LEASE_MS ?? "3000"),
  concurrency: 8,
  batchSize: 16,
});

process.once("SIGTERM", () => {
  scheduler
    .stop()
    .then(() => database.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
});
process.stdout.write("ready\n");
