// Use cases: a workshop's report as a file, from the database. The chat command (`/cluster report`) will call
// `facilitatorReport`; the command line calls `workshopReportFile` directly (it has the database, not an actor).
import { buildReport } from "../../core/report/build.ts";
import type { ReportFormat } from "../../core/report/formats.ts";
import { groupReportTitle } from "../../core/report/group.ts";
import type { Report } from "../../core/report/model.ts";
import { type RenderedReport, type RenderOptions, renderReport } from "../../io/report/index.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies, Clock } from "../context.ts";
import { loadGroupInput, loadWorkshopInput } from "./load-workshop.ts";

export async function workshopReport(repos: Repositories, clock: Clock, workshopId: string): Promise<Report> {
  const input = await loadWorkshopInput(repos, workshopId);
  return buildReport(input, { generatedOn: dayIn(clock.now(), input.workshop.timezone ?? "UTC") });
}

export async function workshopReportFile(
  repos: Repositories,
  clock: Clock,
  workshopId: string,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<RenderedReport> {
  return renderReport(await workshopReport(repos, clock, workshopId), format, options);
}

/** A working group's report: its cluster's results, the interest in them, its work-plan. */
export async function groupReportFile(
  repos: Repositories,
  clock: Clock,
  workshop: { id: string; name: string },
  clusterId: string,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<RenderedReport> {
  const { input, label } = await loadGroupInput(repos, workshop.id, clusterId);
  const report = buildReport(input, {
    generatedOn: dayIn(clock.now(), input.workshop.timezone ?? "UTC"),
    title: groupReportTitle(label, workshop.name),
  });
  return renderReport(report, format, options);
}

/** The current workshop's report for one of its facilitators (anyone else is refused). */
export async function facilitatorReport(
  deps: Pick<AppDependencies, "repos" | "clock">,
  actor: Actor,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<RenderedReport> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  return workshopReportFile(deps.repos, deps.clock, workshop.id, format, options);
}

/** The calendar day at `at` in a timezone, YYYY-MM-DD. */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
