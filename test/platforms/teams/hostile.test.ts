// Signed but hostile activities (wrong types, missing fields, huge strings, unknown invokes, garbage values) get a
// 4xx or a polite 200, never a 5xx, and the bot keeps answering. Seeded, so a failure replays.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../../src/core/clustering/rng.ts";
import { build } from "../../standins/teams/index.ts";
import { people, startTeamsHarness, type TeamsHarness } from "./harness.ts";

const cases = 400;

describe("Teams hostile activities", () => {
  let harness: TeamsHarness;
  beforeAll(async () => {
    harness = await startTeamsHarness("pglite");
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
    const statuses = new Map<number, number>();
    for (let index = 0; index < cases; index++) {
      const base = pick([
        build.personalMessage(sender, user, "cluster status"),
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
    expect((await harness.teams.driver.message(people.ana, "still there?")).status).toBe(200);
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400]));
  });
});
