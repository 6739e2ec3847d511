// CLUSTERBOT_ENCRYPTION_KEY against what is stored, with the real `clusterbot start`: a wrong key stops start with a
// message naming the setting; a key that opens only some installations starts degraded; a rotation (new key, old
// one as CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS) serves every workspace, re-encrypts on read and with
// `clusterbot keys rotate`; rows of the old format (no authenticated data) are read once and re-encrypted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSecretBox } from "../../src/security/secret-box.ts";
import { openDatabase } from "../../src/store/database.ts";
import type { SlackStandIn } from "../standins/slack/index.ts";
import { runCli } from "../support/process.ts";
import { teamId, users } from "../support/slack-bot.ts";
import { waitFor } from "../support/slack-seed.ts";
import {
  installThroughBrowser,
  oauthEnvironment,
  oauthSecrets,
  sealV1,
  startOAuthBot,
  startOAuthStandIn,
} from "./support.ts";

const firstKey = oauthSecrets.encryptionKey;
const newKey = "5c".repeat(32);
const strangerKey = "9e".repeat(32);
const keyId = (key: string) => createSecretBox(key).seal("x", "x").split(".")[1];
const otherTeam = "T0OLDFORMAT";
const thirdTeam = "T0STRANGER1";

describe("the encryption key at start, in /healthz and in a rotation", () => {
  let slack: SlackStandIn;
  let dataDir = "";

  beforeAll(async () => {
    slack = await startOAuthStandIn();
    const bot = await startOAuthBot(slack);
    dataDir = bot.dataDir;
    expect((await installThroughBrowser(bot.base)).done.status).toBe(200);
    expect(await bot.stop()).toBe(0);
    // A row written by the first version of Clusterbot: no key id, no authenticated data.
    await withRows((prisma) =>
      prisma.slackInstallation.create({
        data: { teamId: otherTeam, encryptedBundle: sealV1(firstKey, JSON.stringify({ team: { id: otherTeam } })) },
      }),
    );
  });
  afterAll(() => slack.close());

  async function withRows<T>(work: (prisma: Awaited<ReturnType<typeof openDatabase>>["prisma"]) => Promise<T>) {
    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      return await work(database.prisma);
    } finally {
      await database.close();
    }
  }
  const sealedRows = () =>
    withRows((prisma) => prisma.slackInstallation.findMany({ orderBy: { teamId: "asc" } })).then((rows) =>
      Object.fromEntries(rows.map((row) => [row.teamId, row.encryptedBundle])),
    );

  async function servesTheTeam(): Promise<void> {
    const postsBefore = slack.state.responseUrlPosts.length;
    const sent = await slack.driver.slashCommand({
      command: "/cluster",
      text: "help",
      userId: users.facilitator,
      channelId: "C0NONE",
    });
    expect(sent.status).toBe(200);
    await waitFor(() => slack.state.responseUrlPosts.length > postsBefore);
  }

  it("stops start when the key decrypts none of the stored installations, naming the setting", async () => {
    const bot = await startOAuthBot(slack, { dataDir, env: { CLUSTERBOT_ENCRYPTION_KEY: strangerKey }, ready: false });
    expect(await bot.process.exited).toBe(2);
    const output = bot.process.output();
    expect(output).toContain("CLUSTERBOT_ENCRYPTION_KEY: the key the 2 stored Slack installation(s)");
    expect(output).toContain("a key that decrypts none of them");
    expect(output).not.toContain(strangerKey);
    expect(output).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("serves every workspace during a rotation and re-encrypts what it reads with the new key", async () => {
    const bot = await startOAuthBot(slack, {
      dataDir,
      env: { CLUSTERBOT_ENCRYPTION_KEY: newKey, CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS: firstKey },
    });
    try {
      expect(bot.process.output()).toMatch(
        /2 Slack installation\(s\) are sealed with CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS/,
      );
      expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
      await servesTheTeam();
    } finally {
      expect(await bot.stop()).toBe(0);
    }
    const rows = await sealedRows();
    expect(rows[teamId]!.split(".").slice(0, 2)).toEqual(["v2", keyId(newKey)]);
    expect(rows[otherTeam]!.startsWith("v1.")).toBe(true);
  });

  it("re-encrypts the rest with `clusterbot keys rotate`, after which the old key is not needed", async () => {
    const rotate = runCli(
      ["keys", "rotate"],
      oauthEnvironment(slack, "http://127.0.0.1:1", dataDir, {
        CLUSTERBOT_ENCRYPTION_KEY: newKey,
        CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS: firstKey,
      }),
    );
    expect(await rotate.exited).toBe(0);
    expect(rotate.output()).toContain(
      "2 Slack installation(s): 1 re-encrypted with the current key, 1 already current",
    );
    const rows = await sealedRows();
    for (const sealed of Object.values(rows)) expect(sealed.split(".").slice(0, 2)).toEqual(["v2", keyId(newKey)]);

    const bot = await startOAuthBot(slack, { dataDir, env: { CLUSTERBOT_ENCRYPTION_KEY: newKey } });
    try {
      expect(await (await fetch(`${bot.base}/healthz`)).json()).toMatchObject({ status: "ok" });
      await servesTheTeam();
    } finally {
      await bot.stop();
    }
  });

  it("starts degraded when some installations do not open, says why in /healthz without any secret", async () => {
    await withRows((prisma) =>
      prisma.slackInstallation.create({
        data: { teamId: thirdTeam, encryptedBundle: createSecretBox(strangerKey).seal("{}", "anything") },
      }),
    );
    const bot = await startOAuthBot(slack, { dataDir, env: { CLUSTERBOT_ENCRYPTION_KEY: newKey } });
    try {
      expect(bot.process.output()).toMatch(/CLUSTERBOT_ENCRYPTION_KEY cannot decrypt 1 of 3 stored Slack installation/);
      const health = await fetch(`${bot.base}/healthz`);
      expect(health.status).toBe(503);
      const body = (await health.json()) as { status: string; problems: string[] };
      expect(body.status).toBe("degraded");
      expect(body.problems.join(" ")).toMatch(/CLUSTERBOT_ENCRYPTION_KEY cannot decrypt 1 of 3/);
      const everything = JSON.stringify(body) + bot.process.output();
      for (const key of [newKey, strangerKey, firstKey]) expect(everything).not.toContain(key);
      await servesTheTeam();
    } finally {
      await bot.stop();
    }
  });
});
