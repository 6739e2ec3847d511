// `clusterbot import`: projects, partners, members and (optionally) homework from a spreadsheet into a stored
// workshop — all rows checked first, one message per problem with its place, then all written or nothing.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { type CommandOutput, processOutput, reportFailure, UsageError } from "./output.ts";

export interface ImportCliOptions {
  workshop?: string;
  template?: string;
  out?: string;
  dryRun?: boolean;
}

const TEMPLATE_FORMATS = ["xlsx", "csv"] as const;

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("add projects, partners, members and homework from a spreadsheet (.xlsx, or .csv files) to a workshop")
    .argument("[files...]", "an .xlsx workbook, or .csv files named after their table (projects.csv, members.csv, …)")
    .option("--workshop <id>", "the workshop to import into (its id or exact name; default: the only open one)")
    .option("--dry-run", "check the file and say what would change, without writing anything")
    .option("--template <format>", `write an example to fill in: ${TEMPLATE_FORMATS.join(" | ")}`)
    .option("--out <path>", "with --template: the file (xlsx) or folder (csv) to write")
    .action(async (files: string[], options: ImportCliOptions) => {
      process.exitCode = await runImport(files, options);
    });
}

export async function runImport(
  files: string[],
  options: ImportCliOptions,
  output: CommandOutput = processOutput,
): Promise<number> {
  try {
    if (options.template !== undefined) return await writeTemplate(options, output);
    if (files.length === 0)
      throw new UsageError("missing FILE: give a workbook or CSV files, or --template xlsx|csv for an example");
    const { readRecordFiles } = await import("../io/workshop-records/read.ts");
    const { formatFileIssue, WorkshopFileError } = await import("../io/workshop-files/errors.ts");
    const loaded = await readRecordFiles(files);
    for (const warning of loaded.warnings) output.stderr(`warning: ${formatFileIssue(warning)}\n`);
    const { withRepositories } = await import("./with-store.ts");
    const { chooseWorkshop } = await import("../app/report/choose-workshop.ts");
    const { importIntoWorkshop } = await import("../app/import/import-workshop.ts");
    const done = await withRepositories(async (repos) => {
      const workshop = await chooseWorkshop(repos, options.workshop);
      return { workshop, outcome: await importIntoWorkshop(repos, workshop.id, loaded.input, options) };
    });
    if (!done.outcome.ok) throw new WorkshopFileError(done.outcome.issues.map((i) => loaded.locate(i.path, i.message)));
    const { describeImport } = await import("../app/import/describe.ts");
    output.stdout(`${describeImport(done.workshop.name, done.outcome.summary, options.dryRun ?? false)}\n`);
    return 0;
  } catch (error) {
    return reportFailure(error, output, "Nothing was imported: the file has problems");
  }
}

async function writeTemplate(options: ImportCliOptions, output: CommandOutput): Promise<number> {
  const format = TEMPLATE_FORMATS.find((f) => f === options.template?.toLowerCase());
  if (!format)
    throw new UsageError(`--template: expected one of ${TEMPLATE_FORMATS.join(", ")}, got "${options.template}"`);
  const { IMPORT_TEMPLATE } = await import("../io/workshop-records/template.ts");
  const { reportInputSchema } = await import("../core/report/input.ts");
  const { recordToCsv, recordToXlsx } = await import("../io/workshop-records/write.ts");
  const input = reportInputSchema.parse(IMPORT_TEMPLATE);
  if (format === "xlsx") {
    const out = options.out ?? "clusterbot-import-template.xlsx";
    await writeFile(out, await recordToXlsx(input));
    output.stderr(`Template written to ${out}\n`);
    return 0;
  }
  const folder = options.out ?? "clusterbot-import-template";
  await mkdir(folder, { recursive: true });
  for (const [name, text] of recordToCsv(input)) await writeFile(join(folder, name), text);
  output.stderr(`Template written to ${folder}/ (one CSV file per table)\n`);
  return 0;
}
