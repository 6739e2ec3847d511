// The tour in Teams, through the Teams stand-in with a clock it moves: setup and projects in dialogs, homework open
// with its invitations, a partner's results with an error next to the field and its fix, the 7-day reminders, the
// status, then (the other partners' homework filled in straight through the repositories) the analysis, the review
// with a rename and approval, the announcement, the working-group channels and a reply turned into a work-plan item.
// Records every message, post and dialog each person saw (teams-recorder.ts).
import { reminderJobHandlers } from "../../../src/app/reminders/handlers.ts";
import { analysesSettled } from "../../../src/app/review/analyze.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import { createJobRunner } from "../../../src/scheduler/runner.ts";
import { continuedCard, elements, submitData } from "../../platforms/teams/forms.ts";
import { facilitatorsTeam, people, startTeamsHarness, tenantId } from "../../platforms/teams/harness.ts";
import { waitFor } from "../../support/slack-seed.ts";
import { edgeAnalytics, finishHomework, sensorKit } from "./fill-homework.ts";
import { teamsRecorder } from "./teams-recorder.ts";
import type { TeamsSurface } from "./teams-surface.ts";

type Json = Record<string, unknown>;

const names: Record<string, string> = {
  [people.fran]: "Fran Facilitator",
  [people.ana]: "Ana Partner",
  [people.ben]: "Ben Partner",
  [people.cleo]: "Cleo Partner",
};

/** The data of the first button (in the card's actions or an action set) whose core action id matches. */
function buttonData(card: unknown, actionId: RegExp): Json {
  const node = card as Json;
  const inBody = elements(node).flatMap((element) =>
    element.type === "ActionSet" ? ((element.actions as Json[]) ?? []) : [],
  );
  const action = [...((node.actions as Json[] | undefined) ?? []), ...inBody].find((candidate) => {
    const id = (candidate.data as { clusterbotAction?: { actionId?: string } } | undefined)?.clusterbotAction?.actionId;
    return id !== undefined && actionId.test(id);
  });
  if (!action) throw new Error(`no ${actionId} button in ${JSON.stringify(card).slice(0, 500)}`);
  return action.data as Json;
}

/** The data of a card's first button (the "Open the form" of a command that answers with a dialog). */
function firstButton(card: unknown): Json {
  const [action] = ((card as Json).actions as Json[] | undefined) ?? [];
  if (!action) throw new Error(`no button in ${JSON.stringify(card).slice(0, 500)}`);
  return action.data as Json;
}

function cardOf(activity: Json): unknown {
  return (activity.attachments as { content?: unknown }[] | undefined)?.[0]?.content;
}

export async function playTeamsTour(): Promise<TeamsSurface[]> {
  let now = Date.parse("2026-03-02T10:00:00Z");
  const clock = { now: () => new Date(now) };
  const harness = await startTeamsHarness("pglite", { clock });
  const { teams, repos } = harness;
  const runner = createJobRunner({
    jobs: repos.jobs,
    handlers: reminderJobHandlers(harness.deps),
    clock,
    logger: createLogger("silent", false),
    owner: "teams-tour",
  });
  const recorder = teamsRecorder(teams, names);
  const step = async (name: string, action: () => Promise<unknown>) => {
    await action();
    await harness.adapter.idle();
    await harness.core.settled();
    recorder.take(name);
  };
  const dms = (aad: string) => teams.state.personalMessages(aad);
  /** A command typed in the 1:1 chat; resolves with the bot's last answer's card once it came. */
  const command = async (aad: string, text: string) => {
    const before = dms(aad).length;
    await teams.driver.message(aad, text);
    await harness.adapter.idle();
    await waitFor(() => dms(aad).length > before, 60_000);
    return cardOf(dms(aad).at(-1)!.activity);
  };
  /** Presses a dialog's button or submits its form: the next dialog's card, if it continues. */
  const submit = async (aad: string, data: Json) => (await teams.driver.submitDialog(aad, data)).body;
  const openForm = async (aad: string, text: string) =>
    continuedCard((await teams.driver.openDialog(aad, firstButton(await command(aad, text)))).body);

  try {
    for (const aad of Object.keys(names)) await teams.driver.installPersonal(aad);
    await teams.driver.installInTeam(people.fran, facilitatorsTeam);
    await harness.adapter.idle();
    recorder.take("installed", false);
    const general = teams.state.team(facilitatorsTeam).id;
    const fran = people.fran;
    const ana = people.ana;

    let form: Json = {};
    await step("Fran opens the setup", async () => {
      form = await openForm(fran, "cluster setup");
    });
    await step("Fran saves the setup", () =>
      submit(
        fran,
        submitData(form, "submit", {
          name: "Smart Factories",
          timezone: "Europe/Brussels",
          homeworkDeadline: "2026-03-13",
          maxResultsPerProject: "3",
          reminderCadence: "7, 1",
        }),
      ),
    );
    await step("Fran adds two projects", async () => {
      for (const [acronym, title, members] of [
        ["ALPHA", "Sensors", `${ana},${people.ben}`],
        ["BETA", "Digital twins", people.cleo],
      ] as const) {
        const project = await openForm(fran, "project add");
        await submit(
          fran,
          submitData(project, "submit", { acronym, title, partners: `${acronym} University`, members }),
        );
      }
    });
    await step("Fran opens the homework: invitations go out", () => command(fran, "homework open"));

    let dialog: Json = {};
    await step("Ana starts her homework from the invitation", async () => {
      const invitation = dms(ana).find((sent) => JSON.stringify(sent.activity).includes("homework.start"))!;
      dialog = continuedCard(
        (await teams.driver.openDialog(ana, buttonData(cardOf(invitation.activity), /^homework\.start/))).body,
      );
    });
    await step("Ana opens her project's results", async () => {
      dialog = continuedCard(await submit(ana, buttonData(dialog, /^homework\.results$/)));
    });
    await step("Ana lists the same result twice", async () => {
      dialog = continuedCard(
        await submit(ana, submitData(dialog, "submit", { result_1: "Sensor kit", result_2: "sensor kit" })),
      );
    });
    await step("Ana fixes the list", async () => {
      const before = dms(ana).length;
      await submit(ana, submitData(dialog, "submit", { result_2: "Edge analytics" }));
      await waitFor(() => dms(ana).length > before, 60_000);
    });
    await step("Friday 09:30 in Brussels: the 7-day reminders", async () => {
      now = Date.parse("2026-03-06T08:30:00Z");
      await runner.runDueJobsOnce();
    });
    await step("Fran reads the status", () => command(fran, "cluster status"));

    // Everyone's homework, typed in as Ana's was: filled in straight through the repositories.
    const workspace = await repos.workspaces.ensure("teams", tenantId);
    const workshop = (await repos.workshops.current(workspace.id))!;
    await finishHomework(repos, workspace.id, workshop.id, people.cleo, [sensorKit, edgeAnalytics]);
    const channel = await repos.channels.ensure(workspace.id, general, "General");
    await repos.workshops.update(workshop.id, { announcementChannelId: channel.id });
    now = Date.parse("2026-03-16T08:00:00Z");

    await step("Monday 16 March: Fran runs the analysis", async () => {
      await command(fran, "cluster analyze");
      await analysesSettled();
      await waitFor(() => JSON.stringify(dms(fran)).includes("review.open"), 60_000);
    });
    let review: Json = {};
    await step("Fran opens the review from the message", async () => {
      const ready = dms(fran).findLast((sent) => JSON.stringify(sent.activity).includes("review.open"))!;
      review = continuedCard(
        (await teams.driver.openDialog(fran, buttonData(cardOf(ready.activity), /^review\.open/))).body,
      );
    });
    await step("Fran renames a cluster", async () => {
      const rename = continuedCard(await submit(fran, buttonData(review, /^review\.rename/)));
      await submit(fran, submitData(rename, "submit", { label: "Predictive maintenance of machines" }));
    });
    await step("Fran approves the clusters", async () => {
      const opener = await command(fran, "cluster review");
      review = continuedCard((await teams.driver.openDialog(fran, firstButton(opener))).body);
      const answer = continuedCard(await submit(fran, buttonData(review, /^review\.approve(#|$)/)));
      if (JSON.stringify(answer).includes("review.approve.anyway"))
        await submit(fran, buttonData(answer, /^review\.approve\.anyway/));
    });
    await step("Fran announces the clusters in General", async () => {
      await command(fran, "cluster announce");
      await waitFor(() => JSON.stringify(dms(ana)).includes("your results joined the cluster"), 60_000);
    });
    await step("Fran creates the working-group channels", async () => {
      await command(fran, "cluster groups create");
    });
    await step("Ana answers the joint-activities prompt in her group's channel", async () => {
      const group = (await repos.workingGroups.approved(workshop.id)).find((candidate) => candidate.channel)!;
      const channelId = group.channel!.externalId;
      const prompt = teams.state
        .channelPosts(channelId)
        .find((post) =>
          String((cardOf(post.activity) as Json | undefined)?.fallbackText).startsWith("Joint activities"),
        )!;
      await teams.driver.replyInThread(
        ana,
        channelId,
        prompt.id,
        "Joint pilot of the sensor kit with the fault predictor. Lead: ALPHA. With: BETA. When: Q3 2026 to Q1 2027",
      );
      await harness.adapter.idle();
      await waitFor(() => teams.state.threadReplies(channelId, prompt.id).length > 0, 60_000);
    });
    return recorder.surfaces;
  } finally {
    await harness.close();
  }
}
