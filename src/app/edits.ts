// Optimistic versions: a form carries the version of what it edits from when it opened; a save from an older
// version is refused (the store checks and bumps the version in one conditional update) and the person is told who
// changed what, and when, with what they typed given back to them.
import type { EditRequest, EditStamp } from "../core/model/domain.ts";
import { dateTime, plainText, rich } from "../core/screens/text.ts";
import { StaleEditError } from "../store/errors.ts";
import type { Actor, AppDependencies } from "./context.ts";

/** A save on behalf of `actor` from a form opened at `version`. */
export function editBy(deps: AppDependencies, actor: Actor, version: number): EditRequest {
  return { expected: version, by: actor.personId, at: deps.clock.now() };
}

/** The save's outcome: done, or refused because someone saved first (`current` says who and when). */
export async function unlessStale<T>(
  save: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; current: EditStamp }> {
  try {
    return { ok: true, value: await save() };
  } catch (error) {
    if (error instanceof StaleEditError) return { ok: false, current: error.current };
    throw error;
  }
}

/**
 * "Ben Partner changed ALPHA's list of results (Sunday, 29 November 2026, 23:40 CET) after you opened this form, so
 * your changes were not saved. …", the time in the reader's zone.
 */
export async function staleEditSummary(
  deps: AppDependencies,
  actor: Actor,
  current: EditStamp,
  what: string,
): Promise<string> {
  const [editor, reader] = await Promise.all([
    current.editedById ? deps.repos.people.find(current.editedById) : null,
    deps.repos.people.find(actor.personId),
  ]);
  const who =
    current.editedById === actor.personId ? "You (in another window)" : (editor?.displayName ?? "Someone else");
  const when = current.editedAt ? rich` (${dateTime(current.editedAt, "datetime")})` : "";
  return plainText(
    rich`${who} changed ${what}${when} after you opened this form, so your changes were not saved. What you typed is shown again: check it against their changes and save again.`,
    reader?.timezone ?? undefined,
  );
}
