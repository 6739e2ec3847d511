import type { DateContext } from "../../core/workplan/dates.ts";
import type { AppDependencies } from "../context.ts";

/** Today, and month M1 of a group's work-plan: the month its kick-off was posted. */
export async function groupDates(deps: AppDependencies, clusterId: string): Promise<DateContext> {
  const today = deps.clock.now();
  const started = (await deps.repos.workingGroups.startedAt(clusterId)) ?? today;
  return { today, monthOne: new Date(Date.UTC(started.getUTCFullYear(), started.getUTCMonth(), 1)) };
}
