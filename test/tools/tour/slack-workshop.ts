// The tour from the end of the homework to the report, in Slack: Ana submits a result, the other partners' homework
// is filled in straight through the repositories (the tour showed the forms once), the last reminders, the
// analysis, the facilitators' review (a rename, a move, approval past the design rule's warnings), the announcement,
// the working-group channels with a reply turned into a work-plan item, a follow-up round, and the report shared in
// #general. Every step goes through the stand-in and the bot's own use cases; only the clock is moved.
import { analysesSettled } from "../../../src/app/review/analyze.ts";
import type { JobRunner } from "../../../src/scheduler/runner.ts";
import type { SlackHarness } from "../../support/slack-bot.ts";
import { teamId, users } from "../../support/slack-bot.ts";
import { answerTo, clickInMessage, cluster, submitTopView } from "../../support/slack-ui.ts";
import { edgeAnalytics, finishHomework } from "./fill-homework.ts";
import { clickInPost, clickInView, dms, waitFor } from "./slack-steps.ts";

export interface TourContext {
  harness: SlackHarness;
  runner: JobRunner;
  step: (name: string, action: () => Promise<unknown>) => Promise<void>;
  moveClockTo: (iso: string) => void;
}

/** Waits (up to a minute: the stand-in and the bot share a loaded machine) for an asynchronous condition. */
async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error("the tour timed out waiting for the bot");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function playFromHomeworkToReport({ harness, runner, step, moveClockTo }: TourContext): Promise<void> {
  const { slack, deps } = harness;
  const { repos } = deps;
  const fran = users.facilitator;
  const ana = users.ana;
  const workspace = await repos.workspaces.ensure("slack", teamId);
  const workshop = (await repos.workshops.current(workspace.id))!;
  const topView = (userId: string) => slack.state.topView(userId);
  const shows = (userId: string, text: string) => JSON.stringify(topView(userId)?.blocks ?? []).includes(text);

  await step("Ana submits the sensor kit", async () => {
    await clickInMessage(slack, ana, dms(slack, ana)[0]!.ts);
    await waitFor(() => topView(ana)?.callback_id === "homework.overview");
    await clickInView(slack, ana, /^homework\.characterise$/);
    await waitFor(() => topView(ana)?.callback_id === "homework.characterise");
    await submitTopView(slack, ana, {
      description: "A plug-and-play kit of wireless vibration sensors for condition monitoring of rotating machines",
      type: "product",
      keywords: "vibration, predictive maintenance",
      trlNow: "6",
      trlExpected: "8",
      owners: "Alpha Sensors SME",
      iprWithin: "Foreground of Alpha Sensors SME",
      iprOutside: "No third-party rights",
      targetMarket: "Machine builders",
      needs: "A pilot line to validate on",
    });
    await waitFor(() => shows(ana, "Submitted ✓"));
  });

  // The other partners' homework, typed in as Ana's was: filled in straight through the repositories.
  await finishHomework(repos, workspace.id, workshop.id, users.cleo, [edgeAnalytics]);

  await step("Thursday 12 March: the last reminders, a day before the deadline", async () => {
    await slack.driver.viewClosed({ userId: ana, viewId: topView(ana)!.id });
    moveClockTo("2026-03-12T16:30:00Z");
    await runner.runDueJobsOnce();
  });
  await step("Monday 16 March, after the deadline", async () => {
    moveClockTo("2026-03-16T08:00:00Z");
    await runner.runDueJobsOnce();
  });

  await step("Fran runs the analysis", async () => {
    await answerTo(slack, await cluster(slack, fran, "analyze"));
    await analysesSettled();
    // The first analysis loads the engine's language model: slow on a loaded machine.
    await until(() => JSON.stringify(dms(slack, fran)).includes("review.open"));
  });
  await step("Fran opens the review from the message", async () => {
    const ready = dms(slack, fran).findLast((message) => JSON.stringify(message.blocks).includes("review.open"))!;
    await clickInPost(slack, fran, ready, /^review\.open/);
    await until(() => topView(fran)?.callback_id === "review.clusters");
  });

  const clusters = () => repos.reviews.clusters(workshop.id);
  const first = (await clusters())[0]!;
  await step("Fran renames a cluster", async () => {
    await clickInView(slack, fran, /^review\.rename/);
    await until(() => topView(fran)?.callback_id === "review.rename");
  });
  await step("Fran gives it a clearer name", async () => {
    await submitTopView(slack, fran, { label: "Predictive maintenance of machines" });
    await until(() => topView(fran)?.callback_id === "review.clusters" && shows(fran, "Predictive maintenance of"));
  });
  const others = (await clusters()).filter((candidate) => candidate.id !== first.id);
  if (others[0] && first.resultIds.length > 2) {
    const to = others[0];
    await step("Fran moves a result to another cluster", async () => {
      await clickInView(slack, fran, /^review\.move/);
      await until(() => topView(fran)?.callback_id === "review.move");
    });
    await step("Fran picks the result and where it goes", async () => {
      await submitTopView(slack, fran, { result: first.resultIds.at(-1)!, to: to.id });
      await until(async () => (await clusters()).find((candidate) => candidate.id === to.id)!.resultIds.length > 1);
      await until(() => topView(fran)?.callback_id === "review.clusters");
    });
  }
  await step("Fran approves the clusters", async () => {
    await clickInView(slack, fran, /^review\.approve(#|$)/);
    await until(() => topView(fran)?.callback_id === "review.warnings" || shows(fran, "Approved."));
  });
  if (topView(fran)?.callback_id === "review.warnings")
    await step("Fran approves past the design rule's warning", async () => {
      await clickInView(slack, fran, /^review\.approve\.anyway/);
      await until(() => shows(fran, "Approved."));
    });

  await step("Fran announces the clusters in #general", async () => {
    for (let open = topView(fran); open; open = topView(fran))
      await slack.driver.viewClosed({ userId: fran, viewId: open.id });
    await answerTo(slack, await cluster(slack, fran, "announce"));
    await until(() => JSON.stringify(dms(slack, ana)).includes("your results joined the cluster"));
    await harness.core.settled();
  });

  await step("Fran creates the working-group channels", async () => {
    const sent = await cluster(slack, fran, "groups create");
    await until(() => slack.state.responseUrlPosts.some((post) => sent.responseUrl.endsWith(`/response/${post.id}`)));
    await harness.core.settled();
  });
  const group = [...slack.state.channels.values()].find(
    (channel) => channel.kind === "private" && channel.members.includes(ana),
  )!;
  const bot = slack.state.identity.botUserId;
  const prompt = slack.state
    .messagesIn(group.id)
    .find((message) => message.user === bot && message.text.startsWith("Joint activities"))!;
  const repliesInThread = () =>
    slack.state
      .messagesIn(group.id)
      .filter((message) => message.thread_ts === prompt.ts && message.ts !== prompt.ts && message.user === bot);
  await step("Ana answers the joint-activities prompt in her group's channel", async () => {
    const before = repliesInThread().length;
    await slack.driver.userMessage({
      userId: ana,
      channelId: group.id,
      threadTs: prompt.ts,
      text: "Joint pilot of the sensor kit with the fault predictor. Lead: ALPHA. With: BETA. When: Q3 2026 to Q1 2027",
    });
    await until(() => repliesInThread().length > before);
  });

  await step("Four weeks later: the follow-up in each group's channel", async () => {
    const pending = await repos.jobs.list({ kind: "workgroup.followup", status: "pending" });
    const due = Math.min(...pending.map((job) => job.dueAt.getTime()));
    moveClockTo(new Date(due + 60_000).toISOString());
    await runner.runDueJobsOnce();
    await harness.core.settled();
  });

  await step("Fran shares the report in #general", async () => {
    const shared = () =>
      [...slack.state.files.values()].some((file) => file.channels.includes("C0GENERAL01") && file.bytes);
    await answerTo(slack, await cluster(slack, fran, "report"));
    await until(shared);
    await harness.core.settled();
  });
}
