// Use case: a workshop's homework, interests, clusters and work-plans as files that `import`, `report` and
// `analyze` read back. The chat command (`/cluster export`) will call `facilitatorExport`.
import type { ReportInput } from "../../core/report/input.ts";
import { recordToCsv, recordToXlsx } from "../../io/workshop-records/write.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor } from "../context.ts";
import { loadWorkshopInput } from "../report/load-workshop.ts";

export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One workbook, or one CSV file per table (file name → text). */
export type ExportedFiles = { format: "xlsx"; workbook: Uint8Array } | { format: "csv"; files: Map<string, string> };

export async function exportWorkshop(
  repos: Repositories,
  workshopId: string,
  format: ExportFormat,
): Promise<{ input: ReportInput; exported: ExportedFiles }> {
  const input = await loadWorkshopInput(repos, workshopId);
  const exported: ExportedFiles =
    format === "xlsx" ? { format, workbook: await recordToXlsx(input) } : { format, files: recordToCsv(input) };
  return { input, exported };
}

export async function facilitatorExport(repos: Repositories, actor: Actor, format: ExportFormat) {
  const workshop = await facilitatedWorkshop(repos, actor);
  return exportWorkshop(repos, workshop.id, format);
}
