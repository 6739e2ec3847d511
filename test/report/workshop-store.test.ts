// Import, export and the report on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportWorkshop } from "../../src/app/export/export-workshop.ts";
import { importIntoWorkshop } from "../../src/app/import/import-workshop.ts";
import { adoptInvitedMember } from "../../src/app/import/invited-members.ts";
import { chooseWorkshop } from "../../src/app/report/choose-workshop.ts";
import { loadWorkshopInput } from "../../src/app/report/load-workshop.ts";
import { workshopReport } from "../../src/app/report/make-report.ts";
import { type ReportInput, reportInputSchema } from "../../src/core/report/input.ts";
import { formatFileIssue, WorkshopFileError } from "../../src/io/workshop-files/errors.ts";
import { readRecordFiles } from "../../src/io/workshop-records/read.ts";
import { recordToXlsx } from "../../src/io/workshop-records/write.ts";
import { createRepositories, type Repositories } from "../../src/store/repositories/index.ts";
import { backends, createTestDatabase, type TestDatabase } from "../support/database.ts";
import { reviewedWorkshop } from "./fixture.ts";

const dir = mkdtempSync(join(tmpdir(), "clusterbot-store-"));
const clock = { now: () => new Date("2026-05-01T10:00:00Z") };

/** The fixture's homework (no clusters: import does not write them). */
function homework(): ReportInput {
  const { clusters: _c, unclustered: _u, history: _h, ...rest } = reviewedWorkshop();
  return reportInputSchema.parse(rest);
}

async function fileOf(name: string, input: ReportInput): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await recordToXlsx(input));
  return file;
}

describe.each(backends)("workshop import, export and report on %s", (backend) => {
  let test: TestDatabase;
  let repos: Repositories;
  let counter = 0;

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    repos = createRepositories(test.database.prisma);
  });
  afterAll(() => test.drop());

  /** A workshop in a workspace of its own: a workspace has at most one open workshop. */
  async function newWorkshop(maxResultsPerProject = 3) {
    const workspaceId = (await repos.workspaces.ensure("slack", `T-REPORT-${++counter}`, "Acme")).id;
    const owner = await repos.people.ensure(workspaceId, `U-FAC-${counter}`, { displayName: "Anna Müller" });
    return repos.workshops.create(workspaceId, { name: `Łódź workshop ${counter}`, maxResultsPerProject }, owner.id);
  }

  async function rowCounts() {
    const p = test.database.prisma;
    return {
      projects: await p.project.count(),
      partners: await p.partnerOrganisation.count(),
      members: await p.projectMember.count(),
      people: await p.person.count(),
      results: await p.exploitableResult.count(),
      interests: await p.interest.count(),
    };
  }

  async function importFile(workshopId: string, file: string) {
    const loaded = await readRecordFiles([file]);
    const outcome = await importIntoWorkshop(repos, workshopId, loaded.input);
    return { loaded, outcome };
  }

  it("imports projects, partners, members and homework; the same file again changes nothing", async () => {
    const workshop = await newWorkshop();
    const file = await fileOf("homework.xlsx", homework());
    const first = await importFile(workshop.id, file);
    expect(first.outcome).toEqual({
      ok: true,
      summary: expect.objectContaining({
        projectsCreated: 4,
        partnersAdded: 5,
        membersAdded: 3,
        peopleInvited: 2,
        resultsCreated: 5,
        interestsSaved: 3,
      }),
    });
    const after = await rowCounts();
    const again = await importFile(workshop.id, file);
    expect(again.outcome).toEqual({
      ok: true,
      summary: {
        projectsCreated: 0,
        projectsUpdated: 0,
        partnersAdded: 0,
        membersAdded: 0,
        peopleInvited: 0,
        resultsCreated: 0,
        resultsUpdated: 0,
        interestsSaved: 0,
        notImported: [],
      },
    });
    expect(await rowCounts()).toEqual(after);

    const stored = await loadWorkshopInput(repos, workshop.id);
    const alpha = stored.projects.find((p) => p.acronym === "ALPHA")!;
    expect(alpha.partners).toEqual([
      { name: "Müller GmbH", country: "DE" },
      { name: "Politechnika Łódzka", country: "PL" },
    ]);
    expect(alpha.members).toEqual([{ name: "Zofia Wójcik", email: "zofia@p.lodz.example", platformUser: undefined }]);
    const beta = stored.projects.find((p) => p.acronym === "BETA")!;
    expect(beta.members.map((m) => m.platformUser)).toContain("slack:U0BETA");
    expect(stored.results.find((r) => r.id === "ALPHA-1")).toMatchObject({
      title: "Spindle health monitoring module",
      trlNow: 6,
      trlExpected: 8,
      owners: ["Müller GmbH", "Politechnika Łódzka"],
      iprProtection: ["patent"],
      status: "submitted",
    });
    expect(stored.interests).toContainEqual({
      project: "BETA",
      result: "ALPHA-1",
      level: "high",
      kind: "validate",
      note: "Test it on our pilot line",
    });
  });

  it("updates what changed and never blanks what a cell leaves empty", async () => {
    const workshop = await newWorkshop();
    await importFile(workshop.id, await fileOf("first.xlsx", homework()));
    const changed = homework();
    changed.results[0]!.trlNow = 7;
    changed.results[0]!.description = undefined;
    changed.interests[0]!.level = "medium";
    const { outcome } = await importFile(workshop.id, await fileOf("changed.xlsx", changed));
    expect(outcome).toMatchObject({ ok: true, summary: { resultsUpdated: 1, interestsSaved: 1, resultsCreated: 0 } });
    const stored = await loadWorkshopInput(repos, workshop.id);
    expect(stored.results.find((r) => r.id === "ALPHA-1")).toMatchObject({
      trlNow: 7,
      description: homework().results[0]!.description,
    });
    expect(stored.interests.find((i) => i.result === "ALPHA-1" && i.project === "BETA")?.level).toBe("medium");
  });

  it("checks every row first: one located message per bad row, and nothing written", async () => {
    const workshop = await newWorkshop(1);
    const bad = homework();
    bad.projects[0]!.members.push({ name: "Wrong platform", platformUser: "teams:29:abc" });
    const file = await fileOf("too-many.xlsx", bad);
    const before = await rowCounts();
    const { loaded, outcome } = await importFile(workshop.id, file);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const messages = outcome.issues.map((i) => formatFileIssue(loaded.locate(i.path, i.message)));
    expect(messages).toEqual([
      `${file}, sheet results, row 3, column C, field "title": ALPHA would have 2 results; the workshop allows 1 per project (a facilitator can raise the limit in /cluster setup)`,
      `${file}, sheet members, row 3, column D, field "platform_user": "teams:29:abc" is a teams user, but this workshop runs on slack`,
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it("links a member imported by email to their chat account when they first appear", async () => {
    const workshop = await newWorkshop();
    await importFile(workshop.id, await fileOf("invite.xlsx", homework()));
    const alpha = (await repos.projects.findByAcronym(workshop.id, "ALPHA"))!;
    const [invitedId] = alpha.memberIds;
    expect((await repos.people.find(invitedId!))?.email).toBe("zofia@p.lodz.example");

    // Zofia opens the bot: the actor resolution creates her person, stores her profile, then links her.
    const { workspaceId } = workshop;
    const chatUser = await repos.people.ensure(workspaceId, "U-ZOFIA", {
      displayName: "Zofia Wójcik",
      email: "Zofia@P.Lodz.example",
    });
    expect(await adoptInvitedMember(repos, { workspaceId, personId: chatUser.id, email: chatUser.email })).toBe(1);
    expect((await repos.projects.findByAcronym(workshop.id, "ALPHA"))!.memberIds).toEqual([chatUser.id]);
    expect(await repos.people.find(invitedId!)).toBeNull();
    expect(await adoptInvitedMember(repos, { workspaceId, personId: chatUser.id, email: chatUser.email })).toBe(0);

    // Importing the file again finds her by email: no second invitation.
    const again = await importFile(workshop.id, await fileOf("invite.xlsx", homework()));
    expect(again.outcome).toMatchObject({ ok: true, summary: { membersAdded: 0, peopleInvited: 0 } });
  });

  it("reports a stored workshop: its clusters, work-plan items and partners, with the ids people read", async () => {
    const workshop = await newWorkshop();
    await importFile(workshop.id, await fileOf("for-report.xlsx", homework()));
    const p = test.database.prisma;
    const results = await p.exploitableResult.findMany({ where: { project: { workshopId: workshop.id } } });
    const byTitle = new Map(results.map((r) => [r.title, r.id]));
    await p.cluster.create({
      data: {
        workshopId: workshop.id,
        label: "Machine-tool maintenance",
        explanation: "Shared terms: machine tools.",
        cohesion: 0.41,
        status: "approved",
        members: {
          create: ["Spindle health monitoring module", "Open pilot line for machining"].map((t) => ({
            resultId: byTitle.get(t)!,
          })),
        },
        workPlan: {
          create: {
            activity: "Pilot the spindle module on the São Paulo line",
            leadPartner: "Universidade de São Paulo",
            startDate: new Date("2026-04-01"),
            status: "agreed",
          },
        },
      },
    });
    const facilitator = await p.workshopFacilitator.findFirstOrThrow({ where: { workshopId: workshop.id } });
    await p.clusterEdit.create({
      data: {
        workshopId: workshop.id,
        runId: "run-1",
        personId: facilitator.personId,
        version: 1,
        kind: "rename",
        summary: "renamed “Machine tools” to “Machine-tool maintenance”",
      },
    });
    const report = await workshopReport(repos, clock, workshop.id);
    expect(report.history).toEqual([
      expect.objectContaining({ by: "Anna Müller", action: "renamed “Machine tools” to “Machine-tool maintenance”" }),
    ]);
    expect(report.clustersSource).toBe("stored");
    expect(report.clusters[0]).toMatchObject({
      id: "c1",
      label: "Machine-tool maintenance",
      status: "approved",
      projects: ["ALPHA", "BETA"],
      results: [
        { id: "ALPHA-1", title: "Spindle health monitoring module", projectAcronym: "ALPHA" },
        { id: "BETA-1", title: "Open pilot line for machining", projectAcronym: "BETA" },
      ],
      workPlan: [
        expect.objectContaining({ activity: "Pilot the spindle module on the São Paulo line", start: "2026-04-01" }),
      ],
    });
    expect(report.unclustered.map((u) => [u.id, u.reason])).toEqual(
      expect.arrayContaining([
        ["ALPHA-2", "not-placed"],
        ["DELTA-1", "not-characterised"],
      ]),
    );
    expect(report.generatedOn).toBe("2026-05-01");
    expect(report.summaries.find((s) => s.acronym === "BETA")?.clusters[0]?.with).toEqual(["ALPHA"]);
  });

  it("exports what import, report and analyze read back, and an import of the export exports the same", async () => {
    const workshop = await newWorkshop();
    // analyze compares results by their text: it needs a description or keywords on each (report and import do not).
    const source = homework();
    source.results.find((r) => r.id === "DELTA-1")!.description = "Yield forecasts for vineyards from weather data.";
    await importFile(workshop.id, await fileOf("source.xlsx", source));
    const exported = await exportWorkshop(repos, workshop.id, "xlsx");
    if (exported.exported.format !== "xlsx") throw new Error("expected a workbook");
    const file = join(dir, "export.xlsx");
    writeFileSync(file, exported.exported.workbook);
    const readBack = await readRecordFiles([file]);
    expect(readBack.input).toEqual(exported.input);

    const csv = await exportWorkshop(repos, workshop.id, "csv");
    if (csv.exported.format !== "csv") throw new Error("expected CSV files");
    const folder = mkdtempSync(join(dir, "csv-"));
    for (const [name, text] of csv.exported.files) writeFileSync(join(folder, name), text);
    expect((await readRecordFiles([folder])).input).toEqual(exported.input);

    const copy = await newWorkshop();
    expect((await importFile(copy.id, file)).outcome.ok).toBe(true);
    const again = await exportWorkshop(repos, copy.id, "xlsx");
    expect({ ...again.input, workshop: {} }).toEqual({ ...exported.input, workshop: {} });

    // analyze reads the same workbook: its projects, results and interests sheets.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.exported.workbook as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["workshop", "projects", "results", "interests", "partners", "members"]),
    );
    const { parseWorkshopXlsx } = await import("../../src/io/workshop-files/xlsx.ts");
    const analyzed = await parseWorkshopXlsx(exported.exported.workbook, file);
    expect(analyzed.workshop.results.map((r) => r.id).sort()).toEqual(exported.input.results.map((r) => r.id).sort());
    expect(analyzed.workshop.interests).toHaveLength(3);
  });

  it("chooses the workshop by id or name, and lists them when it cannot tell", async () => {
    const workshop = await newWorkshop();
    expect((await chooseWorkshop(repos, workshop.id)).name).toBe(workshop.name);
    expect((await chooseWorkshop(repos, workshop.name)).id).toBe(workshop.id);
    await expect(chooseWorkshop(repos)).rejects.toThrow(/Several workshops are open; say which with --workshop ID/);
    await expect(chooseWorkshop(repos, "Nope")).rejects.toThrow(
      new RegExp(`There is no workshop "Nope"[\\s\\S]*${workshop.id}`),
    );
  });
});

describe("a bad import file", () => {
  it("is refused before the database is touched, one message per bad row with its place", async () => {
    const bad = homework();
    const file = await fileOf("broken.xlsx", bad);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const results = workbook.getWorksheet("results")!;
    results.getCell("H2").value = "ten";
    results.getCell("B4").value = "OMEGA";
    workbook.getWorksheet("members")!.getCell("C2").value = "not-an-email";
    await workbook.xlsx.writeFile(file);
    const error = await readRecordFiles([file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkshopFileError);
    expect((error as WorkshopFileError).issues.map(formatFileIssue)).toEqual([
      `${file}, sheet results, row 2, column H, field "trl": expected a whole number from 1 to 9, got "ten"`,
      `${file}, sheet members, row 2, column C, field "email": expected an email address`,
      `${file}, sheet results, row 4, column B, field "project": unknown project "OMEGA" (known: ALPHA, BETA, DELTA, GAMMA)`,
    ]);
  });
});
