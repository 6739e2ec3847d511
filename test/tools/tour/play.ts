// Plays a workshop through the Slack stand-in, with a clock it moves, and records every surface a person sees, in
// order: the modals and home tabs as they stand after each step, each new or rewritten DM, each private answer.
import { reminderJobHandlers } from "../../../src/app/reminders/handlers.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import { createJobRunner } from "../../../src/scheduler/runner.ts";
import type { SlackStandIn } from "../../standins/slack/index.ts";
import { startSlackHarness, users } from "../../support/slack-bot.ts";
import { findButton, waitFor } from "../../support/slack-seed.ts";
import { answerTo, clickInMessage, cluster, submitTopView } from "../../support/slack-ui.ts";

export type SurfaceKind = "modal" | "home" | "message" | "private";

/** One thing a person saw, as Slack received it (Block Kit). */
export interface TourSurface {
  /** 1, 2, 3… in the order people saw them. */
  index: number;
  step: string;
  /** The person's display name. */
  who: string;
  kind: SurfaceKind;
  /** Modal or home title; the message's fallback text otherwise. */
  title: string;
  blocks: unknown[];
  /** Errors shown next to a modal's fields (block id → message), when a submission was refused. */
  errors?: Record<string, string>;
  /** What the person typed into a modal's fields (block id → text), shown again with its errors. */
  values?: Record<string, string>;
  /** A modal's submit and close labels. */
  submit?: string;
  close?: string;
  /** A DM rewritten after it was sent (a snoozed reminder). */
  edited?: boolean;
}

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
    handlers: reminderJobHandlers(harness.deps),
    clock,
    logger: createLogger("silent", false),
    owner: "tour",
  });
  const recorder = surfaceRecorder(slack);
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
    return recorder.surfaces;
  } finally {
    await harness.close();
  }
}

/** Waits for the private answer (an ephemeral message) that starts with `start`. */
async function privateAnswer(slack: SlackStandIn, userId: string, start: string) {
  await waitFor(() => slack.state.ephemerals.some((post) => post.user === userId && post.text.startsWith(start)));
}

function dms(slack: SlackStandIn, userId: string) {
  return slack.state.messagesIn(slack.state.imWith(userId).id);
}

async function opened(slack: SlackStandIn, userId: string, command: string, callbackId: string) {
  await cluster(slack, userId, command);
  await waitFor(() => slack.state.topView(userId)?.callback_id === callbackId);
}

async function clickInView(slack: SlackStandIn, userId: string, actionId: RegExp) {
  const view = slack.state.topView(userId)!;
  const button = findButton(view.blocks, actionId);
  await slack.driver.blockActions({
    userId,
    actions: [{ actionId: button.action_id, value: button.value }],
    viewId: view.id,
  });
}

/** Work the bot does after answering (DMs, ephemeral answers) lands within a moment. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 400));
}

/** The text a person typed into each field of a modal (Slack keeps it when the submission is refused). */
function typed(values: unknown): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries((values ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const state of Object.values(actions ?? {})) {
      const value = (state as { value?: unknown; selected_option?: { text?: { text?: string } } } | null) ?? {};
      const text = typeof value.value === "string" ? value.value : value.selected_option?.text?.text;
      if (text) shown[blockId] = text;
    }
  }
  return shown;
}

/** What changed on each person's screens since the last step. */
function surfaceRecorder(slack: SlackStandIn) {
  const surfaces: TourSurface[] = [];
  const seen = new Map<string, string>();
  let ephemerals = 0;
  let responses = 0;
  const add = (surface: Omit<TourSurface, "index">) => surfaces.push({ index: surfaces.length + 1, ...surface });
  /** True when `key` shows something new. */
  const changed = (key: string, content: unknown) => {
    const json = JSON.stringify(content);
    if (seen.get(key) === json) return false;
    seen.set(key, json);
    return true;
  };
  return {
    surfaces,
    take(step: string, result: unknown) {
      const refused = (result as { responseAction?: { action?: string; errors?: Record<string, string> } } | undefined)
        ?.responseAction;
      for (const [userId, who] of Object.entries(names)) {
        const view = slack.state.topView(userId);
        if (view && (changed(`view:${userId}`, view.blocks) || refused?.action === "errors")) {
          add({
            step,
            who,
            kind: "modal",
            title: view.title?.text ?? "",
            blocks: view.blocks,
            ...(refused?.action === "errors" && refused.errors
              ? { errors: refused.errors, values: typed(view.state.values) }
              : {}),
            ...(view.submit ? { submit: view.submit.text } : {}),
            ...(view.close ? { close: view.close.text } : {}),
          });
        } else if (!view) seen.delete(`view:${userId}`);
        const home = slack.state.homeView(userId);
        if (home && changed(`home:${userId}`, home.blocks)) {
          add({ step, who, kind: "home", title: "Home", blocks: home.blocks });
        }
        for (const message of dms(slack, userId)) {
          const key = `dm:${message.ts}`;
          const edited = seen.has(key);
          if (changed(key, [message.text, message.blocks]))
            add({ step, who, kind: "message", title: message.text, blocks: message.blocks ?? [], edited });
        }
      }
      for (const post of slack.state.ephemerals.slice(ephemerals)) {
        add({ step, who: names[post.user] ?? post.user, kind: "private", title: post.text, blocks: post.blocks ?? [] });
      }
      ephemerals = slack.state.ephemerals.length;
      for (const post of slack.state.responseUrlPosts.slice(responses)) {
        // An ephemeral answer through the response URL is in the ephemerals already.
        if (post.outcome === "ephemeral" || post.outcome === "rejected") continue;
        const body = post.body as { text?: string; blocks?: unknown[] };
        add({
          step,
          who: names[post.userId] ?? post.userId,
          kind: "private",
          title: body.text ?? "",
          blocks: body.blocks ?? [],
        });
      }
      responses = slack.state.responseUrlPosts.length;
    },
  };
}
