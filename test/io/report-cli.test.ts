// clusterbot report / import / export as a user runs them: in process for the file paths and errors, and as real
// processes against a PGlite data folder for the database paths.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.ts";
import { type ReportCliOptions, runReport, slug } from "../../src/cli/report.ts";
import { openDatabase } from "../../src/store/database.ts";
import { applyMigrations } from "../../src/store/migrations/migrations.ts";
import { createRepositories } from "../../src/store/repositories/index.ts";
import { runCli } from "../support/process.ts";

const dir = mkdtempSync(join(tmpdir(), "clusterbot-report-cli-"));

async function report(files: string[], options: ReportCliOptions) {
  let stdout = "";
  let stderr = "";
  const code = await runReport(files, options, {
    stdout: (t) => (stdout += typeof t === "string" ? t : new TextDecoder().decode(t)),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe("clusterbot report FILE", () => {
  it("runs the analysis inside and writes the report in the format asked for", async () => {
    const out = join(dir, "realistic.md");
    const run = await report(["test/fixtures/workshops/realistic.json"], { format: "md", out, date: "2026-05-01" });
    expect(run).toMatchObject({ code: 0, stdout: "" });
    expect(run.stderr).toMatch(
      /Report written to .*realistic\.md and its map .*realistic-cluster-map\.svg: 22 projects, 40 results, \d+ clusters \(suggested by the analysis\)/,
    );
    const markdown = readFileSync(out, "utf8");
    expect(markdown).toContain("# Workshop report: Hand-written realistic workshop (for evaluation)");
    expect(markdown).toContain("](realistic-cluster-map.svg)");
    expect(readFileSync(join(dir, "realistic-cluster-map.svg"), "utf8")).toMatch(/^<svg /);
  });

  it("prints Markdown or HTML with --out -, and refuses to print a binary format", async () => {
    const html = await report(["test/fixtures/workshops/realistic.json"], { format: "html", out: "-" });
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(await report(["x.json"], { format: "pdf", out: "-" })).toMatchObject({
      code: 2,
      stderr: "error: --out -: a pdf report is a binary file; give a file name\n",
    });
  });

  it("reports bad input with its place and exit code 2, never a stack trace", async () => {
    const bad = join(dir, "bad-results.csv");
    writeFileSync(bad, "id,project,title,trl\nR1,P1,Kit,ten\n");
    const run = await report([bad], { format: "md", out: join(dir, "bad.md") });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: ${bad}, row 2, column D, field "trl": expected a whole number from 1 to 9`);
    expect(run.stderr).not.toMatch(/\bat \w+ \(/);
    expect(await report(["x.json"], { format: "odt" })).toMatchObject({
      code: 2,
      stderr: 'error: --format: expected one of md, html, pdf, docx, xlsx, got "odt"\n',
    });
    expect((await report([], { format: "md" })).stderr).toMatch(/missing FILE/);
    const unnamed = join(dir, "homework.csv");
    writeFileSync(unnamed, "a,b\n1,2\n");
    expect((await report([unnamed], { format: "md" })).stderr).toMatch(/name it after one \(projects\.csv/);
  });

  it("reads CSV files separated by semicolons, as European spreadsheets save them", async () => {
    const folder = mkdtempSync(join(dir, "semicolons-"));
    writeFileSync(join(folder, "projects.csv"), "acronym;title;partners\nALPHA;Alpha;Müller GmbH (DE)\nBETA;Beta;\n");
    writeFileSync(
      join(folder, "results.csv"),
      'id;project;title;description;keywords\nA-1;ALPHA;Kit, small;"Edge kit; retrofit";vibration, sensors\n' +
        "B-1;BETA;Line;Pilot line for sensors;vibration\n",
    );
    const run = await report([folder], { format: "md", out: "-" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("### A-1 · Kit, small");
    expect(run.stdout).toContain("- **Description:** Edge kit; retrofit");
    expect(run.stdout).toContain("Müller GmbH (DE)");
  });

  it("turns a workshop name into a file name", () => {
    expect(slug("Łódź Industry 4.0 — São Paulo!")).toBe("lodz-industry-4-0-sao-paulo");
    expect(slug("***")).toBe("workshop");
  });
});

describe("the command line", () => {
  it("registers report, import and export with their options", async () => {
    const program = await buildProgram();
    const options = (name: string) =>
      program.commands.find((c) => c.name() === name)!.options.map((o: Command["options"][number]) => o.long);
    expect(options("report")).toEqual(["--format", "--out", "--workshop", "--date"]);
    expect(options("import")).toEqual(["--workshop", "--dry-run", "--template", "--out"]);
    expect(options("export")).toEqual(["--workshop", "--format", "--out"]);
  });
});

describe("import, export and report on a PGlite folder (real processes)", () => {
  it("imports the template, says nothing changed the second time, exports it and reports it", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "clusterbot-cli-db-"));
    const database = await openDatabase({ kind: "pglite", dataDir: join(cwd, ".clusterbot/data") });
    await applyMigrations(database);
    const repos = createRepositories(database.prisma);
    const workspace = await repos.workspaces.ensure("slack", "T-CLI", "Acme");
    const owner = await repos.people.ensure(workspace.id, "U-OWNER", { displayName: "Anna Müller" });
    await repos.workshops.create(workspace.id, { name: "Łódź 2026", maxResultsPerProject: 3 }, owner.id);
    await database.close();

    const cli = async (args: string[]) => {
      const run = runCli(args, {}, cwd);
      return { code: await run.exited, output: run.output() };
    };
    expect(await cli(["import", "--template", "xlsx"])).toMatchObject({ code: 0 });
    const imported = await cli(["import", "clusterbot-import-template.xlsx"]);
    expect(imported.code).toBe(0);
    expect(imported.output).toContain(
      'Imported into "Łódź 2026": 2 projects created, 3 partners added or updated, 3 members added, 2 results created, 1 interest saved.',
    );
    expect(imported.output).toContain("2 people are known by email only");
    const again = await cli(["import", "clusterbot-import-template.xlsx"]);
    expect(again.output).toContain('Nothing to change: "Łódź 2026" already holds everything in the file.');

    const exported = await cli(["export", "--format", "csv"]);
    expect(exported.output).toContain('Exported "Łódź 2026" to lodz-2026-export/: 2 projects, 2 results, 1 interests');
    expect(readdirSync(join(cwd, "lodz-2026-export")).sort()).toEqual([
      "interests.csv",
      "members.csv",
      "partners.csv",
      "projects.csv",
      "results.csv",
      "workshop.csv",
    ]);
    const members = readFileSync(join(cwd, "lodz-2026-export/members.csv"), "utf8");
    expect(members).toContain("ALPHA,Zofia Wójcik,zofia.wojcik@example.org,");
    expect(members).toContain("ALPHA,Jonas Müller,,slack:U0123ABCD");

    const reported = await cli(["report", "--workshop", "Łódź 2026", "--format", "md", "--out", "-"]);
    expect(reported.code).toBe(0);
    expect(reported.output).toContain("# Workshop report: Łódź 2026");
    expect(reported.output).toContain("Müller GmbH (DE), Politechnika Łódzka (PL)");
    expect(existsSync(join(cwd, "report-cluster-map.svg"))).toBe(false);
  }, 120_000);
});
