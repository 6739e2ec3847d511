// Type-ahead costs little per keystroke: suggestions come from an index kept per workshop, rebuilt when projects or
// results change (through Slack: a result another partner adds shows up at the next keystroke), and each person gets
// a few requests per second. The index's bookkeeping is checked with a counting store and a hand-moved clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInterestIndex } from "../../src/app/homework/interest-index.ts";
import type { Repositories } from "../../src/store/repositories/index.ts";
import { type SlackHarness, startSlackHarness, users } from "../support/slack-bot.ts";
import { findButton, type SeededWorkshop, seedWorkshop, waitFor } from "../support/slack-seed.ts";
import { submitTopView } from "../support/slack-ui.ts";

describe("type-ahead through Slack", () => {
  let harness: SlackHarness;
  let seeded: SeededWorkshop;
  beforeAll(async () => {
    harness = await startSlackHarness("pglite");
    seeded = await seedWorkshop(harness, [
      { acronym: "ALPHA", members: ["ana"], results: ["Sensor kit"] },
      { acronym: "BETA", members: ["ben"], results: ["Digital twin"] },
    ]);
  });
  afterAll(() => harness.close());

  async function openStep(userId: string, projectId: string, step: "homework.interest" | "homework.results") {
    const { state, driver } = harness.slack;
    const message = await driver.userMessage({ userId, text: "hi" });
    await driver.blockActions({
      userId,
      actions: [{ actionId: "homework.start", blockId: "b", value: projectId }],
      message: { channelId: message.channelId, ts: message.ts },
    });
    await waitFor(() => state.topView(userId)?.callback_id === "homework.overview");
    const overview = state.topView(userId)!;
    const value = findButton(overview.blocks, new RegExp(`^${step.replace(".", "\\.")}$`)).value;
    await driver.blockActions({ userId, viewId: overview.id, actions: [{ actionId: step, value }] });
    await waitFor(() => state.topView(userId)?.callback_id === step);
    return state.topView(userId)!;
  }

  const labels = (body: unknown) =>
    ((body as { options?: { text: { text: string } }[] }).options ?? []).map((option) => option.text.text);

  it("shows a result another partner adds at the next keystroke", async () => {
    const form = await openStep(users.ana, seeded.projects[0]!.id, "homework.interest");
    const suggest = async (value: string) =>
      labels(
        (
          await harness.slack.driver.blockSuggestion({
            userId: users.ana,
            actionId: "resultId",
            value,
            viewId: form.id,
          })
        ).body,
      );
    expect(await suggest("")).toEqual(["BETA: Digital twin"]);
    expect(await suggest("twin")).toEqual(["BETA: Digital twin"]);

    await openStep(users.ben, seeded.projects[1]!.id, "homework.results");
    const saved = await submitTopView(harness.slack, users.ben, { result_1: "Digital twin", result_2: "Edge gateway" });
    expect(saved.responseAction?.action).toBe("close");
    await harness.core.settled(); // the step is acknowledged at once and saved right after
    expect((await harness.deps.repos.results.listForProject(seeded.projects[1]!.id)).length).toBe(2);
    expect(await suggest("edge")).toEqual(["BETA: Edge gateway"]);
    expect(await suggest("sensor")).toEqual([]); // never the person's own project's results
  });
});

describe("the interest index", () => {
  function countingRepos() {
    const calls = { results: 0, projects: 0 };
    const repos = {
      projects: {
        list: async () => {
          calls.projects++;
          return [
            { id: "p1", acronym: "ALPHA" },
            { id: "p2", acronym: "BETA" },
          ];
        },
      },
      results: {
        listForWorkshop: async () => {
          calls.results++;
          return [
            { id: "r1", projectId: "p1", title: "Sensor kit" },
            { id: "r2", projectId: "p2", title: "Digital twin" },
            { id: "r3", projectId: "p2", title: "Sensor fusion" },
          ];
        },
      },
    } as unknown as Repositories;
    return { repos, calls };
  }

  it("loads a workshop once for many keystrokes, again after a change or when it is old", async () => {
    let now = 0;
    const { repos, calls } = countingRepos();
    const index = createInterestIndex(repos, () => now, { maxAgeMs: 10_000 });
    for (const query of ["s", "se", "sen", "sens", "senso", "sensor"]) await index.search("w1", "p1", query);
    expect(calls.results).toBe(1);
    expect(await index.search("w1", "p1", "SENSOR")).toEqual([{ resultId: "r3", label: "BETA: Sensor fusion" }]);
    expect((await index.search("w1", "p2", "")).map((target) => target.resultId)).toEqual(["r1"]);
    index.invalidate("w1");
    await index.search("w1", "p1", "x");
    expect(calls.results).toBe(2);
    now += 10_001;
    await index.search("w1", "p1", "x");
    expect(calls.results).toBe(3);
    expect(await index.search("w1", "p1", "", 1)).toHaveLength(1);
  });

  it("allows a burst per person, then a few a second, each person on their own", () => {
    let now = 0;
    const index = createInterestIndex(countingRepos().repos, () => now, { burst: 10, perSecond: 5 });
    const granted = Array.from({ length: 15 }, () => index.allow("ana")).filter(Boolean).length;
    expect(granted).toBe(10);
    expect(index.allow("ben")).toBe(true);
    now += 1_000;
    expect(Array.from({ length: 10 }, () => index.allow("ana")).filter(Boolean).length).toBe(5);
  });

  it("remembers a membership check that passed, not one that refused", async () => {
    let now = 0;
    const index = createInterestIndex(countingRepos().repos, () => now);
    let checks = 0;
    const pass = async () => {
      checks++;
      return "w1";
    };
    expect(await index.scope("p1", "ana", pass)).toBe("w1");
    expect(await index.scope("p1", "ana", pass)).toBe("w1");
    expect(checks).toBe(1);
    const refuse = async (): Promise<string> => {
      checks++;
      throw new Error("not a member");
    };
    await expect(index.scope("p1", "ben", refuse)).rejects.toThrow("not a member");
    await expect(index.scope("p1", "ben", refuse)).rejects.toThrow("not a member");
    expect(checks).toBe(3);
    now += 10_001;
    await index.scope("p1", "ana", pass);
    expect(checks).toBe(4);
  });
});
