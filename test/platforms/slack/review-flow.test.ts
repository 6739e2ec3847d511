// From homework to agreed clusters in Slack, through the stand-in: three projects' submitted homework (and a draft
// left out) → /cluster analyze → the review modal → move a result → merge two clusters → approve (past the design
// rule's warnings) → /cluster announce → one message per cluster in the announcement channel, a DM to each member,
// and nothing new the second time; an edit after announcing updates the posted message. Then two facilitators
// editing the same cluster at once: one edit wins, the other is told, nothing is overwritten silently.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysesSettled } from "../../../src/app/review/analyze.ts";
import { backends } from "../../support/database.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { type SeededWorkshop, seedWorkshop, waitFor } from "../../support/slack-seed.ts";
import { answerTo, cluster, submitTopView } from "../../support/slack-ui.ts";
import { characterisation, homework } from "../../support/workshop-homework.ts";

interface SlackButton {
  action_id: string;
  value: string;
}

function buttons(blocks: unknown): SlackButton[] {
  const found: SlackButton[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.type === "button") found.push({ action_id: String(record.action_id), value: String(record.value) });
      Object.values(record).forEach(visit);
    }
  };
  visit(blocks);
  return found;
}

describe.each(backends)("Slack: analysis, review and announcement on %s", (backend) => {
  let harness: SlackHarness;
  let seeded: SeededWorkshop;
  const slack = () => harness.slack;
  const announcements = "C0GENERAL01";

  beforeAll(async () => {
    harness = await startSlackHarness(backend);
    seeded = await seedWorkshop(harness, [
      {
        acronym: "ALPHA",
        members: ["ana"],
        results: [...homework.ALPHA!.map(([title]) => title), "Half-written idea"],
      },
      { acronym: "BETA", members: ["cleo"], results: homework.BETA!.map(([title]) => title) },
      { acronym: "GAMMA", members: ["ben"], results: homework.GAMMA!.map(([title]) => title) },
    ]);
    const { repos } = harness.deps;
    for (const project of seeded.projects) {
      for (const result of await repos.results.listForProject(project.id)) {
        const answer = homework[project.acronym]?.find(([title]) => title === result.title);
        if (answer) await repos.results.characterise(result.id, characterisation(answer[1], answer[2]), "submitted");
      }
    }
    const channel = await repos.channels.ensure(seeded.workspaceId, announcements, "general");
    await repos.workshops.update(seeded.workshop.id, { announcementChannelId: channel.id });
    await repos.workshops.setFacilitators(seeded.workshop.id, [
      seeded.personIds.facilitator,
      seeded.personIds.outsider,
    ]);
  }, 240_000);
  afterAll(() => harness.close());

  const clusters = () => harness.deps.repos.reviews.clusters(seeded.workshop.id);
  const labelOf = async (title: string) => {
    const results = await harness.deps.repos.results.listForWorkshop(seeded.workshop.id);
    const id = results.find((result) => result.title === title)?.id;
    return (await clusters()).find((candidate) => candidate.resultIds.includes(id ?? ""));
  };
  const resultId = async (title: string) =>
    (await harness.deps.repos.results.listForWorkshop(seeded.workshop.id)).find((result) => result.title === title)!.id;
  const dmsTo = (userId: string) => slack().state.messagesIn(slack().state.imWith(userId).id);

  async function click(userId: string, actionId: RegExp, value: string) {
    const view = slack().state.topView(userId)!;
    const button = buttons(view.blocks).find(
      (candidate) => actionId.test(candidate.action_id) && candidate.value === value,
    );
    if (!button) throw new Error(`no button ${actionId} ${value} in ${view.callback_id}`);
    await slack().driver.blockActions({ userId, actions: [{ actionId: button.action_id, value }], viewId: view.id });
  }

  /** Runs `open`, then waits for a new review modal (not the one open before) on top. */
  async function opensReview(userId: string, open: () => Promise<unknown>) {
    const before = slack().state.topView(userId)?.id;
    await open();
    await waitFor(() => {
      const top = slack().state.topView(userId);
      return top?.callback_id === "review.clusters" && top.id !== before;
    });
  }

  async function openReviewFromDm(userId: string) {
    const before = slack().state.topView(userId)?.id;
    const dm = dmsTo(userId).at(-1)!;
    const open = buttons(dm.blocks).find((button) => button.action_id.startsWith("review.open"))!;
    await slack().driver.blockActions({
      userId,
      actions: [{ actionId: open.action_id, value: open.value }],
      message: { channelId: slack().state.imWith(userId).id, ts: dm.ts },
    });
    await waitFor(() => {
      const top = slack().state.topView(userId);
      return top?.callback_id === "review.clusters" && top.id !== before;
    });
  }

  it("refuses a partner, and tells a facilitator what was left out while the analysis runs", async () => {
    const partner = await answerTo(slack(), await cluster(slack(), users.ana, "analyze"));
    expect(partner).toContain("Only the facilitators of");

    const started = await answerTo(slack(), await cluster(slack(), users.facilitator, "analyze"));
    expect(started).toContain("Analysing 8 submitted results of 3 projects");
    expect(started).toMatch(/Left out, not submitted: 1 draft: ALPHA \(1 draft; members: [^)]+\)/);
    await analysesSettled();
    // The first analysis loads the engine's language model: slow on a loaded machine.
    await waitFor(() => JSON.stringify(dmsTo(users.facilitator)).includes("review.open"));
    expect(JSON.stringify(dmsTo(users.facilitator))).toContain("3 suggested clusters, 1 unclustered");
    expect(await harness.deps.repos.reviews.runNumbers(seeded.workshop.id)).toBe(1);
  });

  it("shows the review: clusters with their results, why, cohesion, and the unclustered result with its reason", async () => {
    await openReviewFromDm(users.facilitator);
    const view = JSON.stringify(slack().state.topView(users.facilitator)!.blocks);
    expect(view).toContain("Vibration sensor kit");
    expect(view).toContain("cohesion");
    expect(view).toContain("Shared terms");
    expect(view).toContain("Unclustered (1)");
    expect(view).toContain("Anti-reflective glass coating");
    expect(view).toContain("Factory &lt;!channel&gt; twin");
    expect(view).not.toContain("<!channel>");
    expect(slack().state.topView(users.facilitator)!.blocks.length).toBeLessThanOrEqual(100);
  });

  it("moves a result and merges two clusters, each recorded in the history", async () => {
    const maintenance = (await labelOf("Vibration sensor kit"))!;
    const twin = (await labelOf("Layout simulator"))!;
    await click(users.facilitator, /^review\.move/, maintenance.id);
    await waitFor(() => slack().state.topView(users.facilitator)?.callback_id === "review.move");
    const moved = await submitTopView(slack(), users.facilitator, {
      result: await resultId("Maintenance scheduler"),
      to: twin.id,
    });
    expect(moved.responseAction?.action).not.toBe("errors");
    // The review underneath is redrawn at the version the move made.
    await waitFor(() => JSON.stringify(slack().state.topView(users.facilitator)?.blocks).includes("review version 2"));
    expect((await labelOf("Maintenance scheduler"))?.id).toBe(twin.id);

    const battery = (await labelOf("Battery sorting line"))!;
    await click(users.facilitator, /^review\.merge/, maintenance.id);
    await waitFor(() => slack().state.topView(users.facilitator)?.callback_id === "review.merge");
    await submitTopView(slack(), users.facilitator, { other: battery.id });
    await waitFor(() => JSON.stringify(slack().state.topView(users.facilitator)?.blocks).includes("review version 3"));
    const now = await clusters();
    expect(now).toHaveLength(2);
    expect((await labelOf("Battery sorting line"))?.id).toBe(maintenance.id);

    await click(users.facilitator, /^review\.history/, seeded.workshop.id);
    await waitFor(() => slack().state.topView(users.facilitator)?.callback_id === "review.history");
    const history = JSON.stringify(slack().state.topView(users.facilitator)!.blocks);
    expect(history).toContain("moved “GAMMA: Maintenance scheduler”");
    expect(history).toContain(`merged “${battery.label}” into “${maintenance.label}”`);
    expect(history).toContain("took analysis run 1 into review");
  });

  it("approves after showing which cluster breaks the design rule", async () => {
    await openReviewFromDm(users.facilitator);
    await click(users.facilitator, /^review\.approve$|^review\.approve#/, seeded.workshop.id);
    await waitFor(() => slack().state.topView(users.facilitator)?.callback_id === "review.warnings");
    expect(JSON.stringify(slack().state.topView(users.facilitator)!.blocks)).toContain("BETA is in every cluster");
    expect((await clusters()).every((candidate) => candidate.status === "suggested")).toBe(true);
    await click(users.facilitator, /^review\.approve\.anyway/, seeded.workshop.id);
    await waitFor(() => JSON.stringify(slack().state.topView(users.facilitator)?.blocks).includes("Approved."));
    expect((await clusters()).every((candidate) => candidate.status === "approved")).toBe(true);
  });

  it("announces each approved cluster once in the channel, DMs its members, and a second announce changes nothing", async () => {
    const before = slack().state.messagesIn(announcements).length;
    const first = await answerTo(slack(), await cluster(slack(), users.facilitator, "announce"));
    expect(first).toContain("Announced: 2 new");
    const posts = slack().state.messagesIn(announcements).slice(before);
    expect(posts).toHaveLength(2);
    const text = JSON.stringify(posts);
    expect(text).toContain("Join this working group");
    expect(text).toContain("Not for us");
    expect(text).toContain("Battery sorting line");
    expect(text).toContain("Factory &lt;!channel&gt; twin");
    for (const member of [users.ana, users.ben, users.cleo])
      expect(JSON.stringify(dmsTo(member))).toContain("your results joined the cluster");
    const dmCounts = [users.ana, users.ben, users.cleo].map((member) => dmsTo(member).length);

    const second = await answerTo(slack(), await cluster(slack(), users.facilitator, "announce"));
    expect(second).toContain("Nothing new to announce");
    expect(slack().state.messagesIn(announcements).length).toBe(before + 2);
    expect([users.ana, users.ben, users.cleo].map((member) => dmsTo(member).length)).toEqual(dmCounts);
    expect((await clusters()).every((candidate) => candidate.status === "announced")).toBe(true);
  });

  it("records 'Not for us' and a join, shown to facilitators; an edit after announcing updates the post", async () => {
    const posts = slack().state.messagesIn(announcements);
    const twinPost = posts.find((post) => JSON.stringify(post.blocks).includes("Layout simulator"))!;
    const decline = buttons(twinPost.blocks).find((button) => button.action_id.startsWith("cluster.decline"))!;
    await slack().driver.blockActions({
      userId: users.ben,
      actions: [{ actionId: decline.action_id, value: decline.value }],
      message: { channelId: announcements, ts: twinPost.ts },
    });
    const join = buttons(twinPost.blocks).find((button) => button.action_id.startsWith("cluster.join"))!;
    await slack().driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: join.action_id, value: join.value }],
      message: { channelId: announcements, ts: twinPost.ts },
    });
    const twin = (await clusters()).find((candidate) => candidate.id === decline.value)!;
    const responses = async () => (await clusters()).find((candidate) => candidate.id === decline.value)!.responses;
    await waitFor(async () => (await responses()).length === 2);
    expect((await responses()).map((r) => r.answer).sort()).toEqual(["decline", "join"]);

    await opensReview(users.facilitator, () => cluster(slack(), users.facilitator, "review"));
    await waitFor(() =>
      JSON.stringify(slack().state.topView(users.facilitator)?.blocks).includes("(GAMMA): not for us"),
    );
    expect(JSON.stringify(slack().state.topView(users.facilitator)!.blocks)).toContain("asked to join");

    await click(users.facilitator, /^review\.rename/, twin.id);
    await waitFor(() => slack().state.topView(users.facilitator)?.callback_id === "review.rename");
    await submitTopView(slack(), users.facilitator, { label: "Digital twins & layout" });
    await waitFor(() => JSON.stringify(slack().state.message(announcements, twinPost.ts)).includes("Digital twins"));
    expect(JSON.stringify(slack().state.message(announcements, twinPost.ts))).toContain("Digital twins &amp; layout");
  });

  it("lets two facilitators edit at once without overwriting each other silently", async () => {
    const target = (await clusters())[0]!;
    for (const who of [users.facilitator, users.outsider]) {
      await opensReview(who, () => cluster(slack(), who, "review"));
      await click(who, /^review\.rename/, target.id);
      await waitFor(() => slack().state.topView(who)?.callback_id === "review.rename");
    }
    await Promise.all([
      submitTopView(slack(), users.facilitator, { label: "Fran's name" }),
      submitTopView(slack(), users.outsider, { label: "Olly's name" }),
    ]);
    const renamed = (await clusters()).find((candidate) => candidate.id === target.id)!;
    expect(["Fran's name", "Olly's name"]).toContain(renamed.label);
    const loser = renamed.label === "Fran's name" ? users.outsider : users.facilitator;
    await waitFor(() =>
      JSON.stringify(slack().state.topView(loser)?.blocks).includes("Not applied: the review changed"),
    );
    const history = await harness.deps.repos.reviews.history(seeded.workshop.id);
    expect(
      history.filter((edit) => edit.summary.includes("Fran's name") || edit.summary.includes("Olly's name")),
    ).toHaveLength(1);
  });

  it("re-runs without throwing away the edits: it asks first, and a stale review button says the review moved on", async () => {
    const started = await answerTo(slack(), await cluster(slack(), users.facilitator, "analyze fine"));
    expect(started).toContain("Analysing");
    await analysesSettled();
    await waitFor(() => JSON.stringify(dmsTo(users.facilitator).at(-1)?.blocks).includes("review.replace"));
    expect(JSON.stringify(dmsTo(users.facilitator).at(-1)?.blocks)).toContain("Nothing was replaced");
    expect(await harness.deps.repos.reviews.runNumbers(seeded.workshop.id)).toBe(2);
    expect(await clusters()).toHaveLength(2);

    await opensReview(users.facilitator, () => cluster(slack(), users.facilitator, "review"));
    const staleViewId = slack().state.topView(users.facilitator)!.id;
    const runBefore = (await harness.deps.repos.reviews.review(seeded.workshop.id))?.runId;
    const question = dmsTo(users.facilitator).at(-1)!;
    const replace = buttons(question.blocks).find((button) => button.action_id.startsWith("review.replace"))!;
    await slack().driver.blockActions({
      userId: users.facilitator,
      actions: [{ actionId: replace.action_id, value: replace.value }],
      message: { channelId: slack().state.imWith(users.facilitator).id, ts: question.ts },
    });
    await waitFor(async () => (await harness.deps.repos.reviews.review(seeded.workshop.id))?.runId !== runBefore);
    expect((await harness.deps.repos.reviews.review(seeded.workshop.id))?.runId).not.toBe(runBefore);
    const target = (await clusters())[0];
    await slack().driver.blockActions({
      userId: users.facilitator,
      actions: [{ actionId: "review.drop", value: target?.id ?? "x" }],
      viewId: staleViewId,
    });
    await waitFor(() => JSON.stringify(slack().state.views.get(staleViewId)?.blocks).includes("This review moved on"));
  });
});
