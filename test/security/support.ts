// A real `clusterbot start` process installed by OAuth in a Slack workspace played by the stand-in.
import { createCipheriv, randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSlackStandIn, type SlackStandIn } from "../standins/slack/index.ts";
import { freePort, runCli, type Spawned, waitForOutput } from "../support/process.ts";
import { signingSecret, teamId, users } from "../support/slack-bot.ts";

export const oauthSecrets = {
  clientId: "111.222",
  clientSecret: "c5e1f2a9b7d3c5e1f2a9b7d3",
  stateSecret: "state-secret-7f3a9c2e1b5d",
  encryptionKey: "4a".repeat(32),
  botToken: "xoxb-1111-2222-installedteamtoken",
  signingSecret,
} as const;

export async function startOAuthStandIn(): Promise<SlackStandIn> {
  return createSlackStandIn({
    signingSecret,
    botUserId: "U0BOT000001",
    teamId,
    botToken: oauthSecrets.botToken,
    users: [{ id: users.facilitator, name: "fran", tz: "Europe/Brussels" }],
    oauth: {
      clientId: oauthSecrets.clientId,
      clientSecret: oauthSecrets.clientSecret,
      installerUserId: users.facilitator,
    },
  });
}

export interface OAuthBot {
  process: Spawned;
  base: string;
  dataDir: string;
  stop(): Promise<number | null>;
}

/** The environment of an OAuth bot talking to `slack`; `extra` overrides or adds settings. */
export function oauthEnvironment(
  slack: SlackStandIn,
  base: string,
  dataDir: string,
  extra: Record<string, string> = {},
) {
  return {
    PORT: new URL(base).port,
    HOST: "127.0.0.1",
    CLUSTERBOT_DATA_DIR: dataDir,
    CLUSTERBOT_SCHEDULER: "off",
    SLACK_CLIENT_ID: oauthSecrets.clientId,
    SLACK_CLIENT_SECRET: oauthSecrets.clientSecret,
    SLACK_SIGNING_SECRET: oauthSecrets.signingSecret,
    SLACK_STATE_SECRET: oauthSecrets.stateSecret,
    CLUSTERBOT_ENCRYPTION_KEY: oauthSecrets.encryptionKey,
    CLUSTERBOT_PUBLIC_URL: base,
    SLACK_API_URL: slack.url,
    SLACK_AUTHORIZE_URL: slack.authorizeUrl,
    ...extra,
  };
}

/** Starts `clusterbot start` and waits until it is ready (or, with `ready: false`, only until it is spawned). */
export async function startOAuthBot(
  slack: SlackStandIn,
  options: { dataDir?: string; env?: Record<string, string>; ready?: boolean } = {},
): Promise<OAuthBot> {
  const dataDir = options.dataDir ?? join(await mkdtemp(join(tmpdir(), "clusterbot-security-")), "data");
  const base = `http://127.0.0.1:${await freePort()}`;
  const spawned = runCli(["start"], oauthEnvironment(slack, base, dataDir, options.env));
  if (options.ready !== false) await waitForOutput(spawned, /is ready/);
  slack.driver.botUrl = `${base}/slack/events`;
  return {
    process: spawned,
    base,
    dataDir,
    async stop() {
      if (spawned.child.exitCode === null) spawned.child.kill("SIGINT");
      return spawned.exited;
    },
  };
}

/** A person clicks "Add to Slack" in a browser and approves: the steps and what each answered. */
export async function installThroughBrowser(base: string) {
  const page = await fetch(`${base}/slack/install`);
  const cookie = page.headers.get("set-cookie")?.split(";")[0] ?? "";
  const link = /<a href="([^"]+)"/.exec(await page.text())?.[1]?.replaceAll("&amp;", "&");
  if (!link) throw new Error("no Add to Slack link on the install page");
  const approved = await fetch(link, { redirect: "manual" });
  const callback = approved.headers.get("location");
  if (!callback) throw new Error(`the stand-in did not redirect back (${approved.status})`);
  const done = await fetch(callback, { headers: { cookie }, redirect: "manual" });
  return { cookie, callback, code: new URL(callback).searchParams.get("code") ?? "", done, page: await done.text() };
}

/** What the first version of Clusterbot wrote: AES-256-GCM without authenticated data, `v1.iv.tag.data`. */
export function sealV1(hexKey: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(hexKey, "hex"), iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(".");
}
