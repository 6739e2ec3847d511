// A reply in a prompt's thread → a work-plan item, confirmed in the thread with what was understood; a reply that
// cannot be read gets help with an example. A reply in a follow-up round's thread is a status answer
// (status-reply.ts). Replies elsewhere (other channels, the kick-off's thread) are not ours,
// though any reply in a group's channel counts as the group's activity (follow-ups nudge quiet groups).
// Editing the reply re-reads it and updates the item and its confirmation; deleting it keeps the item (the group
// may have agreed on it) but marks it, so its author or a facilitator can remove it with one button.
import { cleanUserText } from "../../core/text/clean.ts";
import { exampleReply, parseWorkPlanReply, type WorkPlanDraft } from "../../core/workplan/parse.ts";
import { isWorkPlanTopic } from "../../core/workplan/topics.ts";
import type { WorkPlanFields } from "../../store/repositories/working-groups.ts";
import type { Actor, AppDependencies } from "../context.ts";
import type { ChannelMessageInteraction, ThreadMessageInteraction } from "../interaction/interaction.ts";
import { groupDates } from "./dates.ts";
import { showConfirmation } from "./items.ts";
import { confirmationMessage, helpMessage } from "./messages.ts";
import { workshopPartners } from "./partners.ts";
import { readStatusReply } from "./status-reply.ts";

export async function readThreadReply(
  deps: AppDependencies,
  actor: Actor,
  message: ThreadMessageInteraction,
): Promise<void> {
  const { repos } = deps;
  const group = await repos.workingGroups.byChannel(actor.workspaceId, message.channelId);
  if (!group?.channel) return;
  const thread = { workspaceId: actor.workspaceId, channelId: message.channelId, messageId: message.threadId };
  if (message.change) {
    // An edited status answer is read again (the new status replaces the old); a deleted one leaves it.
    const round =
      message.change === "edited" && (await repos.workingGroups.roundOfMessage(group.clusterId, message.threadId));
    if (round) return readStatusReply(deps, actor, group, round, thread, message.text);
    return sourceChanged(deps, actor, message);
  }
  await repos.workingGroups.touch(group.clusterId, deps.clock.now());
  const topic = await repos.workingGroups.postKind(group.clusterId, message.threadId);
  if (!topic || !isWorkPlanTopic(topic)) {
    const round = await repos.workingGroups.roundOfMessage(group.clusterId, message.threadId);
    // The same reply delivered again under another event id (Slack's own retries are caught by event id) is read once.
    const first =
      round &&
      (await repos.deliveries.firstTime(`status-reply:${actor.workspaceId}:${message.channelId}:${message.messageId}`));
    if (round && first) await readStatusReply(deps, actor, group, round, thread, message.text);
    return;
  }

  const partners = await workshopPartners(repos, group.workshopId);
  const reading = parseWorkPlanReply(message.text, { partners, topic, ...(await groupDates(deps, group.clusterId)) });
  if (reading.kind === "unreadable") {
    await deps.channels.reply(thread, helpMessage(group.clusterId, reading.reason, exampleReply(partners)));
    return;
  }
  const { item, created } = await repos.workingGroups.addFromMessage({
    clusterId: group.clusterId,
    channelId: group.channel.id,
    messageExternalId: message.messageId,
    threadExternalId: message.threadId,
    topic,
    authorId: actor.personId,
    sourceText: cleanUserText(message.text),
    fields: itemFields(reading.item),
  });
  // A second delivery of the same reply (another event id, another replica) finds its item: the delivery that made
  // it confirms it, even while that is still waiting for Slack, so the thread never shows two confirmations.
  if (!created) return;
  const confirmation = await deps.channels.reply(thread, confirmationMessage(item));
  await repos.workingGroups.setConfirmation(item.id, confirmation.messageId);
}

/** A top-level message in a group's channel: the group is not quiet (follow-ups nudge quiet groups). */
export async function noteChannelMessage(
  deps: AppDependencies,
  actor: Actor,
  message: ChannelMessageInteraction,
): Promise<void> {
  const group = await deps.repos.workingGroups.byChannel(actor.workspaceId, message.channelId);
  if (group?.channel) await deps.repos.workingGroups.touch(group.clusterId, deps.clock.now());
}

/** The reply an item came from was edited or deleted by its author. */
async function sourceChanged(deps: AppDependencies, actor: Actor, message: ThreadMessageInteraction): Promise<void> {
  const { repos } = deps;
  const item = await repos.workingGroups.itemFromMessage(actor.workspaceId, message.channelId, message.messageId);
  const group = item && (await repos.workingGroups.find(item.clusterId));
  if (!item || !group) return;
  if (message.change === "deleted") {
    if (!item.sourceDeleted)
      await showConfirmation(deps, actor, group, await repos.workingGroups.markSourceDeleted(item.id));
    return;
  }
  const partners = await workshopPartners(repos, group.workshopId);
  const topic = item.topic && isWorkPlanTopic(item.topic) ? item.topic : "activities";
  const reading = parseWorkPlanReply(message.text, { partners, topic, ...(await groupDates(deps, group.clusterId)) });
  const thread = { workspaceId: actor.workspaceId, channelId: message.channelId, messageId: message.threadId };
  if (reading.kind === "unreadable") {
    // The item stays as it was; the author learns why the new text was not taken.
    await deps.channels.reply(thread, helpMessage(group.clusterId, reading.reason, exampleReply(partners)));
    return;
  }
  const updated = await repos.workingGroups.updateFromMessage(
    item.id,
    cleanUserText(message.text),
    itemFields(reading.item),
  );
  await repos.workingGroups.touch(group.clusterId, deps.clock.now());
  await showConfirmation(deps, actor, group, updated);
}

function itemFields(read: WorkPlanDraft): WorkPlanFields {
  return {
    activity: read.activity,
    leadPartner: read.leadPartner,
    contributors: read.contributors,
    startDate: read.start,
    endDate: read.end,
    milestone: read.milestone,
    resources: read.resources,
    expectedBenefit: read.expectedBenefit,
    ipr: read.ipr,
  };
}
