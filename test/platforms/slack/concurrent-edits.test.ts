// Two people editing the same thing through Slack: a save from a form opened before someone else's save is refused
// with who changed what, the typed text is given back, and nobody's saved work is removed by the stale form.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExploitableResult, ResultCharacterisation } from "../../../src/core/model/domain.ts";
import { backends } from "../../support/database.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { findButton, type SeededWorkshop, seedWorkshop, waitFor } from "../../support/slack-seed.ts";

describe.each(backends)("concurrent edits through Slack on %s", (backend) => {
  let harness: SlackHarness;
  let seeded: SeededWorkshop;
  beforeAll(async () => {
    harness = await startSlackHarness(backend);
    seeded = await seedWorkshop(harness, [{ acronym: "ALPHA", members: ["ana", "ben"], results: ["Sensor kit"] }]);
  });
  afterAll(() => harness.close());

  const slack = () => harness.slack;
  const alpha = () => seeded.projects[0]!;
  /** A characterisation with every field Submit needs. */
  const complete = (description: string, type: string) => ({
    description,
    type,
    trlNow: "4",
    owners: ["ALPHA University"],
    iprWithin: "Foreground",
    iprOutside: "None",
    targetMarket: "Machine builders",
    needs: "A pilot",
  });
  const top = (userId: string) => slack().state.topView(userId)!;
  const titles = async () => (await harness.deps.repos.results.listForProject(alpha().id)).map((r) => r.title);

  async function openOverview(userId: string) {
    // A new overview, not the one an earlier test left open (its buttons would act on a stack being replaced).
    const before = slack().state.topView(userId)?.id;
    await slack().driver.blockActions({
      userId,
      actions: [{ actionId: "homework.start", blockId: "dm", value: alpha().id }],
    });
    await waitFor(() => {
      const view = slack().state.topView(userId);
      return view?.callback_id === "homework.overview" && view.id !== before;
    });
  }

  async function openStep(userId: string, actionId: RegExp, callbackId: string) {
    await openOverview(userId);
    const button = findButton(top(userId).blocks, actionId);
    await slack().driver.blockActions({
      userId,
      viewId: top(userId).id,
      actions: [{ actionId: button.action_id, value: button.value }],
    });
    await waitFor(() => slack().state.topView(userId)?.callback_id === callbackId);
    return top(userId);
  }

  it("refuses a results list saved from a stale form, keeps the partner's result and gives the typed text back in the form", async () => {
    const anasForm = await openStep(users.ana, /^homework\.results$/, "homework.results");
    const bensForm = await openStep(users.ben, /^homework\.results$/, "homework.results");

    const bens = await slack().driver.viewSubmission({
      userId: users.ben,
      viewId: bensForm.id,
      inputs: { result_1: "Sensor kit", result_2: "Edge analytics" },
    });
    expect(bens.responseAction?.action).toBe("close");
    await harness.core.settled();
    expect(await titles()).toEqual(["Sensor kit", "Edge analytics"]);

    // Ana's form still shows only "Sensor kit": saving it as it is would have removed Ben's result. The bot knows the
    // list moved on since her form opened, so it does not close her form early: it comes back with her text in it.
    const anas = await slack().driver.viewSubmission({
      userId: users.ana,
      viewId: anasForm.id,
      inputs: { result_1: "Sensor kit v2", result_2: "Digital twin" },
    });
    expect(anas.responseAction?.action).toBe("update");
    await harness.core.settled();
    expect(await titles()).toEqual(["Sensor kit", "Edge analytics"]);
    const shown = JSON.stringify(top(users.ana));
    expect(shown).toContain("Ben Partner changed ALPHA's list of results");
    expect(shown).toContain("Sensor kit v2");
    expect(shown).toContain("Digital twin");
    const dm = JSON.stringify(slack().state.messagesIn(slack().state.imWith(users.ana).id));
    expect(dm).not.toContain("could not be saved");

    // Opened again, the form is current and her save goes through without removing anything of Ben's.
    const fresh = await openStep(users.ana, /^homework\.results$/, "homework.results");
    const again = await slack().driver.viewSubmission({
      userId: users.ana,
      viewId: fresh.id,
      inputs: { result_1: "Sensor kit v2", result_2: "Edge analytics", result_3: "Digital twin" },
    });
    expect(again.responseAction?.action).toBe("close");
    await harness.core.settled();
    expect(await titles()).toEqual(["Sensor kit v2", "Edge analytics", "Digital twin"]);
  });

  it("gives a stale characterisation back in the form with who changed it, and leaves the other save alone", async () => {
    const anasForm = await openStep(users.ana, /^homework\.characterise$/, "homework.characterise");
    const bensForm = await openStep(users.ben, /^homework\.characterise$/, "homework.characterise");

    const bens = await slack().driver.viewSubmission({
      userId: users.ben,
      viewId: bensForm.id,
      inputs: complete("Ben's account of the kit", "product"),
    });
    expect(bens.responseAction?.action).toBe("close");

    const anas = await slack().driver.viewSubmission({
      userId: users.ana,
      viewId: anasForm.id,
      inputs: complete("Ana's account of the kit", "service"),
    });
    expect(anas.responseAction?.action).toBe("update");
    const shown = JSON.stringify(top(users.ana));
    expect(shown).toContain("Ben Partner changed");
    expect(shown).toContain("Ana's account of the kit");
    const [saved] = await harness.deps.repos.results.listForProject(alpha().id);
    expect(saved?.description).toBe("Ben's account of the kit");

    // The form given back is at the current version: saving it now is her deliberate choice, and it goes through.
    const resubmitted = await slack().driver.viewSubmission({
      userId: users.ana,
      viewId: top(users.ana).id,
      inputs: complete("Ana's account of the kit", "service"),
    });
    expect(resubmitted.responseAction?.action).toBe("close");
    const [now] = await harness.deps.repos.results.listForProject(alpha().id);
    expect(now?.description).toBe("Ana's account of the kit");
  });

  it("keeps no draft over a save made after the form opened: the closed form's text goes to its author by DM", async () => {
    // A draft again (the test before submitted it): closing its form ("Save draft") keeps what was typed.
    const [kit] = await harness.deps.repos.results.listForProject(alpha().id);
    const { description: _old, ...kept } = pickCharacterisation(kit!);
    await harness.deps.repos.results.characterise(kit!.id, { ...kept, description: "An earlier draft" }, "draft");
    const anasForm = await openStep(users.ana, /^homework\.characterise$/, "homework.characterise");
    const bensForm = await openStep(users.ben, /^homework\.characterise$/, "homework.characterise");
    expect(bensForm.close?.text).toBe("Save draft");
    const bens = await slack().driver.viewClosed({
      userId: users.ben,
      viewId: bensForm.id,
      inputs: { description: "Ben's newer account", type: "product" },
    });
    expect(bens.delivered).toBe(true);
    // Slack's close is acknowledged before Ben's draft is kept; settling waits for it on every store.
    await harness.core.settled();
    expect((await harness.deps.repos.results.listForProject(alpha().id))[0]?.description).toBe("Ben's newer account");

    const closed = await slack().driver.viewClosed({
      userId: users.ana,
      viewId: anasForm.id,
      inputs: { description: "Ana's half-written account", type: "service" },
    });
    expect(closed.delivered).toBe(true);
    const dm = () => JSON.stringify(slack().state.messagesIn(slack().state.imWith(users.ana).id));
    await waitFor(() => dm().includes("Ana's half-written account"));
    expect(dm()).toContain("Ben Partner changed");
    const [saved] = await harness.deps.repos.results.listForProject(alpha().id);
    expect(saved?.description).toBe("Ben's newer account");
  });

  it("lets only one of two simultaneous saves from the same version win", async () => {
    const anasForm = await openStep(users.ana, /^homework\.characterise$/, "homework.characterise");
    const bensForm = await openStep(users.ben, /^homework\.characterise$/, "homework.characterise");
    const [anas, bens] = await Promise.all([
      slack().driver.viewSubmission({
        userId: users.ana,
        viewId: anasForm.id,
        inputs: complete("Ana, at the same moment", "product"),
      }),
      slack().driver.viewSubmission({
        userId: users.ben,
        viewId: bensForm.id,
        inputs: complete("Ben, at the same moment", "product"),
      }),
    ]);
    const outcomes = [anas.responseAction?.action, bens.responseAction?.action].sort();
    expect(outcomes).toEqual(["close", "update"]);
    const winner = anas.responseAction?.action === "close" ? "Ana, at the same moment" : "Ben, at the same moment";
    const [saved] = await harness.deps.repos.results.listForProject(alpha().id);
    expect(saved?.description).toBe(winner);
  });

  it("refuses a stale workshop setup with the other facilitator's name, the typed values back in the form", async () => {
    await harness.deps.repos.workshops.setFacilitators(seeded.workshop.id, [seeded.personIds.cleo]);
    const openSetup = async (userId: string) => {
      await slack().driver.slashCommand({ command: "/cluster", text: "setup", userId, channelId: "C0GENERAL01" });
      await waitFor(() => slack().state.topView(userId)?.callback_id === "workshop.setup");
      return top(userId);
    };
    const fransForm = await openSetup(users.facilitator);
    const cleosForm = await openSetup(users.cleo);
    const deadline = Math.floor(Date.now() / 1000) + 10 * 86_400;
    const setup = (name: string, coFacilitators: string[]) => ({
      name,
      timezone: "Europe/Brussels",
      homeworkDeadline: deadline,
      maxResultsPerProject: "3",
      reminderCadence: "7, 3, 1, 0",
      coFacilitators,
    });

    const frans = await slack().driver.viewSubmission({
      userId: users.facilitator,
      viewId: fransForm.id,
      inputs: setup("Fran's name for it", [users.cleo]),
    });
    expect(frans.responseAction?.action).toBe("close");
    const cleos = await slack().driver.viewSubmission({
      userId: users.cleo,
      viewId: cleosForm.id,
      inputs: setup("Cleo's name for it", [users.facilitator]),
    });
    expect(cleos.responseAction?.action).toBe("update");
    const shown = JSON.stringify(top(users.cleo));
    expect(shown).toContain("Fran Facilitator changed the setup");
    expect(shown).toContain("Cleo's name for it");
    expect((await harness.deps.repos.workshops.find(seeded.workshop.id))?.name).toBe("Fran's name for it");
  });
});

function pickCharacterisation(result: ExploitableResult): ResultCharacterisation {
  const { description, type, keywords, usp, trlNow, trlExpected, owners, iprWithin, iprProtection } = result;
  const { iprOutside, targetMarket, timeToMarket, needs } = result;
  return {
    description,
    type,
    keywords,
    usp,
    trlNow,
    trlExpected,
    owners,
    iprWithin,
    iprProtection,
    iprOutside,
    targetMarket,
    timeToMarket,
    needs,
  };
}
