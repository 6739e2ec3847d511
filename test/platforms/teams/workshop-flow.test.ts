// The end-to-end workshop in Teams, through the local Teams stand-in, with the homework of the Slack review flow
// (test/support/workshop-homework.ts): `cluster analyze` → the review in a dialog (move, merge, approve past the
// design rule) → `cluster announce` (one post per cluster in the channel, with Join / Not for us) → `cluster groups
// create` (a channel per cluster through Graph, the kick-off and the prompts) → replies in a prompt's thread become
// work-plan items confirmed in the thread → `cluster workplan` → `cluster report md` shared in the channel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysesSettled } from "../../../src/app/review/analyze.ts";
import type { Workshop } from "../../../src/core/model/domain.ts";
import { waitFor } from "../../support/slack-seed.ts";
import { characterisation, homework } from "../../support/workshop-homework.ts";
import { type CardNode, cardActions, cardOf, continuedCard, mustButton, submitData } from "./forms.ts";
import { facilitatorsTeam, people, startInstalledTeamsHarness, type TeamsHarness, tenantId } from "./harness.ts";

type Person = keyof typeof people;

describe("Teams: the whole workshop, from homework to the report", () => {
  let harness: TeamsHarness;
  let workshop: Workshop;
  let general: string;
  const driver = () => harness.teams.driver;
  const state = () => harness.teams.state;
  const dms = (aad: string) => state().personalMessages(aad);
  const repos = () => harness.repos;
  const clusters = () => repos().reviews.clusters(workshop.id);
  const resultId = async (title: string) =>
    (await repos().results.listForWorkshop(workshop.id)).find((result) => result.title === title)!.id;
  const clusterOf = async (title: string) => {
    const id = await resultId(title);
    return (await clusters()).find((candidate) => candidate.resultIds.includes(id));
  };

  beforeAll(async () => {
    harness = await startInstalledTeamsHarness("pglite");
    general = state().team(facilitatorsTeam).id;

    // The Slack review flow's workshop, seeded the same way (straight through the repositories).
    const workspace = await repos().workspaces.ensure("teams", tenantId);
    const ids = {} as Record<Person, string>;
    for (const [key, aad] of Object.entries(people) as [Person, string][])
      ids[key] = (await repos().people.ensure(workspace.id, aad, { displayName: key })).id;
    const created = await repos().workshops.create(
      workspace.id,
      { name: "Seeded workshop", homeworkDeadline: new Date(Date.now() + 14 * 86_400_000) },
      ids.fran,
    );
    workshop = await repos().workshops.setPhase(created.id, "homework");
    const members: Record<string, Person> = { ALPHA: "ana", BETA: "cleo", GAMMA: "ben" };
    for (const [acronym, answers] of Object.entries(homework)) {
      const project = await repos().projects.create(workshop.id, {
        acronym,
        title: `${acronym} project`,
        partners: [`${acronym} University`],
        memberIds: [ids[members[acronym]!]],
      });
      const titles = answers.map(([title]) => title);
      await repos().results.replaceList(
        project.id,
        (acronym === "ALPHA" ? [...titles, "Half-written idea"] : titles).map((title) => ({ title })),
      );
      for (const result of await repos().results.listForProject(project.id)) {
        const answer = answers.find(([title]) => title === result.title);
        if (answer) await repos().results.characterise(result.id, characterisation(answer[1], answer[2]), "submitted");
      }
    }
    const channel = await repos().channels.ensure(workspace.id, general, "General");
    await repos().workshops.update(workshop.id, { announcementChannelId: channel.id });
    await repos().workshops.setFacilitators(workshop.id, [ids.fran, ids.olly]);
  }, 240_000);
  afterAll(() => harness.close());

  /** A typed command in the 1:1 chat; resolves with the new messages once the bot answered. */
  async function command(aad: string, text: string, count = 1) {
    const before = dms(aad).length;
    expect((await driver().message(aad, text)).status).toBe(200);
    await harness.adapter.idle();
    await waitFor(() => dms(aad).length >= before + count);
    return dms(aad).slice(before);
  }

  const textOf = (entries: { activity: Record<string, unknown> }[]) =>
    JSON.stringify(entries.map((entry) => entry.activity));

  /** Presses a button in a dialog: Teams submits the dialog with the button's data. */
  async function press(aad: string, data: Record<string, unknown>) {
    const answer = await driver().submitDialog(aad, data);
    expect(answer.status).toBe(200);
    return answer.body;
  }

  let review: CardNode;

  it("shows a partner the home view as a card when they type “home” in the 1:1 chat", async () => {
    const home = textOf(await command(people.ana, "home"));
    expect(home).toContain("Seeded workshop");
    expect(home).toContain("ALPHA");
  });

  it("refuses a partner, and tells a facilitator what was left out while the analysis runs", async () => {
    expect(textOf(await command(people.ana, "cluster analyze"))).toContain("Only the facilitators of");
    const started = textOf(await command(people.fran, "cluster analyze"));
    expect(started).toContain("Analysing 8 submitted results of 3 projects");
    expect(started).toMatch(/Left out, not submitted: 1 draft: ALPHA \(1 draft; members: [^)]+\)/);
    await analysesSettled();
    await waitFor(() => textOf(dms(people.fran)).includes("review.open"));
    expect(textOf(dms(people.fran))).toContain("3 suggested clusters, 1 unclustered");
  });

  it("opens the review in a dialog from the message's button: clusters, why, cohesion, the unclustered result", async () => {
    const message = dms(people.fran).findLast((entry) => textOf([entry]).includes("review.open"))!;
    const opened = await driver().openDialog(people.fran, mustButton(cardOf(message.activity), /^review\.open/));
    review = continuedCard(opened.body);
    const shown = JSON.stringify(review);
    expect(shown).toContain("Vibration sensor kit");
    expect(shown).toContain("cohesion");
    expect(shown).toContain("Unclustered (1)");
    expect(shown).toContain("Anti-reflective glass coating");
    // Shown as typed (nothing in it is a mention in Teams).
    expect(shown).toContain("Factory <!channel> twin");
  });

  it("moves a result and merges two clusters in the dialog, each recorded in the history", async () => {
    const maintenance = (await clusterOf("Vibration sensor kit"))!;
    const twin = (await clusterOf("Layout simulator"))!;
    const moveForm = continuedCard(await press(people.fran, mustButton(review, /^review\.move/, maintenance.id)));
    const moved = await press(
      people.fran,
      submitData(moveForm, "submit", { result: await resultId("Maintenance scheduler"), to: twin.id }),
    );
    expect(JSON.stringify(moved)).not.toContain(".error");
    await harness.core.settled();
    expect((await clusterOf("Maintenance scheduler"))?.id).toBe(twin.id);

    review = continuedCard(
      (await driver().openDialog(people.fran, mustButton(cardOf(dms(people.fran).at(-1)!.activity), /^review\.open/)))
        .body,
    );
    const battery = (await clusterOf("Battery sorting line"))!;
    const mergeForm = continuedCard(await press(people.fran, mustButton(review, /^review\.merge/, maintenance.id)));
    await press(people.fran, submitData(mergeForm, "submit", { other: battery.id }));
    await harness.core.settled();
    expect(await clusters()).toHaveLength(2);
    expect((await clusterOf("Battery sorting line"))?.id).toBe(maintenance.id);
    const history = (await repos().reviews.history(workshop.id)).map((edit) => edit.summary).join("\n");
    expect(history).toContain("moved “GAMMA: Maintenance scheduler”");
    expect(history).toContain(`merged “${battery.label}” into “${maintenance.label}”`);
  });

  /** `cluster review` answers with a card whose button opens the review in a dialog. */
  async function openReview() {
    const opened = await command(people.fran, "cluster review");
    const [button] = cardActions(cardOf(opened.at(-1)!.activity));
    return continuedCard((await driver().openDialog(people.fran, button?.data as Record<string, unknown>)).body);
  }

  it("approves after showing which cluster breaks the design rule", async () => {
    review = await openReview();
    const warnings = continuedCard(await press(people.fran, mustButton(review, /^review\.approve$|^review\.approve#/)));
    expect(JSON.stringify(warnings)).toContain("BETA is in every cluster");
    expect((await clusters()).every((candidate) => candidate.status === "suggested")).toBe(true);
    const approved = await press(people.fran, mustButton(warnings, /^review\.approve\.anyway/));
    expect(JSON.stringify(approved)).toContain("Approved.");
    expect((await clusters()).every((candidate) => candidate.status === "approved")).toBe(true);
  });

  it("announces each cluster once in the channel with Join / Not for us, tells its members, and not twice", async () => {
    const before = state().channelPosts(general).length;
    expect(textOf(await command(people.fran, "cluster announce"))).toContain("Announced: 2 new");
    await waitFor(() => state().channelPosts(general).length === before + 2);
    const posts = state().channelPosts(general).slice(before);
    const text = textOf(posts);
    expect(text).toContain("Join this working group");
    expect(text).toContain("Not for us");
    expect(text).toContain("Battery sorting line");
    for (const member of [people.ana, people.ben, people.cleo])
      await waitFor(() => textOf(dms(member)).includes("your results joined the cluster"));

    expect(textOf(await command(people.fran, "cluster announce"))).toContain("Nothing new to announce");
    expect(state().channelPosts(general).length).toBe(before + 2);
    expect((await clusters()).every((candidate) => candidate.status === "announced")).toBe(true);

    // Join and Not for us from the channel post (a card button: Teams asks for a dialog with its data).
    const twinPost = posts.find((post) => textOf([post]).includes("Layout simulator"))!;
    const card = cardOf(twinPost.activity);
    const declined = await driver().openDialog(people.ben, mustButton(card, /^cluster\.decline/));
    expect(declined.status).toBe(200);
    const joined = await driver().openDialog(people.ana, mustButton(card, /^cluster\.join/));
    expect(joined.status).toBe(200);
    await harness.core.settled();
    const twin = (await clusterOf("Layout simulator"))!;
    expect(twin.responses.map((response) => response.answer).sort()).toEqual(["decline", "join"]);

    // Facilitators see the answers in the review; a rename after announcing updates the channel post.
    review = await openReview();
    expect(JSON.stringify(review)).toContain("(GAMMA): not for us");
    expect(JSON.stringify(review)).toContain("asked to join");
    const renameForm = continuedCard(await press(people.fran, mustButton(review, /^review\.rename/, twin.id)));
    await press(people.fran, submitData(renameForm, "submit", { label: "Digital twins & layout" }));
    await harness.core.settled();
    await waitFor(() => JSON.stringify(twinPost.activity).includes("Digital twins"));
    expect(twinPost.updates.length).toBeGreaterThan(0);
    expect(JSON.stringify(twinPost.activity)).toContain("Digital twins & layout");
  });

  let twinsChannel: string;
  const botPosts = (channelId: string) => state().channelPosts(channelId);
  const promptId = (channelId: string, title: string) => {
    const prompt = botPosts(channelId).find((post) => textOf([post]).includes(`"fallbackText":"${title}`));
    if (!prompt) throw new Error(`no prompt “${title}” in ${textOf(botPosts(channelId)).slice(0, 1500)}`);
    return prompt.id;
  };

  it("creates a channel per cluster through Graph, with the kick-off and the six prompts", async () => {
    expect(textOf(await command(people.ana, "cluster groups create"))).toContain("Only the facilitators");
    const answer = await command(people.fran, "cluster groups create");
    expect(textOf(answer)).toContain("Created 2 working-group channels");
    const channels = state()
      .channelsOf(facilitatorsTeam)
      .filter((channel) => channel.displayName !== "General");
    expect(channels).toHaveLength(2);
    const twin = (await clusterOf("Layout simulator"))!;
    const named = channels.find((channel) => channel.displayName.startsWith("seeded-workshop-"));
    expect(named).toBeDefined();
    const twinChannel = (await repos().workingGroups.approved(workshop.id)).find(
      (group) => group.clusterId === twin.id,
    )?.channel;
    twinsChannel = twinChannel!.externalId;
    // Private, as in Slack: owned by the team's owner, with the cluster's members, Ana who pressed "Join" on the
    // announcement, and the facilitators who are in the team (Olly is not, and is left out without stopping the others).
    const members = state()
      .channels.get(twinsChannel)!
      .members.map((member) => member.userAadObjectId);
    expect(state().channels.get(twinsChannel)!.membershipType).toBe("private");
    expect(new Set(members)).toEqual(new Set([people.fran, people.ben, people.cleo, people.ana]));
    const posts = botPosts(twinsChannel);
    expect(
      posts.map((post) => String((cardOf(post.activity) as { fallbackText?: string }).fallbackText).split(":")[0]),
    ).toEqual([
      `Welcome to the working group “${twin.label}”`,
      "Joint activities",
      "Who leads",
      "Timeline and milestones",
      "Resources",
      "Expected benefit",
      "IPR arrangements",
    ]);
    expect(textOf([posts[0]!])).toContain("Layout simulator");

    expect(textOf(await command(people.fran, "cluster groups create"))).toContain("No new working-group channel");
  });

  it("turns replies in a prompt's thread into items, confirmed in the thread; helps with an unreadable one", async () => {
    const thread = promptId(twinsChannel, "Joint activities");
    const replies = [
      "Joint pilot of the layout simulator on the twin. Lead: GAMMA. With: BETA. When: Q3 2027 to Q1 2028",
      "Shared data model, led by beta university with gamma, by M18",
      "thanks!",
    ];
    for (const text of replies) {
      const sent = await driver().replyInThread(people.ben, twinsChannel, thread, text);
      expect(sent.status).toBe(200);
    }
    await harness.adapter.idle();
    await waitFor(() => state().threadReplies(twinsChannel, thread).length === 3);
    const twin = (await clusterOf("Layout simulator"))!;
    const items = await repos().workingGroups.items(twin.id);
    const byActivity = (start: string) => items.find((item) => item.activity.startsWith(start));
    expect(items.map((item) => item.activity).sort()).toEqual([
      "Joint pilot of the layout simulator on the twin",
      "Shared data model",
    ]);
    expect(byActivity("Joint")).toMatchObject({ leadPartner: "GAMMA", contributors: ["BETA"], topic: "activities" });
    expect(byActivity("Shared")).toMatchObject({ leadPartner: "BETA University", contributors: ["GAMMA"] });
    const answers = state()
      .threadReplies(twinsChannel, thread)
      .map((entry) => textOf([entry]));
    const pilot = answers.find((answer) => answer.includes("Joint pilot"));
    expect(pilot).toContain("This is what I understood");
    expect(pilot).toContain("workplan.edit");
    expect(answers.find((answer) => answer.includes("could not read"))).toContain("for example");

    // Teams delivers the same reply again: no second item, no second confirmation.
    const again = state().threadReplies(twinsChannel, thread).length;
    const resources = promptId(twinsChannel, "Resources");
    const first = await driver().replyInThread(
      people.ben,
      twinsChannel,
      resources,
      "Test rig at GAMMA, from March to June 2027",
    );
    await driver().send(first.activity);
    await harness.adapter.idle();
    await waitFor(() => state().threadReplies(twinsChannel, resources).length === 1);
    await harness.core.settled();
    expect(state().threadReplies(twinsChannel, resources)).toHaveLength(1);
    expect((await repos().workingGroups.items(twin.id)).filter((item) => item.topic === "resources")).toHaveLength(1);
    expect(state().threadReplies(twinsChannel, thread).length).toBe(again);
  });

  it("shows the group's plan when asked in its channel", async () => {
    const before = dms(people.ben).length;
    expect((await driver().mentionIn(people.ben, twinsChannel, "cluster workplan")).status).toBe(200);
    await harness.adapter.idle();
    await waitFor(() => dms(people.ben).length > before);
    const plan = textOf(dms(people.ben).slice(before));
    expect(plan).toContain("Joint pilot of the layout simulator on the twin");
    expect(plan).toContain("Shared data model");
  });

  it("shares the report in the channel it was asked in, through Graph, with a post that links it", async () => {
    const before = state().files.length;
    expect((await driver().mentionIn(people.fran, general, "cluster report md")).status).toBe(200);
    await harness.adapter.idle();
    await waitFor(() => state().files.length > before);
    await harness.core.settled();
    await waitFor(() => state().files.some((shared) => shared.name === "Seeded-workshop-report.md"));
    const file = state().files.find((shared) => shared.name === "Seeded-workshop-report.md")!;
    expect(file.channelId).toBe(general);
    const text = file.bytes.toString("utf8");
    for (const expected of ["ALPHA", "BETA", "GAMMA", "Battery sorting line", "Joint pilot of the layout simulator"])
      expect(text).toContain(expected);
    await waitFor(() => textOf(state().channelPosts(general)).includes(file.webUrl));
  });
});
