import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSettings, missingPlatformSettings, parseSettings, SettingsError } from "../../src/config/settings.ts";

function problemsOf(environment: Record<string, string>): string[] {
  try {
    parseSettings(environment);
  } catch (error) {
    if (error instanceof SettingsError) return error.message.split("\n");
    throw error;
  }
  throw new Error("expected the settings to be refused");
}

describe("settings", () => {
  it("starts on the embedded default with nothing set", () => {
    const settings = parseSettings({});
    expect(settings).toMatchObject({ PORT: 3000, CLUSTERBOT_DATA_DIR: ".clusterbot/data", LOG_LEVEL: "info" });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(missingPlatformSettings(settings)).toEqual({
      slack: ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"],
      teams: ["TEAMS_CLIENT_ID", "TEAMS_CLIENT_SECRET"],
    });
  });

  it("names every bad setting once, with what was expected and what was given", () => {
    const problems = problemsOf({ PORT: "eighty", LOG_LEVEL: "loud", DATABASE_URL: "mysql://db/x" });
    expect(problems).toEqual([
      'PORT: expected a port number, got "eighty"',
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'DATABASE_URL: expected a postgres:// or postgresql:// URL, got "mysql://db/x"',
    ]);
  });

  it("never prints a secret it refuses", () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: "xoxp-user-token-1234",
      DATABASE_URL: "mysql://admin:hunter2@db/x",
    });
    expect(problems.join("\n")).not.toContain("xoxp-user-token-1234");
    expect(problems.join("\n")).not.toContain("hunter2");
    expect(problems).toContain(
      "SLACK_BOT_TOKEN: expected a bot token starting with xoxb-, got a 20-character value (hidden)",
    );
  });

  it("refuses a port out of range and a Slack API URL without its trailing slash", () => {
    expect(problemsOf({ PORT: "70000", SLACK_API_URL: "http://127.0.0.1:9/api" })).toEqual([
      'PORT: expected a port between 1 and 65535, got "70000"',
      'SLACK_API_URL: expected an http(s) URL ending with /, got "http://127.0.0.1:9/api"',
    ]);
  });

  it("reads a .env file for what the environment does not set; the environment wins", async () => {
    const dir = await mkdtemp(join(tmpdir(), "clusterbot-env-"));
    await writeFile(join(dir, ".env"), "PORT=4100\nLOG_LEVEL=debug\n");
    const settings = loadSettings({ LOG_LEVEL: "warn" }, dir);
    expect(settings.PORT).toBe(4100);
    expect(settings.LOG_LEVEL).toBe("warn");
  });

  it("counts Slack as configured with the OAuth settings instead of a bot token", () => {
    const settings = parseSettings({
      SLACK_CLIENT_ID: "1.2",
      SLACK_CLIENT_SECRET: "s",
      SLACK_SIGNING_SECRET: "abcdef0123456789",
      SLACK_STATE_SECRET: "a-long-random-state-secret",
      CLUSTERBOT_ENCRYPTION_KEY: "a".repeat(64),
    });
    expect(missingPlatformSettings(settings).slack).toEqual([]);
  });
});
