// `clusterbot export`: a stored workshop's homework, interests, clusters and work-plans as XLSX or CSV files that
// `import`, `report` and `analyze` read back.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { type CommandOutput, processOutput, reportFailure, UsageError } from "./output.ts";
import { slug } from "./report.ts";

export interface ExportCliOptions {
  workshop?: string;
  format?: string;
  out?: string;
}

const FORMATS = ["xlsx", "csv"] as const;

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("write a workshop's homework, interests, clusters and work-plans as XLSX or CSV files")
    .option("--workshop <id>", "the workshop (its id or exact name; default: the only open one)")
    .option("--format <format>", FORMATS.join(" | "), "xlsx")
    .option("--out <path>", "the workbook (xlsx) or the folder for the CSV files (default: <workshop>-export)")
    .action(async (options: ExportCliOptions) => {
      process.exitCode = await runExport(options);
    });
}

export async function runExport(options: ExportCliOptions, output: CommandOutput = processOutput): Promise<number> {
  try {
    const format = FORMATS.find((f) => f === (options.format ?? "xlsx").toLowerCase());
    if (!format) throw new UsageError(`--format: expected one of ${FORMATS.join(", ")}, got "${options.format}"`);
    const { withRepositories } = await import("./with-store.ts");
    const { chooseWorkshop } = await import("../app/report/choose-workshop.ts");
    const { exportWorkshop } = await import("../app/export/export-workshop.ts");
    const { input, exported } = await withRepositories(async (repos) =>
      exportWorkshop(repos, (await chooseWorkshop(repos, options.workshop)).id, format),
    );
    const base = options.out ?? `${slug(input.workshop.name)}-export${format === "xlsx" ? ".xlsx" : ""}`;
    if (exported.format === "xlsx") await writeFile(base, exported.workbook);
    else {
      await mkdir(base, { recursive: true });
      for (const [name, text] of exported.files) await writeFile(join(base, name), text);
    }
    const clusters = input.clusters?.length ?? 0;
    output.stderr(
      `Exported "${input.workshop.name}" to ${base}${format === "csv" ? "/" : ""}: ${input.projects.length} projects, ` +
        `${input.results.length} results, ${input.interests.length} interests, ${clusters} clusters.\n`,
    );
    return 0;
  } catch (error) {
    return reportFailure(error, output, "The export failed");
  }
}
