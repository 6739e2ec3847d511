// A partner with many interests: the overview pages them within Slack's 100 blocks, and an interest can be removed
// from it (after a confirmation), while homework is open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { findButton, type SeededWorkshop, seedWorkshop, waitFor } from "../../support/slack-seed.ts";

describe.each(backends)("interests in the homework overview on %s", (backend) => {
  let harness: SlackHarness;
  let seeded: SeededWorkshop;
  beforeAll(async () => {
    harness = await startSlackHarness(backend);
    const others = Array.from({ length: 12 }, (_, index) => ({
      acronym: `P${String(index + 1).padStart(2, "0")}`,
      members: ["ben" as const],
      results: Array.from({ length: 10 }, (_, result) => `Result ${result + 1}`),
    }));
    seeded = await seedWorkshop(harness, [{ acronym: "ALPHA", members: ["ana"], results: ["Sensor kit"] }, ...others]);
    const alpha = seeded.projects[0]!;
    const targets = (await harness.deps.repos.results.listForWorkshop(seeded.workshop.id)).filter(
      (result) => result.projectId !== alpha.id,
    );
    for (const target of targets)
      await harness.deps.repos.interests.save(alpha.id, {
        resultId: target.id,
        level: "high",
        kind: "use",
        note: null,
      });
  });
  afterAll(() => harness.close());

  const slack = () => harness.slack;
  const overview = () => slack().state.topView(users.ana)!;
  const text = () => JSON.stringify(overview().blocks);

  async function click(actionId: RegExp) {
    const button = findButton(overview().blocks, actionId);
    const before = JSON.stringify(overview());
    await slack().driver.blockActions({
      userId: users.ana,
      viewId: overview().id,
      actions: [{ actionId: button.action_id, value: button.value }],
    });
    await waitFor(() => JSON.stringify(overview()) !== before);
    return button;
  }

  it("pages 120 interests so each page stays within Slack's limits", async () => {
    await slack().driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: "homework.start", blockId: "dm", value: seeded.projects[0]!.id }],
    });
    await waitFor(() => slack().state.topView(users.ana)?.callback_id === "homework.overview");
    expect(overview().blocks.length).toBeLessThanOrEqual(100);
    expect(text()).toContain("Interest in other projects' results (120)");
    expect(text()).toContain("Page 1 of 3");

    await click(/^homework\.overview\.page$/);
    expect(text()).toContain("Page 2 of 3");
    expect(text()).toContain("Add an interest");
    expect(overview().blocks.length).toBeLessThanOrEqual(100);
    expect(
      slack()
        .state.callsTo("views.update")
        .every((call) => call.status === 200),
    ).toBe(true);
  });

  it("removes an interest from the overview, which then shows one fewer", async () => {
    const removed = await click(/^homework\.interest\.remove$/);
    expect(text()).toContain("Interest in other projects' results (119)");
    expect(text()).toContain("Page 2 of 3");
    const left = await harness.deps.repos.interests.listForProject(seeded.projects[0]!.id);
    expect(left).toHaveLength(119);
    expect(left.map((interest) => interest.resultId)).not.toContain(removed.value);
    const button = JSON.stringify(findButtonBlock(overview().blocks));
    expect(button).toContain("Are you sure?");
  });
});

/** The first Remove button as Slack shows it, with its confirmation. */
function findButtonBlock(blocks: unknown[]): unknown {
  return (blocks as { elements?: { action_id?: string }[] }[])
    .flatMap((block) => block.elements ?? [])
    .find((element) => element.action_id?.startsWith("homework.interest.remove"));
}
