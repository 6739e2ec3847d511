// A follow-up answer: a lead presses done / on track / late / dropped under an item in a follow-up thread; the
// status is kept at once and a short form takes an optional note (the status can be changed there too). Who may
// answer: whoever may edit the item (its author, its lead partner's members, the facilitators).
import { z } from "zod";
import type { RawValues } from "../../core/forms/spec.ts";
import { readContext, type ScreenContext } from "../../core/screens/context.ts";
import type { FormScreen } from "../../core/screens/screens.ts";
import { followUpForm, isFollowUpStatus, parseFollowUpForm } from "../../core/workplan/follow-up.ts";
import type { WorkPlanItemRecord } from "../../store/repositories/working-groups.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { Refusal } from "../refusal.ts";
import { findItem, requireItemEditor, showConfirmation } from "./items.ts";

const statusContext = z.object({ itemId: z.string() });

/** The button: the status saved, then the note form. */
export async function answerFollowUp(deps: AppDependencies, actor: Actor, value: string): Promise<FormScreen> {
  const [itemId = "", status = ""] = value.split(":");
  if (!isFollowUpStatus(status)) throw new Refusal("not_found", "That answer is out of date.");
  const { item, group } = await findItem(deps, actor, itemId);
  await requireItemEditor(deps, actor, group, item);
  const saved = await deps.repos.workingGroups.setProgress(item.id, status, item.progressNote, deps.clock.now());
  await showConfirmation(deps, actor, group, saved);
  return { kind: "form", form: followUpForm(saved.activity, status, saved.progressNote), context: { itemId } };
}

export type StatusOutcome = { ok: true; item: WorkPlanItemRecord } | { ok: false; errors: Record<string, string> };

export async function saveFollowUp(
  deps: AppDependencies,
  actor: Actor,
  context: ScreenContext,
  values: RawValues,
): Promise<StatusOutcome> {
  const target = readContext(context, statusContext);
  if (!target) throw new Refusal("not_found", "That form is out of date: press the button again.");
  const { item, group } = await findItem(deps, actor, target.itemId);
  await requireItemEditor(deps, actor, group, item);
  const parsed = parseFollowUpForm(values);
  if (!parsed.ok) return parsed;
  const saved = await deps.repos.workingGroups.setProgress(
    item.id,
    parsed.value.status,
    parsed.value.note,
    deps.clock.now(),
  );
  await showConfirmation(deps, actor, group, saved);
  return { ok: true, item: saved };
}
