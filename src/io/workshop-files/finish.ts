import { validateWorkshop } from "../../core/clustering/index.ts";
import { WorkshopFileError } from "./errors.ts";
import { locateIssue } from "./locate.ts";
import type { TabularWorkshop } from "./tabular.ts";
import type { LoadedWorkshop } from "./types.ts";

/** Validates a workshop read from rows and reports conversion and validation problems together, by row. */
export function finishTabular(tabular: TabularWorkshop, file: string): LoadedWorkshop {
  const result = validateWorkshop(tabular.raw);
  const warnings = result.warnings.map((w) => locateIssue(file, w, tabular.source));
  const issues = [
    ...tabular.issues,
    ...(result.ok ? [] : result.issues.map((i) => locateIssue(file, i, tabular.source))),
  ];
  if (issues.length > 0 || !result.ok) throw new WorkshopFileError(issues);
  return { workshop: result.workshop, warnings };
}
