import type { FieldErrors, FormSpec, RawValues } from "../../core/forms/spec.ts";
import { parseWorkshopSetup, workshopSetupForm } from "../../core/forms/workshop-setup.ts";
import type { Workshop } from "../../core/model/domain.ts";
import { usableTimeZone } from "../../core/reminders/zoned-time.ts";
import { isUniqueViolation } from "../../store/errors.ts";
import { requireFacilitator } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { editBy, staleEditSummary, unlessStale } from "../edits.ts";
import { Refusal } from "../refusal.ts";
import { replanReminders } from "./lifecycle.ts";

export interface SetupFormView {
  form: FormSpec;
  workshopId: string | null;
  /** The setup's version when the form opened (0 for a new workshop). */
  version: number;
}

/** Anyone may start the workspace's first workshop (and becomes its facilitator); after that, facilitators only. */
export async function setupForm(deps: AppDependencies, actor: Actor): Promise<SetupFormView> {
  const workshop = await deps.repos.workshops.current(actor.workspaceId);
  if (!workshop) {
    const facilitator = await deps.repos.people.find(actor.personId);
    return {
      form: workshopSetupForm(null, [], null, usableTimeZone(facilitator?.timezone)),
      workshopId: null,
      version: 0,
    };
  }
  await requireFacilitator(deps.repos, actor, workshop);
  const { version } = await deps.repos.workshops.setupStamp(workshop.id);
  const facilitatorIds = await deps.repos.workshops.facilitatorIds(workshop.id);
  const externalIds = await deps.repos.people.externalIds(actor.workspaceId, facilitatorIds);
  const coFacilitators = facilitatorIds
    .filter((id) => id !== actor.personId)
    .flatMap((id) => externalIds.get(id) ?? []);
  const channel = workshop.announcementChannelId
    ? await deps.repos.channels.externalId(workshop.announcementChannelId)
    : null;
  return { form: workshopSetupForm(workshop, coFacilitators, channel), workshopId: workshop.id, version };
}

export type SaveOutcome =
  | { ok: true; workshop: Workshop; created: boolean; scheduleChanged: boolean }
  | { ok: false; errors: FieldErrors }
  /** Another facilitator saved the setup after this form opened: who and when. Nothing was saved. */
  | { ok: false; stale: string };

/** Saves the setup form opened at `version`; refused as stale when the setup was saved since. */
export async function saveSetup(
  deps: AppDependencies,
  actor: Actor,
  workshopId: string | null,
  raw: RawValues,
  version = 0,
): Promise<SaveOutcome> {
  const existing = workshopId ? await ownWorkshop(deps, actor, workshopId) : null;
  if (existing) await requireFacilitator(deps.repos, actor, existing);
  const parsed = parseWorkshopSetup(raw, deps.clock.now(), existing?.homeworkDeadline ?? null);
  if (!parsed.ok) return parsed;
  const { coFacilitators, announcementChannel, ...fields } = parsed.value;
  const channelId = announcementChannel
    ? (await deps.repos.channels.ensure(actor.workspaceId, announcementChannel)).id
    : null;
  const data = { ...fields, announcementChannelId: channelId };
  try {
    let workshop: Workshop;
    if (existing) {
      const saved = await unlessStale(() =>
        deps.repos.workshops.saveSetup(existing.id, data, editBy(deps, actor, version)),
      );
      if (!saved.ok)
        return {
          ok: false,
          stale: await staleEditSummary(deps, actor, saved.current, `the setup of "${existing.name}"`),
        };
      workshop = saved.value;
    } else workshop = await createOnce(deps, actor, data);
    const people = await deps.repos.people.ensureMany(actor.workspaceId, coFacilitators);
    const before = existing ? await deps.repos.workshops.facilitatorIds(workshop.id) : [];
    // The form lists the other facilitators only: whoever saves it stays one.
    const facilitators = [...new Set([actor.personId, ...people.map((person) => person.id)])];
    await deps.repos.workshops.setFacilitators(workshop.id, facilitators);
    const after = await deps.repos.workshops.facilitatorIds(workshop.id);
    const scheduleChanged =
      !!existing &&
      (existing.homeworkDeadline?.getTime() !== workshop.homeworkDeadline?.getTime() ||
        existing.reminderCadenceDays.join() !== workshop.reminderCadenceDays.join() ||
        existing.timezone !== workshop.timezone);
    // A new co-facilitator gets the digests from now on; one removed gets no more.
    const facilitatorsChanged = !!existing && [...before].sort().join() !== [...after].sort().join();
    if (scheduleChanged || facilitatorsChanged) await replanReminders(deps, workshop.id);
    return { ok: true, workshop, created: !existing, scheduleChanged };
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, errors: { name: "A workshop with this name already exists here." } };
    throw error;
  }
}

/** The workshop a form's context names, only if it is in the actor's workspace (a forged id is "not here"). */
async function ownWorkshop(deps: AppDependencies, actor: Actor, workshopId: string): Promise<Workshop> {
  const workshop = await deps.repos.workshops.find(workshopId);
  if (!workshop || workshop.workspaceId !== actor.workspaceId)
    throw new Refusal("not_found", "That workshop is no longer here.");
  return workshop;
}

/**
 * A new workshop only while none is open in the workspace, checked when the form is submitted (it may have been
 * opened before someone else created one) and, against a race, by the database's one-open-workshop rule. A
 * double-clicked "Save" finds the workshop its first click created.
 */
async function createOnce(
  deps: AppDependencies,
  actor: Actor,
  data: Parameters<AppDependencies["repos"]["workshops"]["create"]>[1],
): Promise<Workshop> {
  const open = await deps.repos.workshops.current(actor.workspaceId);
  if (open) return ownTwinOrRefuse(deps, actor, open, data.name);
  try {
    return await deps.repos.workshops.create(actor.workspaceId, data, actor.personId);
  } catch (error) {
    const winner = isUniqueViolation(error) ? await deps.repos.workshops.current(actor.workspaceId) : null;
    if (winner) return ownTwinOrRefuse(deps, actor, winner, data.name);
    throw error;
  }
}

async function ownTwinOrRefuse(deps: AppDependencies, actor: Actor, open: Workshop, name: string): Promise<Workshop> {
  if (open.name === name && (await deps.repos.workshops.isFacilitator(open.id, actor.personId))) return open;
  throw new Refusal(
    "conflict",
    `"${open.name}" is already open in this workspace, so no new workshop was created. Ask its facilitators to add you as a co-facilitator, or to close it first.`,
  );
}
