// Echoes of user text, through Slack: a 40 KB command argument still gets an answer (the echo is cut), the status
// message's notification text is escaped, and mrkdwn with user text does not auto-link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness, users } from "../support/slack-bot.ts";
import { seedWorkshop, waitFor } from "../support/slack-seed.ts";
import { cluster, submitTopView } from "../support/slack-ui.ts";

describe("echoes of user text through Slack", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness("pglite");
    await seedWorkshop(harness, [{ acronym: "ALPHA", members: ["ana"] }]);
  });
  afterAll(() => harness.close());

  async function answer(text: string): Promise<{ text: string; body: string }> {
    const { state } = harness.slack;
    const sent = await cluster(harness.slack, users.facilitator, text);
    const posts = () => state.responseUrlPosts.filter((post) => sent.responseUrl.endsWith(`/response/${post.id}`));
    await waitFor(() => posts().length > 0);
    const body = posts()[0]!.body as { text?: string };
    return { text: body.text ?? "", body: JSON.stringify(body) };
  }

  const huge = "X".repeat(40_000);

  it.each([
    [huge, "I don't know"],
    [`project edit ${huge}`, "There is no project"],
    [`reopen ${huge}`, "There is no project"],
    [`remind ${huge}`, "There is no project"],
    [`away ${huge}`, "YYYY-MM-DD"],
  ])("answers a 40 KB argument (%#), echoing a cut version", async (command, expected) => {
    const { text, body } = await answer(command);
    expect(text).toContain(expected);
    // The echo is cut to a few dozen characters (it was cut only by Slack's 3 000-character text limit, or not at all).
    expect(body).not.toContain("X".repeat(100));
    expect(body.length).toBeLessThan(12_000);
  });
});

describe("status text through Slack", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness("pglite");
    const seeded = await seedWorkshop(harness, [{ acronym: "ALPHA", members: ["ana"] }]);
    await harness.deps.repos.workshops.update(seeded.workshop.id, {
      name: "<!channel> Big day http://evil.example #general @here",
    });
  });
  afterAll(() => harness.close());

  it("escapes the notification text and marks every mrkdwn object verbatim", async () => {
    const { state } = harness.slack;
    const sent = await cluster(harness.slack, users.facilitator, "status");
    const posts = () => state.responseUrlPosts.filter((post) => sent.responseUrl.endsWith(`/response/${post.id}`));
    await waitFor(() => posts().length > 0);
    const body = posts()[0]!.body as { text: string; blocks: unknown[] };
    expect(body.text).toContain("Big day");
    expect(body.text).not.toContain("<!channel>");
    expect(body.text).toContain("&lt;!channel&gt;");
    const mrkdwn: { verbatim?: boolean; text: string }[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === "object") {
        const record = node as Record<string, unknown>;
        if (record.type === "mrkdwn") mrkdwn.push(record as { verbatim?: boolean; text: string });
        Object.values(record).forEach(visit);
      }
    };
    visit(body.blocks);
    expect(mrkdwn.length).toBeGreaterThan(0);
    expect(mrkdwn.filter((object) => object.verbatim !== true)).toEqual([]);
    expect(JSON.stringify(body.blocks)).not.toContain("<!channel>");
  });
});

describe("an owner organisation with a long name, through Slack", () => {
  let harness: SlackHarness;
  let resultId = "";
  const longName = `The ${"Very ".repeat(35)}Long Institute for Applied Research`; // 212 characters
  beforeAll(async () => {
    harness = await startSlackHarness("pglite");
    const seeded = await seedWorkshop(harness, [{ acronym: "ALPHA", members: ["ana"], results: ["Sensor kit"] }]);
    const project = seeded.projects[0]!;
    await harness.deps.repos.projects.update(project.id, {
      acronym: "ALPHA",
      title: project.title,
      partners: [longName, "Short Org"],
      memberIds: project.memberIds,
    });
    resultId = (await harness.deps.repos.results.listForProject(project.id))[0]!.id;
  });
  afterAll(() => harness.close());

  it("can be chosen as an owner and the result submitted", async () => {
    expect(longName.length).toBeGreaterThan(150);
    const { state, driver } = harness.slack;
    const message = await driver.userMessage({ userId: users.ana, text: "hello" });
    await driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: "homework.characterise", blockId: "from-overview", value: resultId }],
      message: { channelId: message.channelId, ts: message.ts },
    });
    await waitFor(() => state.topView(users.ana)?.callback_id === "homework.characterise");
    const submitted = await submitTopView(harness.slack, users.ana, {
      description: "A kit",
      type: "product",
      keywords: "sensors",
      trlNow: "5",
      trlExpected: "7",
      owners: [`${longName.slice(0, 74)}…`], // picked by its label, which Slack shows cut to 75 characters
      iprWithin: "Foreground",
      iprOutside: "None",
      targetMarket: "Machine builders",
      needs: "A pilot",
    });
    expect(submitted.responseAction?.action).toBe("close");
    const stored = await harness.deps.repos.results.find(resultId);
    expect(stored).toMatchObject({ status: "submitted", owners: [longName] });
  });
});
