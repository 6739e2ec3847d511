// `/cluster groups followups <weeks>`: how often the working groups are asked for the status of their items (and
// how long a group may stay quiet before it gets a gentle prompt). Re-plans each group's next round.
import { maxFollowUpWeeks, readFollowUpWeeks } from "../../core/workplan/follow-up.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { Refusal } from "../refusal.ts";
import { planFollowUps } from "./follow-ups.ts";

export async function setFollowUpWeeks(deps: AppDependencies, actor: Actor, text: string): Promise<string> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  if (text.trim() === "") {
    const weeks = await deps.repos.workingGroups.followUpWeeks(workshop.id);
    return `Working groups are asked for the status of their items every ${weeks} week${weeks === 1 ? "" : "s"}. Change it with “/cluster groups followups <weeks>”.`;
  }
  const weeks = readFollowUpWeeks(text);
  if (weeks === null)
    throw new Refusal("invalid", `Give the weeks between follow-ups as a whole number from 1 to ${maxFollowUpWeeks}.`);
  await deps.repos.workingGroups.setFollowUpWeeks(workshop.id, weeks);
  await planFollowUps(deps, workshop.id);
  return `Follow-ups every ${weeks} week${weeks === 1 ? "" : "s"}: each group's next one is planned ${weeks} week${weeks === 1 ? "" : "s"} after its last (or its kick-off).`;
}
