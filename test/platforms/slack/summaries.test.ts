// "Something back for every partner" through the Slack stand-in: `/cluster summaries send` gives each project's
// members a direct message (who wants their results, their clusters, needs they could serve), once per summary even
// when the command is delivered again; a summary that changed goes out again; "Stop sending me these" and
// `/cluster summaries off` are respected. And `/cluster report` in a working group's channel reports that group.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slashCommandForm } from "../../standins/slack/payloads.ts";
import { backends } from "../../support/database.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { findButton, type SeededWorkshop, seedWorkshop, waitFor } from "../../support/slack-seed.ts";

const general = "C0GENERAL01";
const groupChannel = "C0GROUP0001";
const bot = "U0BOT000001";

describe.each(backends)("project summaries and a working group's report on %s", (backend) => {
  let harness: SlackHarness;
  let seeded: SeededWorkshop;
  const slack = () => harness.slack;

  beforeAll(async () => {
    harness = await startSlackHarness(backend);
    seeded = await seedWorkshop(harness, [
      { acronym: "ALPHA", members: ["ana"], results: ["Sensor kit"] },
      { acronym: "BETA", members: ["ben"], results: ["Twin platform"] },
      { acronym: "GAMMA", members: ["cleo"], results: ["Data API"] },
    ]);
    const project = (acronym: string) => seeded.projects.find((p) => p.acronym === acronym)!.id;
    const result = async (title: string) =>
      (await harness.prisma.exploitableResult.findFirstOrThrow({ where: { title } })).id;
    await harness.prisma.interest.create({
      data: {
        projectId: project("BETA"),
        resultId: await result("Sensor kit"),
        level: "high",
        kind: "validate",
        note: "Test it on our <pilot line> & report",
      },
    });
    const cluster = await harness.prisma.cluster.create({
      data: {
        workshopId: seeded.workshop.id,
        label: "Predictive maintenance",
        explanation: "Sensors feed the twin.",
        status: "approved",
        position: 0,
        members: { create: [{ resultId: await result("Sensor kit") }, { resultId: await result("Twin platform") }] },
        workPlan: { create: [{ activity: "Pilot in Łódź with Müller GmbH" }] },
      },
    });
    await harness.prisma.cluster.create({
      data: {
        workshopId: seeded.workshop.id,
        label: "Data spaces",
        explanation: "",
        status: "approved",
        position: 1,
        members: { create: [{ resultId: await result("Data API") }] },
      },
    });
    slack().state.addChannel({
      id: groupChannel,
      name: "pm-group",
      members: [bot, users.facilitator, users.ana, users.ben],
    });
    await harness.deps.repos.workingGroups.setChannel(cluster.id, seeded.workspaceId, groupChannel, "pm-group");
  });
  afterAll(() => harness.close());

  const command = async (userId: string, text: string, channelId = general) => {
    const sent = await slack().driver.slashCommand({ command: "/cluster", text, userId, channelId });
    expect(sent.status).toBe(200);
    return sent;
  };
  const answerTo = async (sent: { responseUrl: string }) => {
    const posts = () =>
      slack().state.responseUrlPosts.filter((post) => sent.responseUrl.endsWith(`/response/${post.id}`));
    await waitFor(() => posts().length > 0);
    return posts()
      .map((post) => JSON.stringify(post.body))
      .join("\n");
  };
  const summariesTo = (userId: string) =>
    slack()
      .state.messagesIn(slack().state.imWith(userId).id)
      .filter((message) => message.text.includes("what the workshop found for"));

  it("refuses a partner who asks to send them", async () => {
    expect(await answerTo(await command(users.ana, "summaries send"))).toContain("Only the facilitators");
    await harness.core.settled();
    expect(summariesTo(users.ana)).toHaveLength(0);
  });

  it("sends each project's members their summary: who wants their results, their clusters", async () => {
    const answer = await answerTo(await command(users.facilitator, "summaries send"));
    expect(answer).toContain("3 people in 3 projects");
    await waitFor(() => [users.ana, users.ben, users.cleo].every((user) => summariesTo(user).length === 1));
    await harness.core.settled();

    const ana = JSON.stringify(summariesTo(users.ana)[0]!.blocks);
    expect(summariesTo(users.ana)[0]!.text).toContain("what the workshop found for ALPHA");
    // The partner's note arrives escaped, as Slack needs it.
    expect(ana).toContain(
      "BETA is interested in “Sensor kit” (high, validate): Test it on our &lt;pilot line&gt; &amp; report",
    );
    expect(ana).toContain("C1 · Predictive maintenance through “Sensor kit”, with BETA");
    const ben = JSON.stringify(summariesTo(users.ben)[0]!.blocks);
    expect(ben).toContain("No other project expressed interest in its results yet.");
    expect(ben).toContain("C1 · Predictive maintenance through “Twin platform”, with ALPHA");
    expect(JSON.stringify(summariesTo(users.cleo)[0]!.blocks)).toContain("C2 · Data spaces through “Data API”");
    // Nobody outside the projects hears anything.
    expect(slack().state.messagesIn(slack().state.imWith(users.outsider).id)).toHaveLength(0);
  });

  it("sends nothing new when asked again, nor when Slack delivers the same command twice", async () => {
    const first = await command(users.facilitator, "summaries send");
    const retried = await slack().driver.raw({
      body: slashCommandForm(slack().state, {
        command: "/cluster",
        text: "summaries send",
        userId: users.facilitator,
        channelId: general,
        triggerId: first.triggerId,
        responseUrl: first.responseUrl,
      }),
      contentType: "application/x-www-form-urlencoded",
      retryNum: 1,
      retryReason: "http_timeout",
    });
    expect(retried.status).toBe(200);
    await answerTo(first);
    await harness.core.settled();
    expect([users.ana, users.ben, users.cleo].map((user) => summariesTo(user).length)).toEqual([1, 1, 1]);
  });

  it("respects “Stop sending me these” and /cluster summaries off; a changed summary goes to the others", async () => {
    const dm = slack().state.imWith(users.ben).id;
    const message = summariesTo(users.ben)[0]!;
    const stop = findButton(message.blocks, /^summaries\.off/);
    await slack().driver.blockActions({
      userId: users.ben,
      actions: [{ actionId: stop.action_id, value: stop.value }],
      message: { channelId: dm, ts: message.ts },
    });
    await waitFor(() =>
      slack().state.ephemerals.some(
        (post) => post.user === users.ben && post.text?.includes("no more project summaries"),
      ),
    );
    expect(await answerTo(await command(users.cleo, "summaries off"))).toContain("no more project summaries");

    // New interest in every project's result changes every summary.
    const project = (acronym: string) => seeded.projects.find((p) => p.acronym === acronym)!.id;
    const result = async (title: string) =>
      (await harness.prisma.exploitableResult.findFirstOrThrow({ where: { title } })).id;
    await harness.prisma.interest.createMany({
      data: [
        { projectId: project("GAMMA"), resultId: await result("Sensor kit"), level: "medium", kind: "use" },
        { projectId: project("ALPHA"), resultId: await result("Twin platform"), level: "low", kind: "use" },
        { projectId: project("ALPHA"), resultId: await result("Data API"), level: "low", kind: "use" },
      ],
    });
    const answer = await answerTo(await command(users.facilitator, "summaries send"));
    expect(answer).toContain("1 person in 1 project");
    expect(answer).toContain("2 members have asked not to receive it");
    await waitFor(() => summariesTo(users.ana).length === 2);
    await harness.core.settled();
    expect(JSON.stringify(summariesTo(users.ana)[1]!.blocks)).toContain(
      "GAMMA is interested in “Sensor kit” (medium, use)",
    );
    expect(summariesTo(users.ben)).toHaveLength(1);
    expect(summariesTo(users.cleo)).toHaveLength(1);

    // On again: the changed summary reaches them.
    expect(await answerTo(await command(users.ben, "summaries on"))).toContain("Project summaries are on again");
    await answerTo(await command(users.facilitator, "summaries send"));
    await waitFor(() => summariesTo(users.ben).length === 2);
    expect(JSON.stringify(summariesTo(users.ben)[1]!.blocks)).toContain("ALPHA is interested in “Twin platform”");
  });

  it("in a working group's channel, /cluster report shares that group's report, for its members", async () => {
    const shared = () =>
      [...slack().state.files.values()].filter((file) => file.channels.includes(groupChannel) && file.bytes);
    await command(users.ana, "report md", groupChannel);
    await waitFor(() => shared().some((file) => file.filename.endsWith("-report.md")));
    await harness.core.settled();
    const file = shared().find((f) => f.filename.endsWith("-report.md"))!;
    expect(file.filename).toBe("Seeded-workshop-Predictive-maintenance-report.md");
    const text = file.bytes!.toString("utf8");
    expect(text).toContain("# Working group report: Predictive maintenance (Seeded workshop)");
    for (const expected of ["Sensor kit", "Twin platform", "Pilot in Łódź with Müller GmbH", "Test it on our"])
      expect(text).toContain(expected);
    expect(text).not.toContain("Data API");
    expect(text).not.toContain("Data spaces");

    // Cleo is in the workshop but not in this group; elsewhere a partner gets no report at all.
    expect(await answerTo(await command(users.cleo, "report md", groupChannel))).toContain(
      "Only the members of “Predictive maintenance” and the facilitators",
    );
    expect(await answerTo(await command(users.ana, "report md"))).toContain("Only the facilitators");
    await harness.core.settled();
    expect(shared().filter((f) => f.filename.endsWith("-report.md"))).toHaveLength(1);
  });
});
