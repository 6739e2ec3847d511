// Bolt types payload fields as Slack documents them; a signed payload can still carry anything. These read a
// field as what we need, or as empty.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value if it is a string, otherwise "". */
export function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A view's `state.values`, or undefined when the view carries none. */
export function stateValuesOf(view: unknown): unknown {
  return isRecord(view) && isRecord(view.state) ? view.state.values : undefined;
}
