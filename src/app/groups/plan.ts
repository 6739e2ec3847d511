// `/cluster workplan`: in a working group's channel, that group's plan (its members and the facilitators); elsewhere,
// every group's plan for the facilitators.
import type { Message } from "../../core/screens/message.ts";
import { isFlagged } from "../../core/workplan/follow-up.ts";
import type { WorkingGroup } from "../../store/repositories/working-groups.ts";
import { currentWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { Refusal } from "../refusal.ts";
import { type GroupPlan, planMessage } from "./messages.ts";

async function groupPlan(deps: AppDependencies, group: WorkingGroup): Promise<GroupPlan> {
  const items = await deps.repos.workingGroups.items(group.clusterId);
  const rounds = await deps.repos.workingGroups.rounds(group.clusterId);
  return { group, items, flagged: new Set(items.filter((item) => isFlagged(item, rounds)).map((item) => item.id)) };
}

export async function showWorkPlan(
  deps: AppDependencies,
  actor: Actor,
  channelId: string | undefined,
): Promise<Message> {
  const { repos } = deps;
  const workshop = await currentWorkshop(repos, actor);
  const isFacilitator = await repos.workshops.isFacilitator(workshop.id, actor.personId);
  const here = channelId ? await repos.workingGroups.byChannel(actor.workspaceId, channelId) : null;
  if (here && here.workshopId === workshop.id) {
    if (!isFacilitator && !here.memberIds.includes(actor.personId))
      throw new Refusal("not_member", `Only the members of “${here.label}” and the facilitators can see its plan.`);
    return planMessage([await groupPlan(deps, here)]);
  }
  if (!isFacilitator)
    throw new Refusal("not_member", "Type “/cluster workplan” in your working group's channel to see its plan.");
  const groups = (await repos.workingGroups.approved(workshop.id)).filter((group) => group.channel);
  if (groups.length === 0) return { summary: "No working group yet: “/cluster groups create” makes them." };
  const plans = [];
  for (const group of groups) plans.push(await groupPlan(deps, group));
  return planMessage(plans);
}
