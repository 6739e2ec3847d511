// A cluster's "why" follows its members: after a facilitator moves a result out of a cluster, the explanation shown
// in the review and in the announcement no longer names or counts it; the cluster it went to names it. Four results
// share "predictive maintenance"; one of them also shares "digital twin" with the two results of another cluster.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysesSettled } from "../../../src/app/review/analyze.ts";
import { backends } from "../../support/database.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { type SeededWorkshop, seedWorkshop, waitFor } from "../../support/slack-seed.ts";
import { answerTo, cluster, submitTopView } from "../../support/slack-ui.ts";
import { characterisation } from "../../support/workshop-homework.ts";

const homework: Record<string, [string, string, string[]][]> = {
  ALPHA: [
    [
      "Vibration sensor kit",
      "Wireless vibration sensors for condition monitoring and predictive maintenance of rotating machines",
      ["vibration", "predictive maintenance"],
    ],
    [
      "Gearbox wear monitor",
      "Predictive maintenance of gearboxes from vibration and oil analysis with a digital twin of the drive train",
      ["predictive maintenance", "vibration", "digital twin"],
    ],
    [
      "Cathode recovery process",
      "Hydrometallurgical recovery of lithium and cobalt from spent battery cathodes for recycling",
      ["battery recycling", "lithium"],
    ],
  ],
  BETA: [
    [
      "Bearing fault predictor",
      "Predictive maintenance models that detect bearing faults from vibration signals in rotating machines",
      ["predictive maintenance", "vibration"],
    ],
    [
      "Factory twin",
      "A digital twin of the factory floor to simulate production layout and throughput",
      ["digital twin", "simulation"],
    ],
    [
      "Battery sorting line",
      "Automated sorting of spent lithium batteries by chemistry before recycling and cathode recovery",
      ["battery recycling", "lithium"],
    ],
  ],
  GAMMA: [
    [
      "Maintenance scheduler",
      "Schedules predictive maintenance of machines from condition monitoring alarms and vibration trends",
      ["predictive maintenance", "condition monitoring"],
    ],
    [
      "Layout simulator",
      "Discrete-event simulation of factory layout and production throughput with a digital twin",
      ["simulation", "digital twin"],
    ],
  ],
};

interface SlackBlock {
  type: string;
  text?: { text?: string };
}

/** The "Why" text of the part of `blocks` (a review page or an announcement) that lists `member`. */
function whyOf(blocks: unknown, member: string): string {
  const parts: SlackBlock[][] = [];
  for (const block of blocks as SlackBlock[]) {
    if (block.type === "header" || parts.length === 0) parts.push([]);
    parts.at(-1)!.push(block);
  }
  const part = parts.find((candidate) =>
    candidate.some((block) => !block.text?.text?.startsWith("*Why*") && JSON.stringify(block).includes(member)),
  );
  const why = part?.find((block) => block.text?.text?.startsWith("*Why*"));
  if (!why) throw new Error(`no cluster listing ${member} in ${JSON.stringify(blocks)}`);
  return why.text!.text!;
}

describe.each(backends)("Slack: a cluster's explanation after an edit of its members on %s", (backend) => {
  let harness: SlackHarness;
  let seeded: SeededWorkshop;
  const slack = () => harness.slack;
  const announcements = "C0GENERAL01";
  const fran = users.facilitator;

  beforeAll(async () => {
    harness = await startSlackHarness(backend);
    seeded = await seedWorkshop(harness, [
      { acronym: "ALPHA", members: ["ana"], results: homework.ALPHA!.map(([title]) => title) },
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
  }, 240_000);
  afterAll(() => harness.close());

  const resultId = async (title: string) =>
    (await harness.deps.repos.results.listForWorkshop(seeded.workshop.id)).find((result) => result.title === title)!.id;
  const clusterWith = async (title: string) => {
    const id = await resultId(title);
    return (await harness.deps.repos.reviews.clusters(seeded.workshop.id)).find((c) => c.resultIds.includes(id))!;
  };
  const review = () => slack().state.topView(fran)!;
  const reviewAt = (version: number) =>
    waitFor(() => JSON.stringify(slack().state.topView(fran)?.blocks).includes(`review version ${version}`));

  async function click(actionId: RegExp, value: string) {
    const view = review();
    const found: { action_id: string; value: string }[] = [];
    const visit = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === "object") {
        const record = node as Record<string, unknown>;
        if (record.type === "button") found.push({ action_id: String(record.action_id), value: String(record.value) });
        Object.values(record).forEach(visit);
      }
    };
    visit(view.blocks);
    const button = found.find((candidate) => actionId.test(candidate.action_id) && candidate.value === value);
    if (!button) throw new Error(`no button ${actionId} ${value} in ${view.callback_id}`);
    await slack().driver.blockActions({
      userId: fran,
      actions: [{ actionId: button.action_id, value }],
      viewId: view.id,
    });
  }

  async function openReview() {
    const before = slack().state.topView(fran)?.id;
    await cluster(slack(), fran, "review");
    await waitFor(() => review()?.callback_id === "review.clusters" && review().id !== before);
  }

  async function moveGearbox(toClusterOf: string) {
    const from = await clusterWith("Gearbox wear monitor");
    const to = await clusterWith(toClusterOf);
    await click(/^review\.move/, from.id);
    await waitFor(() => slack().state.topView(fran)?.callback_id === "review.move");
    const moved = await submitTopView(slack(), fran, { result: await resultId("Gearbox wear monitor"), to: to.id });
    expect(moved.responseAction?.action).not.toBe("errors");
  }

  const postOf = (member: string) =>
    slack()
      .state.messagesIn(announcements)
      .find((post) => JSON.stringify(post.blocks).includes(member))!;

  it("shows the engine's why in the review: four results share predictive maintenance", async () => {
    await cluster(slack(), fran, "analyze");
    await analysesSettled();
    await waitFor(async () => (await harness.deps.repos.reviews.review(seeded.workshop.id)) !== null);
    await openReview();
    // Three are named (in the engine's order), the fourth counted.
    expect(whyOf(review().blocks, "Bearing fault predictor")).toMatch(/“predictive maintenance” \([^)]* and 1 more\)/);
    expect(whyOf(review().blocks, "Factory twin")).not.toContain("Gearbox wear monitor");
  });

  it("after a result moves out, its old cluster's why no longer counts or names it; the new one names it", async () => {
    await moveGearbox("Factory twin");
    await reviewAt(2);
    const maintenance = whyOf(review().blocks, "Bearing fault predictor");
    expect(maintenance).not.toContain("Gearbox wear monitor");
    expect(maintenance).not.toContain("and 1 more");
    expect(maintenance).toContain("Maintenance scheduler");
    const twin = whyOf(review().blocks, "Factory twin");
    expect(twin).toContain("Gearbox wear monitor");
    expect(twin).toContain("digital twin");
  });

  it("a renamed cluster keeps its name when its members change; the announcement's why follows the members", async () => {
    const twin = await clusterWith("Factory twin");
    await click(/^review\.rename/, twin.id);
    await waitFor(() => slack().state.topView(fran)?.callback_id === "review.rename");
    await submitTopView(slack(), fran, { label: "Twins & layout" });
    await reviewAt(3);

    await click(/^review\.approve$|^review\.approve#/, seeded.workshop.id);
    await waitFor(
      () => review().callback_id === "review.warnings" || JSON.stringify(review().blocks).includes("Approved."),
    );
    if (review().callback_id === "review.warnings") await click(/^review\.approve\.anyway/, seeded.workshop.id);
    await waitFor(() => JSON.stringify(review().blocks).includes("Approved."));
    expect(await answerTo(slack(), await cluster(slack(), fran, "announce"))).toContain("Announced: 3 new");
    expect(whyOf(postOf("Bearing fault predictor").blocks, "Bearing fault predictor")).not.toContain(
      "Gearbox wear monitor",
    );
    expect(whyOf(postOf("Factory twin").blocks, "Factory twin")).toContain("Gearbox wear monitor");

    // Back where the engine had it: both posted announcements are updated to say so.
    await openReview();
    await moveGearbox("Bearing fault predictor");
    const { ts: twinTs } = postOf("Factory twin");
    const { ts: maintenanceTs } = postOf("Bearing fault predictor");
    await waitFor(() =>
      whyOf(slack().state.message(announcements, maintenanceTs)!.blocks, "Bearing fault predictor").includes(
        "and 1 more",
      ),
    );
    const twinPost = slack().state.message(announcements, twinTs)!;
    expect(whyOf(twinPost.blocks, "Factory twin")).not.toContain("Gearbox wear monitor");
    expect(JSON.stringify(twinPost.blocks)).toContain("Twins & layout");
    expect((await clusterWith("Factory twin")).label).toBe("Twins & layout");
  });

  it("a split describes both parts from their own results; the new part keeps the label it was given", async () => {
    await openReview();
    const version = Number(/review version (\d+)/.exec(JSON.stringify(review().blocks))?.[1]);
    const source = await clusterWith("Gearbox wear monitor");
    await click(/^review\.split/, source.id);
    await waitFor(() => slack().state.topView(fran)?.callback_id === "review.split");
    const leaving = [await resultId("Gearbox wear monitor"), await resultId("Vibration sensor kit")];
    const split = await submitTopView(slack(), fran, { leaving, label: "Drive trains" });
    expect(split.responseAction?.action).not.toBe("errors");
    await reviewAt(version + 1);
    const part = whyOf(review().blocks, "Gearbox wear monitor");
    expect(part).toContain("Vibration sensor kit");
    expect(part).not.toContain("Bearing fault predictor");
    expect(part).not.toContain("Split from");
    const rest = whyOf(review().blocks, "Bearing fault predictor");
    expect(rest).not.toContain("Gearbox wear monitor");
    expect(rest).not.toContain("Vibration sensor kit");
    expect((await clusterWith("Gearbox wear monitor")).label).toBe("Drive trains");
  });
});
