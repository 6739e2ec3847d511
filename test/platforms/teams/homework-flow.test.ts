// A facilitator and two partners run setup → project → homework open → homework → status in Teams, through the
// local Teams stand-in: signed activities into the bot, real Connector calls out of it, the same core and the same
// expectations as the Slack homework flow.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../support/slack-seed.ts";
import {
  type CardNode,
  cardActions,
  cardOf,
  continuedCard,
  elements,
  inputById,
  mustButton,
  submitData,
} from "./forms.ts";
import { facilitatorsTeam, people, startInstalledTeamsHarness, type TeamsHarness } from "./harness.ts";

function fieldError(card: CardNode, fieldId: string): string | undefined {
  const error = elements(card).find((element) => element.id === `${fieldId}.error`);
  return error ? String(error.text) : undefined;
}

/** The element right after a field's input: its error sits there, next to the field. */
function afterInput(card: CardNode, fieldId: string): CardNode | undefined {
  const all = elements(card);
  const index = all.findIndex((element) => element.id === fieldId);
  return all.slice(index + 1).find((element) => String(element.id).endsWith(".error"));
}

describe("Teams homework flow on pglite", () => {
  let harness: TeamsHarness;
  const driver = () => harness.teams.driver;
  const state = () => harness.teams.state;
  const messages = (aad: string) => state().personalMessages(aad);
  const lastCard = (aad: string) => {
    const last = messages(aad).at(-1);
    if (!last) throw new Error(`no message to ${aad}`);
    return cardOf(last.activity);
  };

  beforeAll(async () => {
    harness = await startInstalledTeamsHarness("pglite", [people.fran, people.ana, people.ben, people.olly]);
  });
  afterAll(() => harness.close());

  /** A typed command in the 1:1 chat; resolves once the bot answered (after its HTTP answer). */
  async function command(aad: string, text: string) {
    const before = messages(aad).length;
    const sent = await driver().message(aad, text);
    expect(sent.status).toBe(200);
    await harness.adapter.idle();
    await waitFor(() => messages(aad).length > before);
    return lastCard(aad);
  }

  /** A typed command whose answer is a form: the card's "Open the form" button opens it in a dialog. */
  async function openForm(aad: string, text: string) {
    const opener = await command(aad, text);
    const [button] = cardActions(opener);
    expect(button?.title).toBe("Open the form");
    const opened = await driver().openDialog(aad, button?.data as Record<string, unknown>);
    expect(opened.status).toBe(200);
    return continuedCard(opened.body);
  }

  it("sets up the workshop in a dialog, with errors next to the fields and what was typed kept", async () => {
    const form = await openForm(people.fran, "cluster setup");
    expect(inputById(form, "name")).toMatchObject({ label: "Workshop name" });
    const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const typed = {
      name: "Industry 4.0 workshop",
      timezone: "Europe/Brussels",
      homeworkDeadline: deadline,
      maxResultsPerProject: "12",
      reminderCadence: "7, soon",
    };
    const bad = continuedCard((await driver().submitDialog(people.fran, submitData(form, "submit", typed))).body);
    expect(afterInput(bad, "maxResultsPerProject")?.text).toBe("Please enter a whole number from 1 to 10.");
    expect(fieldError(bad, "reminderCadence")).toContain("Please give whole numbers of days separated by commas");
    expect(inputById(bad, "name")).toMatchObject({ value: "Industry 4.0 workshop" });
    expect(inputById(bad, "homeworkDeadline")).toMatchObject({ value: deadline });

    const good = await driver().submitDialog(
      people.fran,
      submitData(bad, "submit", { maxResultsPerProject: "2", reminderCadence: "7, 3, 1, 0" }),
    );
    expect(good.status).toBe(200);
    expect(JSON.stringify(good.body)).not.toContain('"continue"');
    const workspace = await harness.repos.workspaces.ensure("teams", harness.teams.settings.TEAMS_TENANT_ID ?? "");
    const workshop = await harness.repos.workshops.current(workspace.id);
    expect(workshop?.name).toBe("Industry 4.0 workshop");
    expect(workshop?.maxResultsPerProject).toBe(2);
  });

  it("adds a project with its members; an outsider is refused privately", async () => {
    const form = await openForm(people.fran, "project add");
    const added = await driver().submitDialog(
      people.fran,
      submitData(form, "submit", {
        acronym: "ALPHA",
        title: "Smart factory sensors",
        partners: "Uni Alpha\nAlpha Sensors SME",
        members: `${people.ana},${people.ben}`,
      }),
    );
    expect(JSON.stringify(added.body)).not.toContain("error");

    const refused = await command(people.olly, "cluster project add");
    expect(JSON.stringify(refused)).toContain("Only the facilitators of");
  });

  it("opens homework from a channel @mention: each member gets one invitation in their 1:1 chat", async () => {
    const general = state().team(facilitatorsTeam).id;
    const before = messages(people.fran).length;
    const mention = await driver().mention(people.fran, facilitatorsTeam, general, "cluster homework open");
    expect(mention.status).toBe(200);
    await harness.adapter.idle();
    await waitFor(() => messages(people.fran).length > before);
    expect(JSON.stringify(lastCard(people.fran))).toContain("Invited 2 new members (2 in all)");
    // The answer is private: nothing was posted in the channel.
    expect(state().sentTo(general)).toHaveLength(0);

    await command(people.fran, "homework open");
    expect(JSON.stringify(lastCard(people.fran))).toContain("Invited 0 new members (2 in all)");
    for (const member of [people.ana, people.ben]) {
      const invitations = messages(member).filter((sent) => JSON.stringify(sent.activity).includes("homework.start"));
      expect(invitations).toHaveLength(1);
    }
    expect(messages(people.olly).some((sent) => JSON.stringify(sent.activity).includes("homework.start"))).toBe(false);
  });

  it("takes a partner through the homework in dialogs: an error next to its field, fixed, submitted", async () => {
    const invitation = messages(people.ana).find((sent) => JSON.stringify(sent.activity).includes("homework.start"));
    const start = mustButton(cardOf(invitation!.activity), "homework.start");
    const overview = continuedCard((await driver().openDialog(people.ana, start)).body);

    const results = continuedCard(
      (await driver().submitDialog(people.ana, mustButton(overview, "homework.results"))).body,
    );
    const duplicate = continuedCard(
      (
        await driver().submitDialog(
          people.ana,
          submitData(results, "submit", { result_1: "**Sensor** kit", result_2: "**sensor** kit" }),
        )
      ).body,
    );
    expect(afterInput(duplicate, "result_2")?.text).toBe(
      "This is the same title as result 1; each result needs its own.",
    );
    expect(inputById(duplicate, "result_1")).toMatchObject({ value: "**Sensor** kit" });

    const before = messages(people.ana).length;
    const saved = await driver().submitDialog(
      people.ana,
      submitData(duplicate, "submit", { result_2: "Edge analytics" }),
    );
    // Checked from what the form carries, it is answered at once (the dialog closes) and saved after; the
    // refreshed overview then comes into the 1:1 chat, typed text shown literally.
    expect(saved.body).toEqual({});
    await waitFor(() => messages(people.ana).length > before);
    const overviewAgain = lastCard(people.ana);
    const shown = JSON.stringify(overviewAgain);
    expect(shown).toContain("Edge analytics");
    expect(shown).toContain("\\\\*\\\\*Sensor\\\\*\\\\* kit");

    const characterise = continuedCard(
      (await driver().openDialog(people.ana, mustButton(overviewAgain, "homework.characterise"))).body,
    );
    const done = continuedCard(
      (
        await driver().submitDialog(
          people.ana,
          submitData(characterise, "submitted", {
            description: "A plug-and-play kit of vibration sensors",
            type: "product",
            keywords: "vibration, condition monitoring",
            trlNow: "6",
            trlExpected: "8",
            owners: "Alpha Sensors SME",
            iprWithin: "Foreground of Alpha Sensors SME",
            iprOutside: "No third-party rights",
            targetMarket: "Machine builders",
            needs: "A pilot line to validate on",
          }),
        )
      ).body,
    );
    expect(JSON.stringify(done)).toContain("homework.characterise");
  });

  it("gives facilitators a status per project, and partners a refusal", async () => {
    const status = JSON.stringify(await command(people.fran, "cluster status"));
    expect(status).toContain("ALPHA");
    expect(status).toContain("**ALPHA**: 1 of 2 submitted · 0 interests");
    expect(JSON.stringify(await command(people.ana, "status"))).toContain("Only the facilitators");
  });

  it("answers a redelivered activity once, and unknown text with the help", async () => {
    const before = messages(people.fran).length;
    await driver().message(people.fran, "cluster status", { id: "redelivered-1" });
    await driver().message(people.fran, "cluster status", { id: "redelivered-1" });
    await harness.adapter.idle();
    await waitFor(() => messages(people.fran).length > before);
    await harness.adapter.idle();
    expect(messages(people.fran).length).toBe(before + 1);

    const help = JSON.stringify(await command(people.ben, "hello there"));
    expect(help).toContain("I don't know “hello”");
    expect(help).toContain("Clusterbot runs your project-clustering workshop.");
  });
});
