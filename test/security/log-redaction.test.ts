// No secret is written to the log, at any level: a real `clusterbot start` at LOG_LEVEL=debug, installed by OAuth
// through the stand-in and then used, logs the oauth.v2.access request (the Slack library does) without its secrets.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.ts";
import { createRedactor } from "../../src/logging/redact.ts";
import type { SlackStandIn } from "../standins/slack/index.ts";
import { users } from "../support/slack-bot.ts";
import { waitFor } from "../support/slack-seed.ts";
import { installThroughBrowser, type OAuthBot, oauthSecrets, startOAuthBot, startOAuthStandIn } from "./support.ts";

describe("a debug log of a real OAuth install", () => {
  let slack: SlackStandIn;
  let bot: OAuthBot;
  let code = "";

  beforeAll(async () => {
    slack = await startOAuthStandIn();
    bot = await startOAuthBot(slack, { env: { LOG_LEVEL: "debug" } });
    const install = await installThroughBrowser(bot.base);
    expect(install.done.status).toBe(200);
    code = install.code;
    const help = await slack.driver.slashCommand({
      command: "/cluster",
      text: "help",
      userId: users.facilitator,
      channelId: "C0NONE",
    });
    expect(help.status).toBe(200);
    await waitFor(() => slack.state.responseUrlPosts.length > 0);
    await waitFor(() => /users\.info/.test(bot.process.output()));
  });
  afterAll(async () => {
    await bot.stop();
    await slack.close();
  });

  it("shows the token exchange happened at debug level", () => {
    const exchange = bot.process
      .output()
      .split("\n")
      .find((line) => line.includes("http request body") && line.includes("client_id"));
    expect(exchange).toBeDefined();
    expect(exchange).toContain(oauthSecrets.clientId);
    expect(exchange).toContain("[REDACTED]");
  });

  it("holds neither the client secret, the one-time code, the tokens, nor any configured secret", () => {
    const log = bot.process.output();
    expect(code.length).toBeGreaterThan(8);
    for (const secret of [
      oauthSecrets.clientSecret,
      code,
      oauthSecrets.botToken,
      oauthSecrets.signingSecret,
      oauthSecrets.stateSecret,
      oauthSecrets.encryptionKey,
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/xox[bp]-(?!\[REDACTED\])/);
  });
});

describe("the redactor", () => {
  const redact = createRedactor(["s3cr3t-signing-value", "short", "Zm9vYmFy+/base64key="]);

  it.each([
    ["a Slack bot token", "token xoxb-1234-5678-abcdef used", "xoxb-1234-5678-abcdef"],
    ["a user token", "xoxp-1-2-3-abc", "xoxp-1-2-3-abc"],
    ["an app-level token", "app xapp-1-A0-123-abc", "xapp-1-A0-123-abc"],
    ["a bearer JWT", "Authorization: Bearer eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl", "eyJzdWIiOiIx"],
    ["a client secret in an escaped JSON body", String.raw`{\"client_secret\":\"abc123def456\"}`, "abc123def456"],
    [
      "a one-time code in a query string",
      "GET /slack/oauth_redirect?code=1234.5678.abcdef&state=x",
      "1234.5678.abcdef",
    ],
    ["a one-time code in JSON", '{"code":"1234567890.1234567890.abcdef","client_id":"1"}', "1234567890.1234567890"],
    ["a known secret value", "signing with s3cr3t-signing-value now", "s3cr3t-signing-value"],
    ["a known secret URL-encoded", "key=Zm9vYmFy%2B%2Fbase64key%3D", "Zm9vYmFy%2B%2Fbase64key%3D"],
  ])("hides %s", (_what, line, secret) => {
    expect(redact(line)).not.toContain(secret);
    expect(redact(line)).toContain("[REDACTED]");
  });

  it("keeps error codes and ordinary words", () => {
    const line = '{"err":{"code":"slack_webapi_platform_error"},"prisma":{"code":"P2002"},"msg":"a short word"}';
    expect(redact(line)).toBe(line);
  });

  it("redacts at every level, including lines logged with objects and errors", () => {
    const lines: string[] = [];
    const logger = createLogger("trace", false, {
      secrets: ["very-secret-encryption-key"],
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString("utf8"));
          done();
        },
      }),
    });
    logger.trace({ token: "xoxb-9-9-leak" }, "trace");
    logger.debug("debug very-secret-encryption-key");
    logger.error({ err: new Error("failed with xapp-1-A-2-leak") }, "error");
    const all = lines.join("");
    expect(lines).toHaveLength(3);
    expect(all).not.toMatch(/leak|very-secret-encryption-key/);
  });
});
