import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { version } from "../../src/version.ts";
import { freePort, runCli, type Spawned, waitForOutput } from "../support/process.ts";

describe("clusterbot start (a real process)", () => {
  const running: Spawned[] = [];
  afterEach(async () => {
    for (const spawned of running.splice(0)) {
      if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
      await spawned.exited;
    }
  });

  it("migrates a new PGlite folder, answers /healthz, says what is missing, and stops cleanly on Ctrl-C", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "clusterbot-start-"));
    const port = await freePort();
    const bot = runCli(["start"], { PORT: String(port) }, cwd);
    running.push(bot);
    await waitForOutput(bot, /is ready/);

    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok", version });
    expect(bot.output()).toContain(join(cwd, ".clusterbot/data"));
    expect(bot.output()).toMatch(/Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET/);
    expect(bot.output()).toMatch(/Teams is off/);

    const second = runCli(["start"], { PORT: String(await freePort()) }, cwd);
    running.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(new RegExp(`data folder ${join(cwd, ".clusterbot/data")} is in use by another`));

    bot.child.kill("SIGINT");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain("Clusterbot stopped");
  });

  it("fails with exit code 2 and one line per bad setting, without a stack trace", async () => {
    const bot = runCli(["start"], { PORT: "-1", SLACK_SIGNING_SECRET: "not hex at all" });
    running.push(bot);
    expect(await bot.exited).toBe(2);
    expect(bot.output()).toContain('PORT: expected a port between 1 and 65535, got "-1"');
    expect(bot.output()).toContain(
      "SLACK_SIGNING_SECRET: expected the app's signing secret (hex), got a 14-character value (hidden)",
    );
    expect(bot.output()).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("says plainly when DATABASE_URL points at nothing", async () => {
    const bot = runCli(["start"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/x", PORT: String(await freePort()) });
    running.push(bot);
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain("cannot reach the database (PostgreSQL at 127.0.0.1:1/x)");
  });

  it("lists its commands in --help", async () => {
    const help = runCli(["--help"], {});
    running.push(help);
    expect(await help.exited).toBe(0);
    for (const command of ["start", "db"]) expect(help.output()).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    const dbHelp = runCli(["db", "--help"], {});
    running.push(dbHelp);
    await dbHelp.exited;
    for (const command of ["migrate", "status"]) expect(dbHelp.output()).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  });
});
