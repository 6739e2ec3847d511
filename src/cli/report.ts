// `clusterbot report`: the workshop report from a file (analysis run inside) or from the database. Registering the
// command loads nothing heavy; the renderers, Chromium and the store are loaded when it runs.
import { writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import type { Command } from "commander";
import { parseReportFormat, REPORT_FORMATS, type ReportFormat } from "../core/report/formats.ts";
import { type CommandOutput, processOutput, reportFailure, UsageError } from "./output.ts";

export interface ReportCliOptions {
  format?: string;
  out?: string;
  workshop?: string;
  /** The report's date (YYYY-MM-DD); today by default. */
  date?: string;
}

export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description("write the workshop report (md, html, pdf, docx, xlsx) from a workshop file or from the database")
    .argument("[files...]", "a workshop file: .xlsx, .json, or .csv files (one table each); or use --workshop")
    .option("--format <format>", `${REPORT_FORMATS.join(" | ")}`, "pdf")
    .option("--out <path>", "where to write it (default: <workshop>-report.<format>; '-' prints md/html)")
    .option("--workshop <id>", "report a workshop stored in the database (its id or exact name)")
    .option("--date <day>", "the report's date, YYYY-MM-DD (default: today)")
    .action(async (files: string[], options: ReportCliOptions) => {
      process.exitCode = await runReport(files, options);
    });
}

/** Runs `report`; returns the exit code. */
export async function runReport(
  files: string[],
  options: ReportCliOptions,
  output: CommandOutput = processOutput,
  now: () => Date = () => new Date(),
): Promise<number> {
  try {
    const format = parseReportFormat(options.format ?? "pdf");
    if (!format)
      throw new UsageError(`--format: expected one of ${REPORT_FORMATS.join(", ")}, got "${options.format}"`);
    if (files.length > 0 && options.workshop) throw new UsageError("give a workshop file or --workshop, not both");
    if (files.length === 0 && !options.workshop)
      throw new UsageError(
        "missing FILE: give a workshop file (.xlsx, .json, .csv), or --workshop ID for a stored one",
      );
    if (options.out === "-" && (format === "pdf" || format === "docx" || format === "xlsx"))
      throw new UsageError(`--out -: a ${format} report is a binary file; give a file name`);
    const date = options.date ?? new Date(now()).toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
      throw new UsageError(`--date: expected YYYY-MM-DD, got "${options.date}"`);

    const report = options.workshop
      ? await storedReport(options.workshop, date)
      : await fileReport(files, date, output);
    const out = options.out ?? `${slug(report.workshop.name)}-report.${format}`;
    await writeReport(report, format, out, output);
    return 0;
  } catch (error) {
    return reportFailure(error, output, "The report cannot be made");
  }
}

async function fileReport(files: string[], generatedOn: string, output: CommandOutput) {
  const { readRecordFiles } = await import("../io/workshop-records/read.ts");
  const { formatFileIssue } = await import("../io/workshop-files/errors.ts");
  const { buildReport } = await import("../core/report/build.ts");
  const loaded = await readRecordFiles(files);
  for (const warning of loaded.warnings) output.stderr(`warning: ${formatFileIssue(warning)}\n`);
  return buildReport(loaded.input, { generatedOn });
}

async function storedReport(workshop: string, generatedOn: string) {
  const { withRepositories } = await import("./with-store.ts");
  const { chooseWorkshop } = await import("../app/report/choose-workshop.ts");
  const { workshopReport } = await import("../app/report/make-report.ts");
  return withRepositories(async (repos) => {
    const chosen = await chooseWorkshop(repos, workshop);
    return workshopReport(repos, { now: () => new Date(`${generatedOn}T12:00:00Z`) }, chosen.id);
  });
}

async function writeReport(
  report: import("../core/report/model.ts").Report,
  format: ReportFormat,
  out: string,
  output: CommandOutput,
): Promise<void> {
  const { renderReport } = await import("../io/report/index.ts");
  const mapFileName = `${basename(out === "-" ? "report" : out, extname(out))}-cluster-map.svg`;
  const rendered = await renderReport(report, format, { mapFileName });
  if (out === "-") {
    output.stdout(rendered.main.content);
    return;
  }
  await writeFileOrFail(out, rendered.main.content);
  for (const attachment of rendered.attachments)
    await writeFileOrFail(join(dirname(out), mapFileName), attachment.content);
  const extra = rendered.attachments.length ? ` and its map ${join(dirname(out), mapFileName)}` : "";
  output.stderr(
    `Report written to ${out}${extra}: ${report.figures.projects} projects, ${report.figures.results} results, ` +
      `${report.figures.clusters} clusters${report.clustersSource === "analysis" ? " (suggested by the analysis)" : ""}.\n`,
  );
}

async function writeFileOrFail(path: string, content: Uint8Array): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (error) {
    throw new UsageError(`--out: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** A file-name-safe version of a workshop name ("Łódź 2026!" → "lodz-2026"). */
export function slug(name: string): string {
  const plain = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return plain.slice(0, 60) || "workshop";
}
