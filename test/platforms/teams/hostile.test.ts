// Signed but hostile activities (bad JSON, wrong types, missing fields and ids, huge strings, unknown invokes,
// garbage in our own card data, replies in threads that are not ours) get a 4xx or a polite 200, never a 5xx, and
// the bot keeps answering. Seeded, so a failure replays.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../../src/core/clustering/rng.ts";
import { build } from "../../standins/teams/index.ts";
import { waitFor } from "../../support/slack-seed.ts";
import { facilitatorsTeam, people, startTeamsHarness, type TeamsHarness } from "./harness.ts";

const cases = 2000;

describe("Teams hostile activities", () => {
  let harness: TeamsHarness;
  beforeAll(async () => {
    harness = await startTeamsHarness("pglite");
    await harness.teams.driver.installInTeam(people.fran, facilitatorsTeam);
  });
  afterAll(() => harness.close());

  it(`answers ${cases} seeded hostile activities without a 5xx`, async () => {
    const random = seededRandom(1414);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
    const junk = (): unknown =>
      pick<unknown>([
        null,
        42,
        -1,
        true,
        "",
        "x".repeat(Math.floor(random() * 100_000)),
        "\u0000\u202e<at>everyone</at>",
        [],
        [null, {}],
        { nested: { deeper: [1, "2"] } },
      ]);
    const sender = harness.teams.driver.sender;
    const user = harness.teams.state.user(people.ana);
    const team = harness.teams.state.team(facilitatorsTeam);
    const general = harness.teams.state.channels.get(team.id)!;
    const invokeNames = [
      "task/fetch",
      "task/submit",
      "adaptiveCard/action",
      "application/search",
      "composeExtension/query",
      "signin/verifyState",
      "config/fetch",
      "message/submitAction",
      "no/such/invoke",
      "",
    ];
    const ourData = (): unknown =>
      pick<unknown>([
        { clusterbotAction: junk() },
        { clusterbotAction: { actionId: junk(), value: junk(), where: "screen", context: junk() } },
        { clusterbotAction: { actionId: "review.open", value: "x", where: "message" }, msteams: junk() },
        { clusterbotReplay: { kind: "command", text: junk() } },
        { clusterbot: { form: junk(), action: "submit", context: { screen: junk(), fields: "{", single: "1" } } },
        {
          clusterbot: {
            form: "review.move",
            action: "submit",
            context: { screen: "{}", fields: '{"to":"choice"}', single: 1 },
          },
        },
        junk(),
      ]);
    /** A body that is not an activity: broken or truncated JSON, other JSON values. */
    const badBody = (): string =>
      pick([
        "{",
        '{"type":"message",',
        JSON.stringify(build.personalMessage(sender, user, "cluster status")).slice(0, 1 + Math.floor(random() * 200)),
        "null",
        "[]",
        "42",
        '"text"',
        "not json at all",
        `{"type":"message","text":"${"y".repeat(Math.floor(random() * 50_000))}`,
      ]);
    /** Sets a value at a random depth of the activity (conversation.id, from.aadObjectId, value.data…). */
    const deepMutate = (target: Record<string, unknown>) => {
      let node: Record<string, unknown> = target;
      for (let depth = 0; depth < 3; depth++) {
        const keys = Object.keys(node);
        if (keys.length === 0) return;
        const key = pick(keys);
        const next = node[key];
        if (depth < 2 && next && typeof next === "object" && !Array.isArray(next) && random() < 0.7) {
          node = next as Record<string, unknown>;
          continue;
        }
        if (random() < 0.4) delete node[key];
        else node[key] = junk();
        return;
      }
    };
    const statuses = new Map<number, number>();
    for (let index = 0; index < cases; index++) {
      if (random() < 0.1) {
        const answer = await harness.teams.driver.sendRaw(badBody());
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(answer.status).toBeLessThan(500);
        continue;
      }
      const base = pick([
        build.personalMessage(sender, user, "cluster status"),
        build.personalMessage(sender, user, "", {
          attachments: [
            {
              contentType: "application/vnd.microsoft.teams.file.download.info",
              name: "projects.csv",
              content: { downloadUrl: `${sender.serviceUrl}personal/x/_layouts/15/download.aspx?UniqueId=gone` },
            },
          ],
        }),
        build.channelMention(sender, user, team, general, "cluster report md"),
        build.channelReply(sender, user, team, general, "1234", "Joint pilot. Lead: ALPHA"),
        build.invoke(sender, user, pick(invokeNames), { data: ourData() }),
        build.invoke(sender, user, "task/submit", { type: "task/submit", data: ourData() }),
        build.invoke(sender, user, "adaptiveCard/action", { action: { type: "Action.Execute", data: ourData() } }),
        build.invoke(sender, user, "task/fetch", { data: { dialog: "x" } }),
        build.invoke(sender, user, "task/submit", {
          data: { clusterbot: { form: "workshop.setup", action: "submit" } },
        }),
        build.invoke(sender, user, "application/search", { queryText: "a", dataset: "timezones" }),
        build.invoke(sender, user, "adaptiveCard/action", { action: { type: "Action.Execute", verb: "x" } }),
        build.installPersonal(sender, user),
        build.botAddedPersonal(sender, user),
      ]);
      const activity: Record<string, unknown> = structuredClone(base);
      const mutations = 1 + Math.floor(random() * 3);
      if (random() < 0.3) deepMutate(activity);
      for (let m = 0; m < mutations; m++) {
        const field = pick([
          "type",
          "name",
          "value",
          "text",
          "from",
          "conversation",
          "channelData",
          "membersAdded",
          "entities",
          "attachments",
          "localTimezone",
          "recipient",
          "action",
          "id",
          "channelId",
        ]);
        if (random() < 0.3) delete activity[field];
        else activity[field] = junk();
      }
      const answer = await harness.teams.driver.send(activity);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      expect(answer.status, JSON.stringify(activity).slice(0, 300)).toBeLessThan(500);
    }
    await harness.adapter.idle();
    const before = harness.teams.state.personalMessages(people.ana).length;
    expect((await harness.teams.driver.message(people.ana, "still there?")).status).toBe(200);
    await harness.adapter.idle();
    await waitFor(() => harness.teams.state.personalMessages(people.ana).length > before);
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400]));
  }, 300_000);
});
