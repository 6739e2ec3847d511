/** One problem in a workshop file, located for a person: file, place (row, sheet, JSON path), field. */
export interface FileIssue {
  file: string;
  /** "row 4", "sheet results, row 3", "results[2]", "line 5, column 3"… */
  where?: string;
  field?: string;
  message: string;
}

/** A workshop file that cannot be used; `issues` lists every problem found, not only the first. */
export class WorkshopFileError extends Error {
  readonly issues: FileIssue[];
  constructor(issues: FileIssue[]) {
    super(issues.map(formatFileIssue).join("\n"));
    this.name = "WorkshopFileError";
    this.issues = issues;
  }
}

export function formatFileIssue(issue: FileIssue): string {
  const place = [issue.file, issue.where, issue.field && `field "${issue.field}"`].filter(Boolean).join(", ");
  return `${place}: ${issue.message}`;
}
