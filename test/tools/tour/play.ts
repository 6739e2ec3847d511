// Plays a whole workshop through the Slack stand-in, with a clock it moves, and records every surface a person sees,
// in order (slack-recorder.ts): the homework phase here, from analysis to the report in slack-workshop.ts.
import { followUpJobHandlers } from "../../../src/app/groups/follow-ups.ts";
import { reminderJobHandlers } from "../../../src/app/reminders/handlers.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import { createJobRunner } from "../../../src/scheduler/runner.ts";
import { startSlackHarness, users } from "../../support/slack-bot.ts";
import { answerTo, clickInMessage, cluster, submitTopView } from "../../support/slack-ui.ts";
import { surfaceRecorder } from "./slack-recorder.ts";
import { clickInView, dms, opened, privateAnswer, settle, waitFor } from "./slack-steps.ts";
import { playFromHomeworkToReport } from "./slack-workshop.ts";
import type { TourSurface } from "./surface.ts";

export type { TourSurface } from "./surface.ts";

const names: Record<string, string> = {
  [users.facilitator]: "Fran Facilitator",
  [users.ana]: "Ana Partner",
  [users.ben]: "Ben Partner",
  [users.cleo]: "Cleo Partner",
  [users.outsider]: "Olly Outsider",
};

/** Plays the tour and returns what people saw. Takes about as long as a few Slack flow tests. */
export async function playTour(): Promise<TourSurface[]> {
  // Monday 2 March 2026, 10:00 UTC: morning in Brussels and Madrid, 02:00 in Los Angeles, 19:00 in Tokyo.
  let now = Date.parse("2026-03-02T10:00:00Z");
  const deadline = Date.parse("2026-03-13T16:00:00Z");
  const clock = { now: () => new Date(now) };
  const harness = await startSlackHarness("pglite", clock);
  const { slack } = harness;
  const runner = createJobRunner({
    jobs: harness.deps.repos.jobs,
    handlers: { ...reminderJobHandlers(harness.deps), ...followUpJobHandlers(harness.deps) },
    clock,
    logger: createLogger("silent", false),
    owner: "tour",
  });
  const recorder = surfaceRecorder(slack, names);
  const step = async (name: string, action: () => Promise<unknown>) => {
    const result = await action();
    await settle();
    recorder.take(name, result);
  };
  try {
    const fran = users.facilitator;
    await step("Fran opens the setup", () => opened(slack, fran, "setup", "workshop.setup"));
    const setup = {
      name: "Smart Factories",
      timezone: "Europe/Brussels",
      maxResultsPerProject: "3",
      homeworkDeadline: deadline / 1000,
      reminderCadence: "7, soon",
      announcementChannel: "C0GENERAL01",
    };
    await step("Fran saves a setup with a mistake", () => submitTopView(slack, fran, setup));
    await step("Fran fixes it", async () => {
      await submitTopView(slack, fran, { ...setup, reminderCadence: "7, 1" });
      await privateAnswer(slack, fran, "Workshop");
    });
    await step("Fran adds a project", async () => {
      await opened(slack, fran, "project add", "project.add");
      await submitTopView(slack, fran, { acronym: "ALPHA", title: "Sensors", members: [users.ana, users.ben] });
      await privateAnswer(slack, fran, "Added ALPHA");
    });
    await step("Fran adds another project", async () => {
      await opened(slack, fran, "project add", "project.add");
      await submitTopView(slack, fran, { acronym: "BETA", title: "Digital twins", members: [users.cleo] });
      await privateAnswer(slack, fran, "Added BETA");
    });
    await step("Fran opens the homework: invitations go out", async () => {
      await answerTo(slack, await cluster(slack, fran, "homework open"));
      await waitFor(() => dms(slack, users.ana).length === 1 && dms(slack, users.cleo).length === 1);
    });
    await step("Monday 09:00 in Los Angeles: Ben's invitation, held for the night, goes out", async () => {
      now = Date.parse("2026-03-02T17:00:00Z");
      await runner.runDueJobsOnce();
    });

    const ana = users.ana;
    await step("Ana starts her homework from the invitation", async () => {
      await clickInMessage(slack, ana, dms(slack, ana)[0]!.ts);
      await waitFor(() => slack.state.topView(ana)?.callback_id === "homework.overview");
    });
    await step("Ana opens her project's results", async () => {
      await clickInView(slack, ana, /^homework\.results$/);
      await waitFor(() => slack.state.topView(ana)?.callback_id === "homework.results");
    });
    await step("Ana lists the same result twice", () =>
      submitTopView(slack, ana, { result_1: "Sensor kit", result_2: "sensor kit" }),
    );
    await step("Ana fixes the list", async () => {
      await submitTopView(slack, ana, { result_1: "Sensor kit", result_2: "Edge analytics" });
      await waitFor(() => JSON.stringify(slack.state.topView(ana)?.blocks).includes("Edge analytics"));
    });
    await step("Ana characterises the sensor kit", async () => {
      await clickInView(slack, ana, /^homework\.characterise$/);
      await waitFor(() => slack.state.topView(ana)?.callback_id === "homework.characterise");
    });
    await step("Ana keeps a draft", async () => {
      // "Save draft" is the form's close button: closing keeps what was typed.
      await slack.driver.viewClosed({
        userId: ana,
        viewId: slack.state.topView(ana)!.id,
        inputs: { description: "A plug-and-play kit of vibration sensors", type: "product", trlNow: "6" },
      });
      await waitFor(() => JSON.stringify(slack.state.topView(ana)?.blocks).includes("Draft: 3 of 8"));
    });

    await step("Friday 09:30 in Brussels: the 7-day reminders", async () => {
      await slack.driver.viewClosed({ userId: ana, viewId: slack.state.topView(ana)!.id });
      now = Date.parse("2026-03-06T08:30:00Z");
      await runner.runDueJobsOnce();
    });
    await step("Ana snoozes her reminder", () => clickInMessage(slack, ana, dms(slack, ana).at(-1)!.ts, 1));
    await step("Fran nudges everyone", async () => answerTo(slack, await cluster(slack, fran, "remind")));
    await step("Fran reads the status", async () => answerTo(slack, await cluster(slack, fran, "status")));
    await step("Ana opens the app's home", () => slack.driver.appHomeOpened({ userId: ana }));
    await step("Fran opens the app's home", () => slack.driver.appHomeOpened({ userId: fran }));
    await step("Fran asks for help", async () => answerTo(slack, await cluster(slack, fran, "help")));
    await playFromHomeworkToReport({
      harness,
      runner,
      step,
      moveClockTo: (iso) => {
        now = Date.parse(iso);
      },
    });
    return recorder.surfaces;
  } finally {
    await harness.close();
  }
}
