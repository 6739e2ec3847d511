import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation } from "../../src/store/errors.ts";
import { createRepositories, type Repositories } from "../../src/store/repositories/index.ts";
import { backends, createTestDatabase, type TestDatabase } from "../support/database.ts";

describe.each(backends)("repositories on %s", (backend) => {
  let test: TestDatabase;
  let repos: Repositories;
  let workspaceId: string;

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    repos = createRepositories(test.database.prisma);
    workspaceId = (await repos.workspaces.ensure("slack", "T001", "Acme")).id;
  });
  afterAll(() => test.drop());

  /** Closes the previous test's workshop first: a workspace has one open workshop at a time. */
  async function workshopWithFacilitator(name: string) {
    const previous = await repos.workshops.current(workspaceId);
    if (previous) await repos.workshops.setPhase(previous.id, "closed");
    const owner = await repos.people.ensure(workspaceId, `U-${name}`, { displayName: "Fran", timezone: "Europe/Rome" });
    const workshop = await repos.workshops.create(workspaceId, { name, maxResultsPerProject: 3 }, owner.id);
    return { workshop, owner };
  }

  it("keeps one person per platform user and refreshes the profile", async () => {
    const first = await repos.people.ensure(workspaceId, "U100", { displayName: "Ada", timezone: "Asia/Tokyo" });
    const again = await repos.people.ensure(workspaceId, "U100", { displayName: "Ada L.", email: "ada@example.org" });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ displayName: "Ada L.", email: "ada@example.org", timezone: "Asia/Tokyo" });
    expect(await repos.people.externalIds(workspaceId, [first.id])).toEqual(new Map([[first.id, "U100"]]));
  });

  it("creates a workshop whose creator is its facilitator, and finds it as the workspace's current one", async () => {
    const { workshop, owner } = await workshopWithFacilitator("Industry 4.0");
    expect(workshop).toMatchObject({ phase: "setup", timezone: "UTC", reminderCadenceDays: [7, 3, 1, 0] });
    expect(await repos.workshops.isFacilitator(workshop.id, owner.id)).toBe(true);
    expect((await repos.workshops.current(workspaceId))?.id).toBe(workshop.id);

    const co = await repos.people.ensure(workspaceId, "U-co");
    await repos.workshops.setFacilitators(workshop.id, [co.id]);
    expect(await repos.workshops.facilitatorIds(workshop.id)).toEqual([owner.id, co.id]);
  });

  it("refuses a second project with the same acronym in one workshop", async () => {
    const { workshop } = await workshopWithFacilitator("Acronyms");
    await repos.projects.create(workshop.id, { acronym: "ALPHA", title: "A", partners: [], memberIds: [] });
    const duplicate = repos.projects.create(workshop.id, { acronym: "ALPHA", title: "B", partners: [], memberIds: [] });
    await expect(duplicate).rejects.toSatisfy(isUniqueViolation);
    expect((await repos.projects.findByAcronym(workshop.id, "alpha"))?.title).toBe("A");
  });

  it("updates partners and members, and lists a member's projects", async () => {
    const { workshop } = await workshopWithFacilitator("Members");
    const [ana, ben] = await repos.people.ensureMany(workspaceId, ["U-ana", "U-ben"]);
    const project = await repos.projects.create(workshop.id, {
      acronym: "BETA",
      title: "Beta",
      partners: ["Uni A", "SME B"],
      memberIds: [ana!.id],
    });
    const updated = await repos.projects.update(project.id, {
      acronym: "BETA",
      title: "Beta 2",
      partners: ["SME B", "Lab C"],
      memberIds: [ana!.id, ben!.id],
    });
    expect(updated.partners).toEqual(["Lab C", "SME B"]);
    expect(await repos.projects.isMember(project.id, ben!.id)).toBe(true);
    expect((await repos.projects.ofMember(workshop.id, ben!.id)).map((p) => p.acronym)).toEqual(["BETA"]);
  });

  it("replaces a result list in order, keeps renamed results and stores a characterisation with owners", async () => {
    const { workshop } = await workshopWithFacilitator("Results");
    const project = await repos.projects.create(workshop.id, {
      acronym: "GAMMA",
      title: "Gamma",
      partners: ["Uni A", "SME B"],
      memberIds: [],
    });
    const [first, second] = await repos.results.replaceList(project.id, [{ title: "Sensor kit" }, { title: "Twin" }]);
    const swapped = await repos.results.replaceList(project.id, [
      { id: second!.id, title: "Sensor kit" },
      { id: first!.id, title: "Digital twin" },
    ]);
    expect(swapped.map((r) => [r.id, r.title])).toEqual([
      [second!.id, "Sensor kit"],
      [first!.id, "Digital twin"],
    ]);

    const characterised = await repos.results.characterise(
      first!.id,
      {
        description: "A twin of the line",
        type: "software",
        keywords: ["twin", "simulation"],
        usp: null,
        trlNow: 4,
        trlExpected: 6,
        owners: ["Uni A", "Not a partner"],
        iprWithin: "Foreground of Uni A",
        iprProtection: ["copyright"],
        iprOutside: null,
        targetMarket: "Manufacturers",
        timeToMarket: "2 years",
        needs: "Pilot line",
      },
      "submitted",
    );
    expect(characterised).toMatchObject({
      status: "submitted",
      owners: ["Uni A"],
      trlNow: 4,
      keywords: ["twin", "simulation"],
    });

    const remaining = await repos.results.replaceList(project.id, [{ id: first!.id, title: "Digital twin" }]);
    expect(remaining).toHaveLength(1);
    expect(await repos.results.listForWorkshop(workshop.id)).toHaveLength(1);
  });

  it("keeps one interest per project and result; saving again replaces it", async () => {
    const { workshop } = await workshopWithFacilitator("Interests");
    const a = await repos.projects.create(workshop.id, { acronym: "A", title: "A", partners: [], memberIds: [] });
    const b = await repos.projects.create(workshop.id, { acronym: "B", title: "B", partners: [], memberIds: [] });
    const [result] = await repos.results.replaceList(b.id, [{ title: "Dataset" }]);
    await repos.interests.save(a.id, { resultId: result!.id, level: "low", kind: "use", note: null });
    await repos.interests.save(a.id, { resultId: result!.id, level: "high", kind: "co_develop", note: "pilot" });
    const interests = await repos.interests.listForProject(a.id);
    expect(interests).toHaveLength(1);
    expect(interests[0]).toMatchObject({ level: "high", kind: "co_develop", note: "pilot" });
  });

  it("sees a delivery key once, however often it comes", async () => {
    const outcomes = await Promise.all([1, 2, 3].map(() => repos.deliveries.firstTime("view:V1:hash")));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await repos.deliveries.firstTime("view:V1:hash")).toBe(false);
  });
});
