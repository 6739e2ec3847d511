// Slack's limits, as a member meets them: the App Home lists their project, and an interest form over more than
// 100 results uses a searchable select whose suggestions stay within Slack's 100 options.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { findButton, type SeededWorkshop, seedWorkshop, waitFor } from "../../support/slack-seed.ts";

const otherProjects = 13;
const resultsEach = 10;

describe.each(backends)("Slack limits on %s", (backend) => {
  let harness: SlackHarness;
  let seeded: SeededWorkshop;
  beforeAll(async () => {
    harness = await startSlackHarness(backend);
    const others = Array.from({ length: otherProjects }, (_, index) => ({
      acronym: `P${String(index + 1).padStart(2, "0")}`,
      members: ["ben" as const],
      results: Array.from(
        { length: resultsEach },
        (_, result) => `Result ${result + 1} ${"of a long name ".repeat(8)}`,
      ),
    }));
    seeded = await seedWorkshop(harness, [{ acronym: "ALPHA", members: ["ana"], results: ["Sensor kit"] }, ...others]);
  });
  afterAll(() => harness.close());

  const slack = () => harness.slack;

  it("publishes an App Home that lists the member's project with a button to their homework", async () => {
    const opened = await slack().driver.appHomeOpened({ userId: users.ana });
    expect(opened.status).toBe(200);
    await waitFor(() => slack().state.homeView(users.ana) !== undefined);

    const home = slack().state.homeView(users.ana)!;
    const text = JSON.stringify(home.blocks);
    expect(text).toContain("Seeded workshop");
    expect(text).toContain("*ALPHA*");
    expect(text).not.toContain("*P01*");
    expect(findButton(home.blocks, /^homework\.start$/).value).toBe(seeded.projects[0]!.id);
  });

  it("offers more than 100 other results through an external select answering at most 100 matches", async () => {
    const home = slack().state.homeView(users.ana)!;
    await slack().driver.blockActions({
      userId: users.ana,
      viewId: home.id,
      actions: [{ actionId: "homework.start", value: seeded.projects[0]!.id }],
    });
    await waitFor(() => slack().state.topView(users.ana)?.callback_id === "homework.overview");
    const overview = slack().state.topView(users.ana)!;
    await slack().driver.blockActions({
      userId: users.ana,
      viewId: overview.id,
      actions: [{ actionId: "homework.interest", value: findButton(overview.blocks, /^homework\.interest$/).value }],
    });
    await waitFor(() => slack().state.topView(users.ana)?.callback_id === "homework.interest");
    const form = slack().state.topView(users.ana)!;
    expect(elementType(form.blocks, "resultId")).toBe("external_select");

    const everything = await slack().driver.blockSuggestion({
      userId: users.ana,
      actionId: "resultId",
      value: "",
      viewId: form.id,
    });
    expect(everything.problems).toEqual([]);
    expect(optionsOf(everything.body)).toHaveLength(100);

    const p07 = await slack().driver.blockSuggestion({
      userId: users.ana,
      actionId: "resultId",
      value: "p07",
      viewId: form.id,
    });
    expect(p07.problems).toEqual([]);
    const labels = optionsOf(p07.body).map((option) => option.text.text);
    expect(labels).toHaveLength(resultsEach);
    expect(labels.every((label) => label.startsWith("P07: ") && label.length <= 75)).toBe(true);
    expect(labels.some((label) => label.includes("Sensor kit"))).toBe(false);
  });
});

interface SuggestedOption {
  text: { text: string };
  value: string;
}

function optionsOf(body: unknown): SuggestedOption[] {
  const options = (body as { options?: SuggestedOption[] } | null)?.options;
  if (!Array.isArray(options)) throw new Error(`no options in ${JSON.stringify(body)}`);
  return options;
}

function elementType(blocks: unknown[], actionId: string): string | undefined {
  for (const block of blocks as { element?: { action_id?: string; type?: string } }[]) {
    if (block.element?.action_id === actionId) return block.element.type;
  }
  return undefined;
}
