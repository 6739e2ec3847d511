import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { type AnalyzeCliOptions, registerAnalyzeCommand, runAnalyze } from "../../src/cli/analyze.ts";
import { analysisSchema } from "../../src/core/clustering/index.ts";

const dir = mkdtempSync(join(tmpdir(), "clusterbot-cli-"));

async function run(file: string | undefined, options: AnalyzeCliOptions) {
  let stdout = "";
  let stderr = "";
  const code = await runAnalyze(file, options, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("clusterbot analyze", () => {
  it("registers the command with its options", () => {
    const program = new Command();
    registerAnalyzeCommand(program);
    const command = program.commands.find((c) => c.name() === "analyze")!;
    expect(command.options.map((o) => o.long)).toEqual([
      "--json",
      "--max-size",
      "--granularity",
      "--template",
      "--schema",
      "--out",
    ]);
  });

  for (const format of ["json", "csv", "xlsx"] as const) {
    it(`analyses its own ${format} template`, async () => {
      const file = join(dir, `template.${format}`);
      expect((await run(undefined, { template: format, out: file })).code).toBe(0);
      const table = await run(file, {});
      expect(table).toMatchObject({ code: 0, stderr: "" });
      expect(table.stdout).toMatch(/1 cluster, 0 unclustered/);
      expect(table.stdout).toContain("why: Shared terms:");
      const json = await run(file, { json: true });
      const cluster = analysisSchema.parse(JSON.parse(json.stdout)).clusters[0];
      expect(cluster?.results).toEqual(["R1", "R2"]);
      expect(cluster?.explanation).toContain("“Spindle health monitoring module” needs validation / testing");
    });
  }

  it("prints json and csv templates when no --out is given", async () => {
    expect((await run(undefined, { template: "csv" })).stdout).toMatch(/^id,project,project_acronym/);
    expect(JSON.parse((await run(undefined, { template: "json" })).stdout).results).toHaveLength(2);
  });

  it("reports a bad file with located messages and exit code 2, without a stack trace", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, "id,project,title,trl\nR1,P1,Kit,ten\n");
    const { code, stdout, stderr } = await run(file, {});
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`error: ${file}, row 2, field "trl": expected a whole number from 1 to 9, got "ten"`);
    expect(stderr).toContain(`error: ${file}, row 2, field "description": expected a description or keywords`);
    expect(stderr).not.toMatch(/\bat \w+ \(/);
  });

  it("rejects bad options and a missing file argument with exit code 2", async () => {
    expect(await run("x.json", { maxSize: "one" })).toMatchObject({
      code: 2,
      stderr: 'error: --max-size: expected a whole number ≥ 2, got "one"\n',
    });
    expect(await run("x.json", { granularity: "huge" })).toMatchObject({
      code: 2,
      stderr: 'error: --granularity: expected one of coarse, normal, fine, got "huge"\n',
    });
    expect(await run(undefined, { template: "pdf" })).toMatchObject({ code: 2 });
    expect((await run(undefined, {})).code).toBe(2);
  });
});

describe("analyze --schema", () => {
  it("prints the interchange format's JSON Schema, which requires a result's id, project and title", async () => {
    const { code, stdout } = await run(undefined, { schema: true });
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.$schema).toContain("json-schema.org");
    const result = schema.properties.results.items;
    expect(result.required).toEqual(expect.arrayContaining(["id", "project", "title"]));
  });
});
