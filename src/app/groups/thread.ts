// A reply in a prompt's thread → a work-plan item, confirmed in the thread with what was understood; a reply that
// cannot be read gets help with an example. Replies elsewhere (other channels, the kick-off's thread) are not ours.
import { cleanUserText } from "../../core/text/clean.ts";
import { exampleReply, parseWorkPlanReply } from "../../core/workplan/parse.ts";
import { isWorkPlanTopic } from "../../core/workplan/topics.ts";
import type { Actor, AppDependencies } from "../context.ts";
import type { ThreadMessageInteraction } from "../interaction/interaction.ts";
import { groupDates } from "./dates.ts";
import { confirmationMessage, helpMessage } from "./messages.ts";
import { workshopPartners } from "./partners.ts";

export async function readThreadReply(
  deps: AppDependencies,
  actor: Actor,
  message: ThreadMessageInteraction,
): Promise<void> {
  const { repos } = deps;
  const group = await repos.workingGroups.byChannel(actor.workspaceId, message.channelId);
  if (!group?.channel) return;
  const topic = await repos.workingGroups.postKind(group.clusterId, message.threadId);
  if (!topic || !isWorkPlanTopic(topic)) return;

  const partners = await workshopPartners(repos, group.workshopId);
  const reading = parseWorkPlanReply(message.text, { partners, topic, ...(await groupDates(deps, group.clusterId)) });
  const thread = { workspaceId: actor.workspaceId, channelId: message.channelId, messageId: message.threadId };
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
    fields: {
      activity: reading.item.activity,
      leadPartner: reading.item.leadPartner,
      contributors: reading.item.contributors,
      startDate: reading.item.start,
      endDate: reading.item.end,
      milestone: reading.item.milestone,
      resources: reading.item.resources,
      expectedBenefit: reading.item.expectedBenefit,
      ipr: reading.item.ipr,
    },
  });
  // A second delivery of the same reply (another event id, another replica) finds its item: the delivery that made
  // it confirms it, even while that is still waiting for Slack, so the thread never shows two confirmations.
  if (!created) return;
  const confirmation = await deps.channels.reply(thread, confirmationMessage(item));
  await repos.workingGroups.setConfirmation(item.id, confirmation.messageId);
}
