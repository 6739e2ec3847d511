// Working groups: channels per approved cluster, work-plans gathered in their threads.

import { followUpFormId, followUpStatusLabels, isFollowUpStatus } from "../../core/workplan/follow-up.ts";
import { workPlanFormId } from "../../core/workplan/form.ts";
import { facilitatedWorkshop } from "../access.ts";
import { reply } from "../interaction/reply.ts";
import { onAction, onAny, onCommand, onSubmit, type Route } from "../interaction/router.ts";
import { createWorkingGroups } from "./create.ts";
import { setFollowUpWeeks } from "./follow-up-settings.ts";
import { addItemForm, editItemForm, removeItem, saveItem } from "./items.ts";
import { createGroupsAction, creationMessage, groupActions, shown } from "./messages.ts";
import { showWorkPlan } from "./plan.ts";
import { answerFollowUp, saveFollowUp } from "./status.ts";
import { noteChannelMessage, readThreadReply } from "./thread.ts";

export const groupRoutes: Route[] = [
  onCommand("groups create", async ({ deps, actor }) =>
    reply.message(creationMessage(await createWorkingGroups(deps, actor))),
  ),

  onAction(createGroupsAction, async ({ deps, actor }) =>
    reply.message(creationMessage(await createWorkingGroups(deps, actor))),
  ),

  onCommand("groups private", async ({ deps, actor }) => {
    const workshop = await facilitatedWorkshop(deps.repos, actor);
    await deps.repos.workingGroups.setGroupChannelsPrivate(workshop.id, true);
    return reply.message("Working-group channels will be private (channels made already stay as they are).");
  }),

  onCommand("groups public", async ({ deps, actor }) => {
    const workshop = await facilitatedWorkshop(deps.repos, actor);
    await deps.repos.workingGroups.setGroupChannelsPrivate(workshop.id, false);
    return reply.message("Working-group channels will be public (channels made already stay as they are).");
  }),

  onCommand("groups followups [weeks]", async ({ deps, actor, args }) =>
    reply.message(await setFollowUpWeeks(deps, actor, args.weeks ?? "")),
  ),

  onAction(groupActions.status, async ({ deps, actor, interaction }) =>
    reply.open(await answerFollowUp(deps, actor, interaction.value)),
  ),

  onSubmit(followUpFormId, async ({ deps, actor, interaction }) => {
    const saved = await saveFollowUp(deps, actor, interaction.context, interaction.values);
    if (!saved.ok) return reply.errors(saved.errors);
    const status = isFollowUpStatus(saved.item.progress) ? followUpStatusLabels[saved.item.progress] : "";
    return reply.close({
      message: { summary: `Noted: “${shown(saved.item.activity, 150)}” is ${status.toLowerCase()}.` },
    });
  }),

  onCommand("workplan", async ({ deps, actor, interaction }) =>
    reply.message(await showWorkPlan(deps, actor, interaction.channelId)),
  ),

  onAction(groupActions.add, async ({ deps, actor, interaction }) =>
    reply.open(await addItemForm(deps, actor, interaction.value)),
  ),

  onAction(groupActions.edit, async ({ deps, actor, interaction }) =>
    reply.open(await editItemForm(deps, actor, interaction.value)),
  ),

  onAction(groupActions.remove, async ({ deps, actor, interaction }) =>
    reply.message(await removeItem(deps, actor, interaction.value)),
  ),

  onSubmit(workPlanFormId, async ({ deps, actor, interaction }) => {
    const saved = await saveItem(deps, actor, interaction.context, interaction.values);
    if (!saved.ok) return reply.errors(saved.errors);
    return reply.close({ message: { summary: `Saved in the work-plan: ${shown(saved.item.activity, 150)}` } });
  }),

  onAny("thread-message", async ({ deps, actor, interaction }) => {
    await readThreadReply(deps, actor, interaction);
    return reply.none();
  }),

  onAny("channel-message", async ({ deps, actor, interaction }) => {
    await noteChannelMessage(deps, actor, interaction);
    return reply.none();
  }),
];
