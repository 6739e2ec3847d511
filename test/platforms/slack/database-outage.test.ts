// The database goes away under the running bot: people are told so, where they are, instead of being told there is
// no workshop (or nothing at all).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../support/database.ts";
import { type SlackHarness, startSlackHarness, users } from "../../support/slack-bot.ts";
import { type SeededWorkshop, seedWorkshop, waitFor } from "../../support/slack-seed.ts";
import { answerTo, cluster } from "../../support/slack-ui.ts";

const outage = "Clusterbot cannot reach its database just now; nothing was changed, try again in a minute.";

describe.each(backends)("a database outage on %s", (backend) => {
  let harness: SlackHarness;
  let seeded: SeededWorkshop;
  beforeAll(async () => {
    harness = await startSlackHarness(backend);
    seeded = await seedWorkshop(harness, [{ acronym: "ALPHA", members: ["ana"], results: ["Sensor kit"] }]);
  });
  afterAll(() => harness.close());

  const slack = () => harness.slack;
  const home = (userId: string) =>
    JSON.stringify(
      slack()
        .state.callsTo("views.publish")
        .filter((call) => call.args.user_id === userId)
        .at(-1)?.args,
    );

  it("says the database cannot be reached, after a command, on the home tab and on top of the dialog whose button was pressed", async () => {
    // Before: the facilitator sees the workshop, Ana her project on her home tab, and opens her results step.
    expect(await answerTo(slack(), await cluster(slack(), users.facilitator, "status"))).toContain("ALPHA");
    await slack().driver.appHomeOpened({ userId: users.ana });
    await waitFor(() => home(users.ana)?.includes("ALPHA") ?? false);
    await slack().driver.blockActions({
      userId: users.ana,
      actions: [{ actionId: "homework.start", blockId: "dm", value: seeded.projects[0]!.id }],
    });
    await waitFor(() => slack().state.topView(users.ana)?.callback_id === "homework.overview");

    await harness.stopDatabase();

    const status = await answerTo(slack(), await cluster(slack(), users.facilitator, "status"));
    expect(status).toContain(outage);
    expect(status).not.toContain("no workshop");

    await slack().driver.appHomeOpened({ userId: users.ana });
    await waitFor(() => home(users.ana)?.includes("cannot reach its database") ?? false);
    expect(home(users.ana)).not.toContain("No workshop is running here");

    const overview = slack().state.topView(users.ana)!;
    await slack().driver.blockActions({
      userId: users.ana,
      viewId: overview.id,
      actions: [{ actionId: "homework.results", value: seeded.projects[0]!.id }],
    });
    await waitFor(() => JSON.stringify(slack().state.topView(users.ana)?.blocks ?? []).includes("cannot reach"));
    expect(slack().state.topView(users.ana)?.title).toMatchObject({ text: "Not possible" });
  });
});
