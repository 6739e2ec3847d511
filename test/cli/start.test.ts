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

  it("migrates a new PGlite folder, answers /healthz, serves the browser workspace, says what is missing, and stops cleanly on Ctrl-C", async () => {
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

    // The local browser workspace: its address printed, the page and the bundle it loads served.
    expect(bot.output()).toContain(`local workspace (browser): http://localhost:${port}/`);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<link rel="icon" href="data:,">');
    const script = /<script type="module" src="(\/app\.js\?v=[0-9a-f]+)"><\/script>/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await fetch(`http://127.0.0.1:${port}${script}`);
    expect(bundle.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await bundle.text()).length).toBeGreaterThan(10_000);
    const styles = await fetch(`http://127.0.0.1:${port}/app.css`);
    expect(styles.status).toBe(200);

    const second = runCli(["start"], { PORT: String(await freePort()) }, cwd);
    running.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(new RegExp(`data folder ${join(cwd, ".clusterbot/data")} is in use by another`));

    bot.child.kill("SIGINT");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain("Clusterbot stopped");
  });

  it("hands out invite links from the command line, with the bot stopped and while it runs", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "clusterbot-invite-"));
    const port = await freePort();
    const offline = runCli(["web", "invite", "Ana Lima"], { PORT: String(port) }, cwd);
    running.push(offline);
    expect(await offline.exited).toBe(0);
    expect(offline.output()).toMatch(/Invite link for Ana Lima \(added to the workspace\)/);
    const first = new RegExp(`http://localhost:${port}/join#([A-Za-z0-9_-]{43})`).exec(offline.output())?.[1];

    const bot = runCli(["start"], { PORT: String(port) }, cwd);
    running.push(bot);
    await waitForOutput(bot, /is ready/);
    const online = runCli(["web", "invite", "ana lima"], { PORT: String(port) }, cwd);
    running.push(online);
    expect(await online.exited).toBe(0);
    const second = new RegExp(`http://localhost:${port}/join#([A-Za-z0-9_-]{43})`).exec(online.output())?.[1];
    expect(second).toBeDefined();
    expect(online.output()).not.toContain("added to the workspace");

    const signIn = (token: string | undefined) =>
      fetch(`http://127.0.0.1:${port}/api/session/invite`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-clusterbot-request": "1" },
        body: JSON.stringify({ token }),
      });
    expect((await signIn(first)).status).toBe(401);
    const accepted = await signIn(second);
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("set-cookie")).toMatch(/^clusterbot_session=.*HttpOnly; SameSite=Lax/);

    bot.child.kill("SIGINT");
    expect(await bot.exited).toBe(0);
  });

  it("leaves the browser workspace off with CLUSTERBOT_WEB=off", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "clusterbot-start-"));
    const port = await freePort();
    const bot = runCli(["start"], { PORT: String(port), CLUSTERBOT_WEB: "off" }, cwd);
    running.push(bot);
    await waitForOutput(bot, /is ready/);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    expect(bot.output()).not.toContain("local workspace");
    bot.child.kill("SIGINT");
    expect(await bot.exited).toBe(0);
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
    for (const command of ["start", "db", "web"]) expect(help.output()).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    const dbHelp = runCli(["db", "--help"], {});
    running.push(dbHelp);
    await dbHelp.exited;
    for (const command of ["migrate", "status"]) expect(dbHelp.output()).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  });
});
