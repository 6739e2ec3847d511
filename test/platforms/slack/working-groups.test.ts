// Working groups through the Slack stand-in: approved clusters → `/cluster groups create` → channels with the right
// names and members, a pinned kick-off and the prompts → a second run creates nothing → replies in a prompt's
// thread become items (an unreadable one gets help) → Slack's retries make no duplicate → hostile text is stored and
// echoed safely → the plan, and an item edited by form → "Join this working group" → a reply edited and one deleted
// → follow-ups through the scheduler: a round with one answer and silence, a second round, the facilitator told →
// `/cluster close` ends them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followUpJobHandlers } from "../../../src/app/groups/follow-ups.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import { createJobRunner, type JobRunner } from "../../../src/scheduler/runner.ts";
import { backends } from "../../support/database.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { findButton, type SeededWorkshop, seedWorkshop, waitFor } from "../../support/slack-seed.ts";

const bot = "U0BOT000001";

describe.each(backends)("working groups in Slack on %s", (backend) => {
  let harness: SlackHarness;
  let seeded: SeededWorkshop;
  let runner: JobRunner;
  // Real time until the follow-ups, which move it weeks ahead.
  let ahead = 0;
  const clock = { now: () => new Date(Date.now() + ahead) };
  const slack = () => harness.slack;

  beforeAll(async () => {
    harness = await startSlackHarness(backend, clock);
    runner = createJobRunner({
      jobs: harness.deps.repos.jobs,
      handlers: followUpJobHandlers(harness.deps),
      clock,
      logger: createLogger("silent", false),
      owner: "test-runner",
    });
    seeded = await seedWorkshop(harness, [
      { acronym: "ALPHA", members: ["ana"], results: ["Sensor kit"] },
      { acronym: "BETA", members: ["ben"], results: ["Twin platform"] },
      { acronym: "GAMMA", members: ["cleo"], results: ["Data API", "Data catalogue"] },
    ]);
    const resultId = async (title: string) =>
      (await harness.prisma.exploitableResult.findFirstOrThrow({ where: { title } })).id;
    const cluster = async (label: string, status: "approved" | "suggested", titles: string[], position: number) =>
      harness.prisma.cluster.create({
        data: {
          workshopId: seeded.workshop.id,
          label,
          explanation: "Both monitor machines and share a data model.",
          status,
          position,
          members: { create: await Promise.all(titles.map(async (title) => ({ resultId: await resultId(title) }))) },
        },
      });
    const owner = (acronym: string) => ({
      owners: { connect: { projectId_name: { projectId: projectOf(acronym), name: `${acronym} University` } } },
    });
    const projectOf = (acronym: string) => seeded.projects.find((project) => project.acronym === acronym)?.id ?? "";
    await harness.prisma.exploitableResult.update({
      where: { id: await resultId("Sensor kit") },
      data: owner("ALPHA"),
    });
    const twins = await cluster("Predictive maintenance & twins", "approved", ["Sensor kit", "Twin platform"], 0);
    // Olly pressed "Join this working group" under the announcement before the channels were made.
    await harness.prisma.clusterResponse.create({
      data: { clusterId: twins.id, personId: seeded.personIds.outsider, answer: "join" },
    });
    await cluster("Data spaces", "approved", ["Data API", "Data catalogue"], 1);
    await cluster("Not yet approved", "suggested", ["Sensor kit"], 2);
    // Someone already uses the second cluster's name: the bot takes the next one.
    slack().state.addChannel({ id: "C0TAKEN0001", name: "seeded-workshop-data-spaces", members: [users.ben] });
  });
  afterAll(() => harness.close());

  const command = (userId: string, text: string, channelId = "C0GENERAL01") =>
    slack().driver.slashCommand({ command: "/cluster", text, userId, channelId });
  const groupChannel = (name: string) => {
    const channel = [...slack().state.channels.values()].find((candidate) => candidate.name === name);
    if (!channel) throw new Error(`no channel #${name}`);
    return channel;
  };
  const botPosts = (channelId: string) =>
    slack()
      .state.messagesIn(channelId)
      .filter((message) => message.user === bot && (!message.thread_ts || message.thread_ts === message.ts));
  const promptTs = (channelId: string, title: string) => {
    const prompt = botPosts(channelId).find((message) => message.text?.startsWith(title));
    if (!prompt) throw new Error(`no prompt “${title}”`);
    return prompt.ts;
  };
  const botRepliesIn = (channelId: string, threadTs: string) =>
    slack()
      .state.messagesIn(channelId)
      .filter((message) => message.thread_ts === threadTs && message.user === bot && message.ts !== threadTs);
  /** The private answer to a command; creating channels waits out Slack's one message a second per channel. */
  const answerTo = async (_slack: unknown, sent: { responseUrl: string }) => {
    const posts = () =>
      slack().state.responseUrlPosts.filter((post) => sent.responseUrl.endsWith(`/response/${post.id}`));
    await waitFor(() => posts().length > 0);
    return posts()
      .map((post) => JSON.stringify(post.body))
      .join("\n");
  };
  const items = () => harness.prisma.workPlanItem.findMany({ orderBy: { createdAt: "asc" } });

  it("refuses a partner who asks for the groups", async () => {
    const answer = await answerTo(slack(), await command(users.ana, "groups create"));
    expect(answer).toContain("Only the facilitators");
    expect(slack().state.callsTo("conversations.create")).toHaveLength(0);
  });

  it("creates one private channel per approved cluster, named from its label, with its members", async () => {
    const answer = await answerTo(slack(), await command(users.facilitator, "groups create"));
    expect(answer).toContain("Created 2 working-group channels");

    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    const data = groupChannel("seeded-workshop-data-spaces-2");
    expect(twins.kind).toBe("private");
    expect(new Set(twins.members)).toEqual(new Set([bot, users.facilitator, users.ana, users.ben, users.outsider]));
    expect(new Set(data.members)).toEqual(new Set([bot, users.facilitator, users.cleo]));
    expect([...slack().state.channels.values()].some((channel) => channel.name.includes("not-yet-approved"))).toBe(
      false,
    );

    // The kick-off, pinned, says what is in the group and how the plan is gathered; then one prompt per topic.
    const posts = botPosts(twins.id);
    expect(posts.map((post) => post.text?.split(":")[0])).toEqual([
      "Welcome to the working group “Predictive maintenance &amp; twins”",
      "Joint activities",
      "Who leads",
      "Timeline and milestones",
      "Resources",
      "Expected benefit",
      "IPR arrangements",
    ]);
    const kickoff = JSON.stringify(posts[0]?.blocks);
    expect(posts[0]?.pinned_to).toEqual([twins.id]);
    expect(kickoff).toContain("Sensor kit");
    expect(kickoff).toContain("ALPHA University");
    expect(kickoff).toContain("share a data model");
  });

  it("creates nothing the second time, and reports a channel archived by hand instead of recreating it", async () => {
    const creates = slack().state.callsTo("conversations.create").length;
    const posts = slack().state.callsTo("chat.postMessage").length;
    const again = await answerTo(slack(), await command(users.facilitator, "groups create"));
    expect(again).toContain("No new working-group channel");
    expect(slack().state.callsTo("conversations.create")).toHaveLength(creates);
    expect(slack().state.callsTo("chat.postMessage")).toHaveLength(posts);

    groupChannel("seeded-workshop-data-spaces-2").is_archived = true;
    const third = await answerTo(slack(), await command(users.facilitator, "groups create"));
    expect(third).toContain("archived by hand");
    expect(slack().state.callsTo("conversations.create")).toHaveLength(creates);
  });

  it("turns replies in a prompt's thread into items, confirmed with what was understood; helps with an unreadable one", async () => {
    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    const thread = promptTs(twins.id, "Joint activities");
    const replies = [
      "Joint pilot of the sensor kit on the twin platform. Lead: ALPHA. With: BETA. When: Q3 2027 to Q1 2028",
      "Shared data model, led by beta university with alpha, by M18",
      "Training for operators; resources: 2 person-months; benefit: faster roll-out",
      "thanks!",
    ];
    for (const text of replies)
      await slack().driver.userMessage({ userId: users.ana, channelId: twins.id, threadTs: thread, text });
    await waitFor(() => botRepliesIn(twins.id, thread).length === 4);

    // Slack delivers the events one by one, the bot handles them as they come: order is not promised.
    const stored = await items();
    const byActivity = (start: string) => stored.find((item) => item.activity.startsWith(start));
    expect(stored.map((item) => item.activity).sort()).toEqual([
      "Joint pilot of the sensor kit on the twin platform",
      "Shared data model",
      "Training for operators",
    ]);
    expect(byActivity("Joint")).toMatchObject({ leadPartner: "ALPHA", contributors: ["BETA"], topic: "activities" });
    expect(byActivity("Shared")).toMatchObject({
      leadPartner: "BETA University",
      contributors: ["ALPHA"],
      milestone: "M18",
    });
    expect(byActivity("Training")).toMatchObject({ resources: "2 person-months", expectedBenefit: "faster roll-out" });

    const answers = botRepliesIn(twins.id, thread).map((message) => JSON.stringify(message.blocks));
    const pilot = answers.find(
      (answer) => answer.includes("This is what I understood") && answer.includes("Joint pilot"),
    );
    expect(pilot).toContain("1 Jul 2027 – 31 Mar 2028");
    expect(pilot).toMatch(/"action_id":"workplan\.edit/);
    const help = answers.find((answer) => answer.includes("could not read"));
    expect(help).toContain("reads like a comment");
    expect(help).toContain("for example");
  });

  it("makes no second item when Slack retries the event or another delivery repeats the message", async () => {
    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    const thread = promptTs(twins.id, "Resources");
    const text = "Test rig at ALPHA, from March to June 2027";
    const ts = slack().state.nextTs();
    const event = {
      type: "message",
      user: users.ben,
      text,
      ts,
      thread_ts: thread,
      channel: twins.id,
      channel_type: "group",
      event_ts: ts,
    };
    await slack().driver.event({ event, eventId: "Ev0WG0RETRY1" });
    await waitFor(() => botRepliesIn(twins.id, thread).length === 1);
    await slack().driver.event({ event, eventId: "Ev0WG0RETRY1", retryNum: 1, retryReason: "http_timeout" });
    await slack().driver.event({ event, eventId: "Ev0WG0OTHER1" });
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect((await items()).filter((item) => item.activity === "Test rig at ALPHA")).toHaveLength(1);
    expect(botRepliesIn(twins.id, thread)).toHaveLength(1);
    expect((await items()).find((item) => item.topic === "resources")?.resources).toBe("Test rig at ALPHA");
  });

  it("stores hostile text as said and echoes it without mentions, control characters or an oversized message", async () => {
    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    const thread = promptTs(twins.id, "Expected benefit");
    const text = `<!channel> &lt;!here&gt; Pilot\u0007 line\u0000 ${"A".repeat(40 * 1024)}`;
    await slack().driver.userMessage({ userId: users.ana, channelId: twins.id, threadTs: thread, text });
    await waitFor(() => botRepliesIn(twins.id, thread).length === 1);

    const stored = (await items()).find((item) => item.topic === "benefit");
    expect(stored?.activity.startsWith("@channel <!here> Pilot line AAAA")).toBe(true);
    expect(stored?.activity.length).toBeGreaterThan(40 * 1024);
    const [echo] = botRepliesIn(twins.id, thread);
    const posted = JSON.stringify([echo?.text, echo?.blocks]);
    expect(posted).not.toMatch(/<!channel>|<!here>|\\u0007|\\u0000/);
    expect(posted).toContain("&lt;!here&gt;");
    expect(posted.length).toBeLessThan(10_000);
  });

  it("shows the group's plan in its channel, and refuses someone outside it", async () => {
    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    const plan = await answerTo(slack(), await command(users.ben, "workplan", twins.id));
    expect(plan).toContain("Joint pilot of the sensor kit");
    expect(plan).toContain("Shared data model");
    expect(plan).toContain("lead ALPHA");

    const outside = await answerTo(slack(), await command(users.outsider, "workplan"));
    expect(outside).toContain("in your working group's channel");
    const all = await answerTo(slack(), await command(users.facilitator, "workplan"));
    expect(all).toContain("Work-plans of 2 working groups");
  });

  it("edits an item by form from its confirmation, with a bad date refused next to its field", async () => {
    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    const thread = promptTs(twins.id, "Joint activities");
    const confirmation = botRepliesIn(twins.id, thread).find((message) =>
      message.text?.startsWith("Added to the work-plan: Joint pilot"),
    );
    const edit = findButton(confirmation?.blocks, /^workplan\.edit/);
    await slack().driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: edit.action_id, value: edit.value }],
      message: { channelId: twins.id, ts: confirmation?.ts ?? "" },
    });
    await waitFor(() => slack().state.topView(users.ana)?.callback_id === "workplan.item");
    const view = slack().state.topView(users.ana)!;

    const bad = await slack().driver.viewSubmission({
      userId: users.ana,
      viewId: view.id,
      inputs: { activity: "Joint pilot, extended", timeline: "sometime" },
    });
    expect(bad.responseAction).toMatchObject({ action: "errors" });
    expect(JSON.stringify(bad.body)).toContain("I could not read this date");

    const good = await slack().driver.viewSubmission({
      userId: users.ana,
      viewId: view.id,
      inputs: { activity: "Joint pilot, extended", timeline: "by M24" },
    });
    expect(good.responseAction?.action).toBe("close");
    await waitFor(
      () =>
        slack()
          .state.message(twins.id, confirmation?.ts ?? "")
          ?.text?.includes("extended") ?? false,
    );
    const item = await harness.prisma.workPlanItem.findFirstOrThrow({ where: { activity: "Joint pilot, extended" } });
    expect(item.milestone).toBe("M24");

    // Ben contributes to the item but neither wrote it nor leads it: he may not change it.
    const before = slack().state.ephemerals.length;
    await slack().driver.blockActions({
      userId: users.ben,
      actions: [{ actionId: edit.action_id, value: edit.value }],
      message: { channelId: twins.id, ts: confirmation?.ts ?? "" },
    });
    await waitFor(() =>
      slack()
        .state.ephemerals.slice(before)
        .some((message) => message.user === users.ben),
    );
    expect(JSON.stringify(slack().state.ephemerals.slice(before))).toContain("Only the item's author");
  });

  it("invites someone who presses “Join this working group” once the channel exists", async () => {
    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    const cluster = await harness.prisma.cluster.findFirstOrThrow({
      where: { label: "Predictive maintenance & twins" },
    });
    const before = slack().state.ephemerals.length;
    // The button is under the cluster's announcement (here any message in #general stands for it).
    const announcement = await slack().driver.userMessage({
      userId: users.facilitator,
      channelId: "C0GENERAL01",
      text: "Announced",
    });
    await slack().driver.blockActions({
      userId: users.cleo,
      actions: [{ actionId: "cluster.join", blockId: "announcement", value: cluster.id }],
      message: { channelId: "C0GENERAL01", ts: announcement.ts },
    });
    await waitFor(() => twins.members.includes(users.cleo));
    await waitFor(() =>
      JSON.stringify(slack().state.ephemerals.slice(before)).includes("seeded-workshop-predictive-maintenance"),
    );
  });

  const changeEvent = (
    subtype: "message_changed" | "message_deleted",
    channel: string,
    reply: SlackReply,
    text = "",
  ) => {
    const ts = slack().state.nextTs();
    const message = { type: "message", user: reply.user, text, ts: reply.ts, thread_ts: reply.thread_ts };
    const previous = { ...message, text: reply.text };
    return {
      type: "message",
      subtype,
      channel,
      channel_type: "group",
      ts,
      event_ts: ts,
      hidden: true,
      ...(subtype === "message_changed"
        ? { message, previous_message: previous }
        : { deleted_ts: reply.ts, previous_message: previous }),
    };
  };
  type SlackReply = { user: string; ts: string; thread_ts: string; text: string };
  const replyWith = (channelId: string, start: string): SlackReply => {
    const found = slack()
      .state.messagesIn(channelId)
      .find((message) => message.user !== bot && message.thread_ts && message.text?.startsWith(start));
    if (!found?.thread_ts || !found.user) throw new Error(`no reply “${start}”`);
    return { user: found.user, ts: found.ts, thread_ts: found.thread_ts, text: found.text ?? "" };
  };

  it("updates an item and its confirmation when its reply is edited; keeps but marks it when the reply is deleted", async () => {
    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    const training = replyWith(twins.id, "Training for operators");
    const text = "Training for operators and maintainers; lead: GAMMA; when: Q2 2027";
    const confirmationOf = (reply: SlackReply, start: string) => {
      const found = botRepliesIn(twins.id, reply.thread_ts).find((message) =>
        message.text?.startsWith(`Added to the work-plan: ${start}`),
      );
      if (!found) throw new Error(`no confirmation of “${start}”`);
      return found.ts;
    };
    const trainingConfirmation = confirmationOf(training, "Training for operators");
    await slack().driver.event({
      event: changeEvent("message_changed", twins.id, training, text),
      eventId: "Ev0WG0EDIT01",
    });
    await waitFor(
      () => slack().state.message(twins.id, trainingConfirmation)?.text?.includes("and maintainers") ?? false,
    );
    const edited = (await items()).find((item) => item.activity === "Training for operators and maintainers");
    expect(edited).toMatchObject({ leadPartner: "GAMMA", sourceText: text });
    expect((await items()).some((item) => item.activity === "Training for operators")).toBe(false);

    const hostile = replyWith(twins.id, "<!channel>");
    const hostileConfirmation = botRepliesIn(twins.id, hostile.thread_ts)[0]?.ts ?? "";
    await slack().driver.event({ event: changeEvent("message_deleted", twins.id, hostile), eventId: "Ev0WG0DELE01" });
    await waitFor(() =>
      JSON.stringify(slack().state.message(twins.id, hostileConfirmation)?.blocks).includes("was deleted"),
    );
    const kept = (await items()).find((item) => item.topic === "benefit");
    expect(kept?.sourceDeleted).toBe(true);
  });

  /** Moves the clock to the earliest pending job of `kind` and runs what is due. */
  const runNext = async (kind: string) => {
    const pending = await harness.deps.repos.jobs.list({ kind, status: "pending" });
    const due = Math.min(...pending.map((job) => job.dueAt.getTime()));
    expect(Number.isFinite(due)).toBe(true);
    ahead = Math.max(ahead, due - Date.now() + 1000);
    await runner.runDueJobsOnce();
  };
  const followUpThread = (channelId: string, round: number) => {
    const root = botPosts(channelId).find((post) => post.text?.startsWith(`Follow-up ${round}:`));
    return root
      ? slack()
          .state.messagesIn(channelId)
          .filter((message) => message.thread_ts === root.ts && message.ts !== root.ts)
      : [];
  };
  const facilitatorDms = () => slack().state.messagesIn(slack().state.imWith(users.facilitator).id);

  it("asks for the items' status every four weeks; an answer updates the item, silence is counted", async () => {
    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    const planned = await harness.deps.repos.jobs.list({ kind: "workgroup.followup", status: "pending" });
    // One round per group, four weeks after its kick-off (the archived channel's group too: it is skipped then).
    expect(planned).toHaveLength(2);
    const kickoff = botPosts(twins.id)[0]?.ts ?? "0";
    expect(planned[0]!.dueAt.getTime() - Number(kickoff) * 1000).toBeGreaterThanOrEqual(28 * 86_400_000 - 1000);

    await runNext("workgroup.followup");
    const open = (await items()).length;
    await waitFor(() => followUpThread(twins.id, 1).length === open);
    // Run twice (a retry, another replica): the round is posted once.
    await harness.prisma.scheduledJob.updateMany({
      where: { kind: "workgroup.followup", status: "done" },
      data: { status: "pending", claimedUntil: null },
    });
    await runner.runDueJobsOnce();
    expect(botPosts(twins.id).filter((post) => post.text?.startsWith("Follow-up 1:"))).toHaveLength(1);
    expect(followUpThread(twins.id, 1)).toHaveLength(open);

    // Ana answers for the joint pilot: on track, with a note; nobody answers for the rest.
    const question = followUpThread(twins.id, 1).find((message) => message.text?.includes("Joint pilot, extended"));
    const elements = (question?.blocks as { elements?: { action_id: string; value: string }[] }[] | undefined) ?? [];
    const onTrack = elements
      .flatMap((block) => block.elements ?? [])
      .find((button) => button.value?.endsWith(":on_track"));
    if (!onTrack) throw new Error("no “On track” button");
    await slack().driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: onTrack.action_id, value: onTrack.value }],
      message: { channelId: twins.id, ts: question?.ts ?? "" },
    });
    await waitFor(() => slack().state.topView(users.ana)?.callback_id === "workplan.status");
    const saved = await slack().driver.viewSubmission({
      userId: users.ana,
      viewId: slack().state.topView(users.ana)!.id,
      inputs: { status: "on_track", note: "Rig booked for July" },
    });
    expect(saved.responseAction?.action).toBe("close");
    const pilot = await harness.prisma.workPlanItem.findFirstOrThrow({ where: { activity: "Joint pilot, extended" } });
    expect(pilot).toMatchObject({ progress: "on_track", progressNote: "Rig booked for July" });
    expect(pilot.progressAt?.getTime()).toBeGreaterThan(Date.now() + 27 * 86_400_000);

    await runNext("workgroup.followup-check");
    expect(await harness.deps.repos.jobs.list({ kind: "workgroup.facilitator-note" })).toHaveLength(0);
  });

  it("tells the facilitator about items silent for two follow-ups, and shows the flag in the plan", async () => {
    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    await runNext("workgroup.followup");
    await waitFor(() => followUpThread(twins.id, 2).length > 0);
    await runNext("workgroup.followup-check");
    for (let attempt = 0; attempt < 3 && facilitatorDms().length === 0; attempt++)
      await runNext("workgroup.facilitator-note");
    const note = facilitatorDms().at(-1);
    expect(note?.text).toContain("had no answer to two follow-ups");
    const listed = JSON.stringify(note?.blocks);
    expect(listed).toContain("Shared data model");
    expect(listed).not.toContain("Joint pilot, extended");

    const plan = await answerTo(slack(), await command(users.facilitator, "workplan"));
    const line = (start: string) => plan.split("\\n").find((candidate) => candidate.includes(`*${start}`)) ?? "";
    expect(line("Shared data model")).toContain("no answer to two follow-ups");
    expect(line("Joint pilot, extended")).toContain("On track");
    expect(line("Joint pilot, extended")).toContain("Rig booked for July");
    expect(line("Joint pilot, extended")).not.toContain("no answer to two follow-ups");
  });

  it("reads a status typed as a plain reply in the follow-up thread, and helps when it cannot tell which or what", async () => {
    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    const root = botPosts(twins.id).find((post) => post.text?.startsWith("Follow-up 2:"));
    if (!root) throw new Error("no second follow-up");
    const numberOf = (activity: string) => {
      const question = followUpThread(twins.id, 2).find((message) => message.text?.includes(`“${activity}`));
      const number = question?.text?.match(/^#(\d+) /)?.[1];
      if (!number) throw new Error(`“${activity}” is not asked in follow-up 2`);
      return Number(number);
    };
    const answersTo = async (userId: string, text: string) => {
      const before = botRepliesIn(twins.id, root.ts).length;
      await slack().driver.userMessage({ userId, channelId: twins.id, threadTs: root.ts, text });
      await waitFor(() => botRepliesIn(twins.id, root.ts).length > before, 60_000);
      return botRepliesIn(twins.id, root.ts)
        .slice(before)
        .map((message) => `${message.text}${JSON.stringify(message.blocks)}`)
        .join("\n");
    };
    const item = (activity: string) => harness.prisma.workPlanItem.findFirstOrThrow({ where: { activity } });

    // Ana wrote every item here: a bare status cannot tell which one she means.
    const which = await answersTo(users.ana, "late: waiting for data");
    expect(which).toContain("start with the item's number");
    expect(which).toContain(`#${numberOf("Shared data model")} Shared data model`);
    expect((await item("Shared data model")).progress).toBeNull();

    const shared = numberOf("Shared data model");
    const noted = await answersTo(users.ana, `#${shared}  LATE : waiting for data from BETA`);
    expect(noted).toContain(`Noted: #${shared} “Shared data model”: late — note: waiting for data from BETA`);
    expect(await item("Shared data model")).toMatchObject({
      progress: "late",
      progressNote: "waiting for data from BETA",
    });
    // Its confirmation under the prompt follows.
    const confirmationId = (await item("Shared data model")).confirmationId ?? "";
    await waitFor(() => JSON.stringify(slack().state.message(twins.id, confirmationId)?.blocks).includes("Late"));

    const pilot = numberOf("Joint pilot, extended");
    const both = await answersTo(users.ana, `#${pilot} on track – pilot next month\n#${shared} dropped, no budget`);
    expect(both).toContain(`#${pilot} “Joint pilot, extended”: on track — note: pilot next month`);
    expect(both).toContain(`#${shared} “Shared data model”: dropped — note: no budget`);
    expect(await item("Joint pilot, extended")).toMatchObject({
      progress: "on_track",
      progressNote: "pilot next month",
    });

    const unreadable = await answersTo(users.ana, "not sure, ask Ben");
    expect(unreadable).toContain("I could not read that as a status");
    expect(unreadable).toContain("late: waiting for data");
    // Slack refuses the bot's answer once for its rate limit: it comes after Retry-After all the same.
    slack().rateLimiter.failNext("chat.postMessage", 1, 1);
    expect(await answersTo(users.ana, `#${shared} late: partner left`)).toContain("partner left");
    expect(slack().state.calls.some((call) => call.method === "chat.postMessage" && call.status === 429)).toBe(true);

    // The same reply delivered again under another event id is read once.
    const ts = slack().state.nextTs();
    const repeated = {
      type: "message",
      user: users.ana,
      text: `#${shared} dropped: budget cut`,
      ts,
      thread_ts: root.ts,
    };
    const event = { ...repeated, channel: twins.id, channel_type: "group", event_ts: ts };
    const beforeRepeat = botRepliesIn(twins.id, root.ts).length;
    await slack().driver.event({ event, eventId: "Ev0WG0STAT02" });
    await waitFor(() => botRepliesIn(twins.id, root.ts).length > beforeRepeat, 60_000);
    await slack().driver.event({ event, eventId: "Ev0WG0STAT03" });
    expect(await answersTo(users.ana, "#99 done")).toContain("There is no #99 in this follow-up");
    expect(botRepliesIn(twins.id, root.ts).filter((reply) => reply.text?.includes("budget cut"))).toHaveLength(1);
    // Ana corrects her last answer by editing it: read again.
    const edited = replyWith(twins.id, `#${pilot} on track`);
    const before = botRepliesIn(twins.id, root.ts).length;
    await slack().driver.event({
      event: changeEvent("message_changed", twins.id, edited, `#${pilot} late: rig not delivered`),
      eventId: "Ev0WG0STAT01",
    });
    await waitFor(() => botRepliesIn(twins.id, root.ts).length > before, 60_000);
    expect(await item("Joint pilot, extended")).toMatchObject({ progress: "late", progressNote: "rig not delivered" });

    // Olly joined the group but wrote and leads nothing: refused with the reason, nothing changed.
    const refused = await answersTo(users.outsider, `#${pilot} done`);
    expect(refused).toContain("can answer for it");
    expect((await item("Joint pilot, extended")).progress).toBe("late");
  });

  it("counts a top-level message in a group's channel as the group's activity (no “quiet” prompt for it)", async () => {
    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    const lastActivity = async () =>
      (await harness.prisma.cluster.findFirstOrThrow({ where: { label: "Predictive maintenance & twins" } }))
        .lastActivityAt;
    const before = (await lastActivity())?.getTime() ?? 0;
    ahead += 86_400_000;
    await slack().driver.userMessage({
      userId: users.ben,
      channelId: twins.id,
      text: "Call on Tuesday about the rig?",
    });
    const started = Date.now();
    while (((await lastActivity())?.getTime() ?? 0) <= before) {
      if (Date.now() - started > 60_000) throw new Error("the message was not counted as activity");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it("ends the follow-ups on /cluster close and leaves the channels as they are", async () => {
    const answer = await answerTo(slack(), await command(users.facilitator, "close"));
    expect(answer).toContain("follow-ups ended");
    expect(await harness.deps.repos.jobs.list({ kind: "workgroup.followup", status: "pending" })).toHaveLength(0);
    const twins = groupChannel("seeded-workshop-predictive-maintenance-and-twins");
    expect(twins.is_archived).toBeFalsy();
    expect(slack().state.callsTo("conversations.archive")).toHaveLength(0);
  });
});
