// Nobody takes over a workshop: a setup form opened before the workshop existed cannot create a second one when it
// is submitted later; two racing submissions create one workshop; the operator can hand a workshop to someone else
// with `clusterbot workshop handover` (the real command on a PGlite folder).
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.ts";
import { applyMigrations } from "../../src/store/migrations/migrations.ts";
import { createRepositories } from "../../src/store/repositories/index.ts";
import { backends } from "../support/database.ts";
import { runCli } from "../support/process.ts";
import { type SlackHarness, startSlackHarness, teamId, users } from "../support/slack-bot.ts";
import { waitFor } from "../support/slack-seed.ts";
import { cluster, submitTopView } from "../support/slack-ui.ts";

const setupInputs = (name: string) => ({ name, timezone: "UTC", maxResultsPerProject: "3" });

async function openSetup(harness: SlackHarness, userId: string) {
  await cluster(harness.slack, userId, "setup");
  await waitFor(() => harness.slack.state.topView(userId)?.callback_id === "workshop.setup");
}

describe.each(backends)("workshop takeover through Slack on %s", (backend) => {
  let harness: SlackHarness;
  let facilitator: string = users.facilitator;
  beforeAll(async () => {
    harness = await startSlackHarness(backend);
  });
  afterAll(() => harness.close());

  const workspaceId = async () => (await harness.deps.repos.workspaces.ensure("slack", teamId)).id;
  const person = async (userId: string) => (await harness.deps.repos.people.ensure(await workspaceId(), userId)).id;
  const openWorkshops = async () =>
    (await harness.deps.repos.workshopRecords.list()).filter(
      (workshop) => workshop.phase !== "closed" && workshop.workspace === `slack ${teamId}`,
    );

  it("refuses a setup form opened before the workshop existed; the facilitator keeps theirs", async () => {
    await openSetup(harness, users.ana); // the partner opens the form early…
    await openSetup(harness, users.facilitator);
    const created = await submitTopView(harness.slack, users.facilitator, setupInputs("Real workshop"));
    expect(created.responseAction?.action).toBe("close");

    const late = await submitTopView(harness.slack, users.ana, setupInputs("Partner's workshop")); // …submits later
    expect(late.responseAction?.action).toBe("errors");
    expect(JSON.stringify(late.responseAction)).toContain('\\"Real workshop\\" is already open in this workspace');

    const open = await openWorkshops();
    expect(open.map((workshop) => workshop.name)).toEqual(["Real workshop"]);
    const current = await harness.deps.repos.workshops.current(await workspaceId());
    expect(current?.name).toBe("Real workshop");
    expect(await harness.deps.repos.workshops.isFacilitator(current!.id, await person(users.facilitator))).toBe(true);
    expect(await harness.deps.repos.workshops.isFacilitator(current!.id, await person(users.ana))).toBe(false);
    // The partner's `/cluster setup` now opens nothing of the facilitator's settings.
    const posts = harness.slack.state.responseUrlPosts.length;
    await cluster(harness.slack, users.ana, "setup");
    await waitFor(() => harness.slack.state.responseUrlPosts.length > posts);
    expect(JSON.stringify(harness.slack.state.responseUrlPosts.at(-1)!.body)).toContain("Only the facilitators of");
  });

  it("creates one workshop when two people submit at once, after the first is closed", async () => {
    await cluster(harness.slack, users.facilitator, "close");
    await waitFor(async () => (await openWorkshops()).length === 0);
    await openSetup(harness, users.ben);
    await openSetup(harness, users.cleo);
    const answers = await Promise.all([
      submitTopView(harness.slack, users.ben, setupInputs("Ben's workshop")),
      submitTopView(harness.slack, users.cleo, setupInputs("Cleo's workshop")),
    ]);
    expect(answers.map((answer) => answer.responseAction?.action).sort()).toEqual(["close", "errors"]);
    const open = await openWorkshops();
    expect(open).toHaveLength(1);
    facilitator = answers[0]!.responseAction?.action === "close" ? users.ben : users.cleo;
    expect(await harness.deps.repos.workshops.isFacilitator(open[0]!.id, await person(facilitator))).toBe(true);
  });

  it("refuses a setup form whose hidden workshop id is another workspace's", async () => {
    const otherWorkspace = await harness.deps.repos.workspaces.ensure("slack", "T0OTHERTEAM");
    const stranger = await harness.deps.repos.people.ensure(otherWorkspace.id, facilitator);
    const foreign = await harness.deps.repos.workshops.create(otherWorkspace.id, { name: "Theirs" }, stranger.id);
    await openSetup(harness, facilitator);
    const view = harness.slack.state.topView(facilitator)!;
    view.private_metadata = JSON.stringify({ workshop: foreign.id });
    const answer = await submitTopView(harness.slack, facilitator, setupInputs("Renamed by a stranger"));
    expect(answer.responseAction?.action).toBe("errors");
    expect((await harness.deps.repos.workshops.find(foreign.id))?.name).toBe("Theirs");
  });
});

describe("clusterbot workshop handover", () => {
  let dataDir = "";
  let workshopId = "";
  const ids = { usurper: "U0USURPER01", facilitator: users.facilitator };

  async function withRepos<T>(work: (repos: ReturnType<typeof createRepositories>) => Promise<T>, migrate = false) {
    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      if (migrate) await applyMigrations(database);
      return await work(createRepositories(database.prisma));
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), "clusterbot-handover-")), "data");
    workshopId = await withRepos(async (repos) => {
      const workspace = await repos.workspaces.ensure("slack", teamId);
      const usurper = await repos.people.ensure(workspace.id, ids.usurper, { displayName: "usurper" });
      await repos.people.ensure(workspace.id, ids.facilitator, { displayName: "fran", email: "Fran@Example.org" });
      return (await repos.workshops.create(workspace.id, { name: "Taken" }, usurper.id)).id;
    }, true);
  });

  const handover = async (...args: string[]) => {
    const run = runCli(["workshop", "handover", "--workshop", workshopId, ...args], { CLUSTERBOT_DATA_DIR: dataDir });
    return { code: await run.exited, output: run.output() };
  };
  const facilitators = () =>
    withRepos(async (repos) => {
      const workspace = await repos.workspaces.ensure("slack", teamId);
      const personIds = await repos.workshops.facilitatorIds(workshopId);
      return [...(await repos.people.externalIds(workspace.id, personIds)).values()].sort();
    });

  it("names what is wrong: an unknown email, a workshop that does not exist", async () => {
    const unknown = await handover("--to", "nobody@example.org");
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain("No one with the email nobody@example.org");
    const missing = runCli(["workshop", "handover", "--workshop", "nope", "--to", "U0X"], {
      CLUSTERBOT_DATA_DIR: dataDir,
    });
    expect(await missing.exited).toBe(2);
    expect(missing.output()).toContain("There is no workshop with the id nope");
    expect(await facilitators()).toEqual([ids.usurper]);
  }, 120_000);

  it("hands the workshop to the facilitator by email; the usurper loses it", async () => {
    const done = await handover("--to", "fran@example.org");
    expect(done.code).toBe(0);
    expect(done.output).toContain('"Taken" is now owned by fran@example.org');
    expect(await facilitators()).toEqual([ids.facilitator]);
  }, 120_000);

  it("hands it on by user id, keeping the previous owner as a co-facilitator", async () => {
    const done = await handover("--to", users.ana, "--keep-previous");
    expect(done.code).toBe(0);
    expect(await facilitators()).toEqual([users.ana, ids.facilitator].sort());
  }, 120_000);
});
