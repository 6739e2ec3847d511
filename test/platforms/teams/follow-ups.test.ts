// Working-group follow-ups in Teams, through the Teams stand-in and the scheduler's job runner (the clock moved weeks
// ahead): a round posted once in the group's channel as a thread (run twice, posted once) → a lead answers with the
// question card's button (a dialog with the status form) → another types "late: waiting for data" in the round's
// thread → an item silent for two rounds is flagged to the facilitator in their 1:1 chat and in `cluster workplan`
// → a top-level post in the channel counts as the group's activity → `cluster close` ends the follow-ups.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followUpJobHandlers } from "../../../src/app/groups/follow-ups.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import { createJobRunner, type JobRunner } from "../../../src/scheduler/runner.ts";
import { waitFor } from "../../support/slack-seed.ts";
import { cardOf, continuedCard, mustButton, submitData } from "./forms.ts";
import {
  facilitatorsTeam,
  people,
  seedApprovedCluster,
  startInstalledTeamsHarness,
  type TeamsHarness,
  typedCommand,
} from "./harness.ts";

describe("Teams: working-group follow-ups", () => {
  let harness: TeamsHarness;
  let runner: JobRunner;
  let clusterId: string;
  let channel: string;
  // Real time until the follow-ups, which move it weeks ahead.
  let ahead = 0;
  const clock = { now: () => new Date(Date.now() + ahead) };
  const driver = () => harness.teams.driver;
  const state = () => harness.teams.state;
  const dms = (aad: string) => state().personalMessages(aad);
  const textOf = (entries: { activity: Record<string, unknown> }[]) =>
    JSON.stringify(entries.map((entry) => entry.activity));
  const fallback = (entry: { activity: Record<string, unknown> }) =>
    String((cardOf(entry.activity) as { fallbackText?: string }).fallbackText ?? "");
  const item = async (activity: string) => {
    const found = (await harness.repos.workingGroups.items(clusterId)).find((candidate) =>
      candidate.activity.startsWith(activity),
    );
    if (!found) throw new Error(`no item “${activity}”`);
    return found;
  };

  beforeAll(async () => {
    harness = await startInstalledTeamsHarness("pglite", Object.values(people), { clock });
    runner = createJobRunner({
      jobs: harness.deps.repos.jobs,
      handlers: followUpJobHandlers(harness.deps),
      clock,
      logger: createLogger("silent", false),
      owner: "test-runner",
    });
    ({ clusterId } = await seedApprovedCluster(harness, "Follow-up workshop"));
  }, 240_000);
  afterAll(() => harness.close());

  const command = (aad: string, text: string) => typedCommand(harness, aad, text);

  /** Moves the clock to the earliest pending job of `kind` and runs what is due. */
  const runNext = async (kind: string) => {
    const pending = await harness.deps.repos.jobs.list({ kind, status: "pending" });
    const due = Math.min(...pending.map((job) => job.dueAt.getTime()));
    expect(Number.isFinite(due)).toBe(true);
    ahead = Math.max(ahead, due - Date.now() + 1000);
    await runner.runDueJobsOnce();
  };
  const roundPosts = (round: number) =>
    state()
      .channelPosts(channel)
      .filter((post) => fallback(post).startsWith(`Follow-up ${round}:`));
  const questions = (round: number) => {
    const root = roundPosts(round)[0];
    return root ? state().threadReplies(channel, root.id) : [];
  };

  it("creates the group's channel, and turns replies to a prompt into items", async () => {
    expect(await command(people.fran, "cluster groups create")).toContain("Created 1 working-group channel");
    channel = state()
      .channelsOf(facilitatorsTeam)
      .find((candidate) => candidate.displayName !== "General")!.id;
    const prompt = state()
      .channelPosts(channel)
      .find((post) => fallback(post).startsWith("Joint activities"))!;
    const replies: [string, string][] = [
      [people.ana, "Joint pilot of the sensor kit. Lead: ALPHA. With: BETA. When: Q3 2027"],
      [people.ana, "Training for operators, led by ALPHA, by M12"],
      [people.ben, "Shared data model, led by beta university with alpha, by M18"],
    ];
    for (const [aad, text] of replies)
      expect((await driver().replyInThread(aad, channel, prompt.id, text)).status).toBe(200);
    await harness.adapter.idle();
    await waitFor(() => state().threadReplies(channel, prompt.id).length === 3, 60_000);
    expect((await harness.repos.workingGroups.items(clusterId)).map((found) => found.activity).sort()).toEqual([
      "Joint pilot of the sensor kit",
      "Shared data model",
      "Training for operators",
    ]);
  });

  it("posts a follow-up round once in the group's channel, one question per item in its thread", async () => {
    await runNext("workgroup.followup");
    await waitFor(() => questions(1).length === 3, 60_000);
    // Run twice (a retry, another replica): the round is posted once.
    await harness.database.prisma.scheduledJob.updateMany({
      where: { kind: "workgroup.followup", status: "done" },
      data: { status: "pending", claimedUntil: null },
    });
    await runner.runDueJobsOnce();
    expect(roundPosts(1)).toHaveLength(1);
    expect(questions(1)).toHaveLength(3);
  });

  it("saves the status a lead gives with the question's button, in a dialog, and confirms it there", async () => {
    const question = questions(1).find((entry) => textOf([entry]).includes("Joint pilot"))!;
    const onTrack = mustButton(
      cardOf(question.activity),
      "workplan.status",
      `${(await item("Joint pilot")).id}:on_track`,
    );
    const opened = await driver().openDialog(people.ana, onTrack);
    expect(opened.status).toBe(200);
    const form = continuedCard(opened.body);
    const saved = await driver().submitDialog(
      people.ana,
      submitData(form, "submit", { status: "on_track", note: "Rig booked for July" }),
    );
    expect(saved.status).toBe(200);
    // The dialog closes on the confirmation.
    expect(JSON.stringify(saved.body)).toContain("Noted: “Joint pilot of the sensor kit” is on track.");
    await harness.core.settled();
    expect(await item("Joint pilot")).toMatchObject({ progress: "on_track", progressNote: "Rig booked for July" });
  });

  it("reads a status typed as a plain reply in the round's thread", async () => {
    const root = roundPosts(1)[0]!;
    const before = state().threadReplies(channel, root.id).length;
    // Ben wrote one item: a bare status is about it.
    expect((await driver().replyInThread(people.ben, channel, root.id, "late: waiting for data")).status).toBe(200);
    await harness.adapter.idle();
    await waitFor(() => state().threadReplies(channel, root.id).length > before, 60_000);
    const answer = textOf(state().threadReplies(channel, root.id).slice(before));
    expect(answer).toContain("“Shared data model”: late — note: waiting for data");
    expect(await item("Shared data model")).toMatchObject({ progress: "late", progressNote: "waiting for data" });
    await runNext("workgroup.followup-check");
    expect(await harness.deps.repos.jobs.list({ kind: "workgroup.facilitator-note" })).toHaveLength(0);
  });

  it("tells the facilitator in their 1:1 chat about an item silent for two rounds, and shows it in the plan", async () => {
    await runNext("workgroup.followup");
    await waitFor(() => questions(2).length > 0, 60_000);
    const before = dms(people.fran).length;
    await runNext("workgroup.followup-check");
    for (let attempt = 0; attempt < 3 && dms(people.fran).length === before; attempt++)
      await runNext("workgroup.facilitator-note");
    await waitFor(() => dms(people.fran).length > before, 60_000);
    const note = textOf(dms(people.fran).slice(before));
    expect(note).toContain("had no answer to two follow-ups");
    expect(note).toContain("Training for operators");
    expect(note).not.toContain("Joint pilot");
    expect(note).not.toContain("Shared data model");

    const plan = await command(people.fran, "cluster workplan");
    expect(plan).toContain("no answer to two follow-ups");
    expect(plan).toContain("Rig booked for July");
  });

  it("counts a top-level post in the group's channel as the group's activity, and says nothing back", async () => {
    const lastActivity = async () =>
      (await harness.database.prisma.cluster.findUniqueOrThrow({ where: { id: clusterId } })).lastActivityAt;
    // Teams names a new post's conversation after the post (`<channel>;messageid=<its id>`), or the channel alone.
    for (const plainChannel of [true, false]) {
      const before = (await lastActivity())?.getTime() ?? 0;
      ahead += 86_400_000;
      const sent = state().sent.length;
      const posted = await driver().postInChannel(people.ben, channel, "Call on Tuesday about the rig?", plainChannel);
      expect(posted.status).toBe(200);
      await harness.adapter.idle();
      const started = Date.now();
      while (((await lastActivity())?.getTime() ?? 0) <= before) {
        if (Date.now() - started > 60_000) throw new Error("the post was not counted as activity");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Not an item, not a command: nothing is said back.
      await harness.core.settled();
      expect(state().sent.length).toBe(sent);
    }
  });

  it("ends the follow-ups on `cluster close`", async () => {
    expect(await command(people.fran, "cluster close")).toContain("follow-ups ended");
    expect(await harness.deps.repos.jobs.list({ kind: "workgroup.followup", status: "pending" })).toHaveLength(0);
  });
});
