// Work-plan items by form: "Add item" (the group's members and the facilitators), "Edit" and "Remove" (the item's
// author, the members of its lead partner's project, the facilitators). The confirmation in the channel follows.
import { z } from "zod";
import type { RawValues } from "../../core/forms/spec.ts";
import { readContext, type ScreenContext } from "../../core/screens/context.ts";
import type { FormScreen } from "../../core/screens/screens.ts";
import { parseWorkPlanForm, workPlanForm } from "../../core/workplan/form.ts";
import type { WorkingGroup, WorkPlanItemRecord } from "../../store/repositories/working-groups.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { Refusal } from "../refusal.ts";
import { groupDates } from "./dates.ts";
import { confirmationMessage, removedMessage } from "./messages.ts";
import { projectsOfPartner, workshopPartners } from "./partners.ts";

const formContext = z.object({ clusterId: z.string(), itemId: z.string().nullable() });

async function groupOf(deps: AppDependencies, actor: Actor, clusterId: string): Promise<WorkingGroup> {
  const group = await deps.repos.workingGroups.find(clusterId);
  const workshop = group && (await deps.repos.workshops.find(group.workshopId));
  if (!group || !workshop || workshop.workspaceId !== actor.workspaceId)
    throw new Refusal("not_found", "That working group is no longer there.");
  return group;
}

async function isFacilitator(deps: AppDependencies, actor: Actor, group: WorkingGroup): Promise<boolean> {
  return deps.repos.workshops.isFacilitator(group.workshopId, actor.personId);
}

async function requireContributor(deps: AppDependencies, actor: Actor, group: WorkingGroup): Promise<void> {
  if (group.memberIds.includes(actor.personId) || (await isFacilitator(deps, actor, group))) return;
  throw new Refusal("not_member", `Only the members of “${group.label}” and the facilitators can add to its plan.`);
}

export async function requireItemEditor(
  deps: AppDependencies,
  actor: Actor,
  group: WorkingGroup,
  item: WorkPlanItemRecord,
): Promise<void> {
  if (item.authorId === actor.personId || (await isFacilitator(deps, actor, group))) return;
  if (item.leadPartner) {
    const projects = await projectsOfPartner(deps.repos, group.workshopId, item.leadPartner);
    for (const projectId of projects) if (await deps.repos.projects.isMember(projectId, actor.personId)) return;
  }
  throw new Refusal("not_member", "Only the item's author, its lead partner and the facilitators can change it.");
}

export async function findItem(deps: AppDependencies, actor: Actor, itemId: string) {
  const item = await deps.repos.workingGroups.findItem(itemId);
  if (!item) throw new Refusal("not_found", "That item was removed from the work-plan.");
  return { item, group: await groupOf(deps, actor, item.clusterId) };
}

async function formScreen(
  deps: AppDependencies,
  group: WorkingGroup,
  item: WorkPlanItemRecord | null,
): Promise<FormScreen> {
  const partners = (await workshopPartners(deps.repos, group.workshopId)).map((partner) => partner.name);
  const context: ScreenContext = { clusterId: group.clusterId, itemId: item?.id ?? null };
  return { kind: "form", form: workPlanForm(partners, item), context };
}

export async function addItemForm(deps: AppDependencies, actor: Actor, clusterId: string): Promise<FormScreen> {
  const group = await groupOf(deps, actor, clusterId);
  await requireContributor(deps, actor, group);
  return formScreen(deps, group, null);
}

export async function editItemForm(deps: AppDependencies, actor: Actor, itemId: string): Promise<FormScreen> {
  const { item, group } = await findItem(deps, actor, itemId);
  await requireItemEditor(deps, actor, group, item);
  return formScreen(deps, group, item);
}

export type SaveOutcome = { ok: true; item: WorkPlanItemRecord } | { ok: false; errors: Record<string, string> };

export async function saveItem(
  deps: AppDependencies,
  actor: Actor,
  context: ScreenContext,
  values: RawValues,
): Promise<SaveOutcome> {
  const target = readContext(context, formContext);
  if (!target) throw new Refusal("not_found", "That form is out of date: open it again.");
  const group = await groupOf(deps, actor, target.clusterId);
  const existing = target.itemId ? (await findItem(deps, actor, target.itemId)).item : null;
  if (existing) await requireItemEditor(deps, actor, group, existing);
  else await requireContributor(deps, actor, group);

  const partners = (await workshopPartners(deps.repos, group.workshopId)).map((partner) => partner.name);
  const parsed = parseWorkPlanForm(values, partners, await groupDates(deps, group.clusterId));
  if (!parsed.ok) return parsed;
  const { repos } = deps;
  const item = existing
    ? await repos.workingGroups.updateItem(existing.id, parsed.value)
    : await repos.workingGroups.add(group.clusterId, actor.personId, parsed.value);
  await repos.workingGroups.touch(group.clusterId, deps.clock.now());
  await showConfirmation(deps, actor, group, item);
  return { ok: true, item };
}

/** The item's confirmation in the channel: updated where it is, else posted. */
export async function showConfirmation(
  deps: AppDependencies,
  actor: Actor,
  group: WorkingGroup,
  item: WorkPlanItemRecord,
) {
  if (!group.channel) return;
  const channel = { workspaceId: actor.workspaceId, channelId: group.channel.externalId };
  if (item.confirmationId) {
    await deps.channels.update({ ...channel, messageId: item.confirmationId }, confirmationMessage(item));
    return;
  }
  const posted = await deps.channels.post(channel, confirmationMessage(item));
  await deps.repos.workingGroups.setConfirmation(item.id, posted.messageId);
}

export async function removeItem(deps: AppDependencies, actor: Actor, itemId: string): Promise<string> {
  const item = await deps.repos.workingGroups.findItem(itemId);
  if (!item) return "That item was already removed.";
  const group = await groupOf(deps, actor, item.clusterId);
  await requireItemEditor(deps, actor, group, item);
  await deps.repos.workingGroups.removeItem(item.id);
  if (group.channel && item.confirmationId) {
    const post = {
      workspaceId: actor.workspaceId,
      channelId: group.channel.externalId,
      messageId: item.confirmationId,
    };
    await deps.channels.update(post, removedMessage(item.activity));
  }
  return "Removed from the work-plan.";
}
