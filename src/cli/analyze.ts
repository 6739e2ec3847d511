import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
// Only light modules at the top: the engine, the file readers (ExcelJS) and the language model are loaded when the
// command runs, so that `clusterbot analyze --help` answers at once.
import type { Analysis, Workshop } from "../core/clustering/index.ts";
import { GRANULARITIES, type Granularity } from "../core/clustering/interchange.ts";
import type { FileIssue } from "../io/workshop-files/errors.ts";
import { TEMPLATE_FORMATS, type TemplateFormat } from "../io/workshop-files/types.ts";
import { terminalSafe } from "./terminal.ts";

/** Same value as the engine's DEFAULT_MAX_SIZE (checked by a test), kept here so help needs no engine. */
export const CLI_DEFAULT_MAX_SIZE = 10;

export interface AnalyzeCliOptions {
  json?: boolean;
  maxSize?: string;
  granularity?: string;
  template?: string;
  schema?: boolean;
  out?: string;
}

export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processOutput: CliOutput = {
  stdout: (text) => process.stdout.write(terminalSafe(text)),
  stderr: (text) => process.stderr.write(terminalSafe(text)),
};

/** Exit codes: 0 done, 2 bad input (file, options), 1 unexpected failure. */
export const EXIT_BAD_INPUT = 2;

class UsageError extends Error {}

export function registerAnalyzeCommand(program: Command): void {
  program
    .command("analyze")
    .description("Suggest clusters of exploitable results from a workshop file (.json, .csv or .xlsx)")
    .argument("[file]", "workshop file: .json, .csv or .xlsx")
    .option("--json", "print the analysis as JSON instead of a table")
    .option("--max-size <n>", `most results in one cluster (default ${CLI_DEFAULT_MAX_SIZE})`)
    .option("--granularity <level>", `fewer or more clusters among equally good ones: ${GRANULARITIES.join(" | ")}`)
    .option("--template <format>", `write an example workshop file to fill in: ${TEMPLATE_FORMATS.join(" | ")}`)
    .option("--schema", "print the JSON Schema of the workshop interchange format")
    .option("--out <file>", "write the analysis or template to this file instead of the terminal")
    .action(async (file: string | undefined, options: AnalyzeCliOptions) => {
      process.exitCode = await runAnalyze(file, options);
    });
}

/** Runs `analyze`; returns the exit code. Bad input is reported on stderr without a stack trace. */
export async function runAnalyze(
  file: string | undefined,
  options: AnalyzeCliOptions,
  output: CliOutput = processOutput,
): Promise<number> {
  // The reader and its error type only: the workshop-files index also loads ExcelJS (templates, .xlsx), which a
  // JSON or CSV file does not need.
  const files = {
    ...(await import("../io/workshop-files/read.ts")),
    ...(await import("../io/workshop-files/errors.ts")),
  };
  try {
    if (options.schema) {
      const { workshopJsonSchema } = await import("../core/clustering/interchange.ts");
      await emit(`${JSON.stringify(workshopJsonSchema(), null, 2)}\n`, options.out, output);
      return 0;
    }
    if (options.template !== undefined) {
      const { workshopTemplate } = await import("../io/workshop-files/templates.ts");
      return await writeTemplate(options, output, workshopTemplate);
    }
    if (!file) throw new UsageError("missing FILE: give a workshop file, or --template json|csv|xlsx for an example");
    const analysisOptions = {
      maxSize: parseMaxSize(options.maxSize),
      granularity: parseGranularity(options.granularity),
    };
    const loaded = await files.readWorkshopFile(file);
    for (const warning of loaded.warnings) output.stderr(`warning: ${files.formatFileIssue(warning)}\n`);
    const { analyzeWorkshop } = await import("../core/clustering/index.ts");
    const analysis = analyzeWorkshop(loaded.workshop, analysisOptions);
    const text = options.json ? `${JSON.stringify(analysis, null, 2)}\n` : renderTable(loaded.workshop, analysis);
    await emit(text, options.out, output);
    return 0;
  } catch (error) {
    return reportError(error, output, files);
  }
}

function reportError(
  error: unknown,
  output: CliOutput,
  files: typeof import("../io/workshop-files/errors.ts"),
): number {
  const { WorkshopFileError, formatFileIssue } = files;
  if (error instanceof WorkshopFileError) {
    output.stderr(
      `The workshop file cannot be analysed (${error.issues.length} problem${error.issues.length === 1 ? "" : "s"}):\n`,
    );
    for (const issue of error.issues) output.stderr(`  error: ${formatFileIssue(issue as FileIssue)}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof UsageError) {
    output.stderr(`error: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  output.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

function parseMaxSize(value: string | undefined): number {
  if (value === undefined) return CLI_DEFAULT_MAX_SIZE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2) throw new UsageError(`--max-size: expected a whole number ≥ 2, got "${value}"`);
  return n;
}

function parseGranularity(value: string | undefined): Granularity {
  if (value === undefined) return "normal";
  const found = GRANULARITIES.find((g) => g === value);
  if (!found) throw new UsageError(`--granularity: expected one of ${GRANULARITIES.join(", ")}, got "${value}"`);
  return found;
}

async function writeTemplate(
  options: AnalyzeCliOptions,
  output: CliOutput,
  workshopTemplate: (format: TemplateFormat) => Promise<string | Uint8Array>,
): Promise<number> {
  const format = TEMPLATE_FORMATS.find((f) => f === options.template?.toLowerCase()) as TemplateFormat | undefined;
  if (!format)
    throw new UsageError(`--template: expected one of ${TEMPLATE_FORMATS.join(", ")}, got "${options.template}"`);
  const content = await workshopTemplate(format);
  const out = options.out ?? (format === "xlsx" ? "workshop-template.xlsx" : undefined);
  await emit(content, out, output);
  if (out) output.stderr(`Template written to ${out}\n`);
  return 0;
}

async function emit(content: string | Uint8Array, out: string | undefined, output: CliOutput): Promise<void> {
  if (!out) {
    output.stdout(typeof content === "string" ? content : new TextDecoder().decode(content));
    return;
  }
  try {
    await writeFile(out, content);
  } catch (error) {
    throw new UsageError(`--out: cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** A table for people: one block per cluster with its evidence, then the unclustered results. */
export function renderTable(workshop: Workshop, analysis: Analysis): string {
  const titles = new Map(workshop.results.map((r) => [r.id, r.title]));
  const projects = new Map(workshop.projects.map((p) => [p.id, p.acronym ? `${p.acronym} (${p.id})` : p.id]));
  const lines = [
    `${workshop.workshop.name}: ${count(workshop.results.length, "result")} from ${count(workshop.projects.length, "project")} → ${count(analysis.clusters.length, "cluster")}, ${analysis.unclustered.length} unclustered`,
    "",
  ];
  for (const cluster of analysis.clusters) {
    lines.push(`${cluster.id.padEnd(4)}${cluster.label}   (cohesion ${cluster.cohesion.toFixed(2)})`);
    lines.push(`    projects: ${cluster.projects.map((p) => projects.get(p) ?? p).join(", ")}`);
    for (const id of cluster.results) lines.push(`    ${id.padEnd(8)} ${titles.get(id) ?? ""}`);
    lines.push(...wrap(`why: ${cluster.explanation}`, 110, "    "), "");
  }
  if (analysis.unclustered.length > 0) {
    lines.push("Unclustered (no cluster fits well enough):");
    for (const u of analysis.unclustered) {
      lines.push(
        `    ${u.result.padEnd(8)} ${titles.get(u.result) ?? ""}${u.nearest ? `   (nearest: ${u.nearest})` : ""}`,
      );
      if (u.reason) lines.push(...wrap(`why: ${u.reason}`, 110, "             "));
    }
  }
  return `${lines.join("\n")}\n`;
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
