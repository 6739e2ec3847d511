// `/cluster groups create`: one channel per approved cluster, its members invited, a pinned kick-off and one prompt
// per work-plan topic. Each step is recorded as it is done, so running it again does only what is missing and never
// makes a second channel; a channel archived or deleted by hand is reported, not recreated.
import { workingGroupChannelName } from "../../core/workplan/channel-name.ts";
import { workPlanTopics } from "../../core/workplan/topics.ts";
import type { WorkingGroup } from "../../store/repositories/working-groups.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import type { ChannelRef } from "../ports/channels.ts";
import { ChannelNameTakenError } from "../ports/errors.ts";
import { Refusal } from "../refusal.ts";
import { planFollowUps } from "./follow-ups.ts";
import { type CreationReport, kickoffMessage, promptMessage } from "./messages.ts";

/** Names tried before giving up on a cluster ("-2" … "-20"). */
const maxNameAttempts = 20;

export async function createWorkingGroups(deps: AppDependencies, actor: Actor): Promise<CreationReport> {
  const { repos } = deps;
  const workshop = await facilitatedWorkshop(repos, actor);
  const groups = await repos.workingGroups.approved(workshop.id);
  if (groups.length === 0)
    throw new Refusal("not_found", "No cluster is approved yet: approve the clusters first, then create the groups.");
  const isPrivate = await repos.workingGroups.groupChannelsPrivate(workshop.id);
  const facilitators = await repos.workshops.facilitatorIds(workshop.id);
  const report: CreationReport = { created: [], existing: [], lost: [], unreachable: 0 };
  const unreachable = new Set<string>();
  // Invited when the channel is made: someone who left later is not invited back. Those who pressed "Join this
  // working group" under the announcement come in with the members.
  const invite = async (channel: ChannelRef, group: WorkingGroup) => {
    const joiners = await repos.workingGroups.joiners(group.clusterId);
    const outcome = await deps.channels.invite(channel, [
      ...new Set([...group.memberIds, ...joiners, ...facilitators]),
    ]);
    for (const person of outcome.unreachable) unreachable.add(person);
  };

  for (const group of groups) {
    const posted = await repos.workingGroups.posts(group.clusterId);
    let channel: ChannelRef & { name: string | null };
    if (group.channel) {
      channel = { workspaceId: actor.workspaceId, channelId: group.channel.externalId, name: group.channel.name };
      const state = await deps.channels.state(channel);
      if (state === "archived" || state === "gone") {
        report.lost.push({ label: group.label, state, name: group.channel.name });
        continue;
      }
      report.existing.push(group.channel.name ?? group.channel.externalId);
      // No kick-off yet: the run that made the channel stopped before it (a restart, a platform failure), maybe
      // before everyone was invited. Who to invite is read again from the records; someone in already is fine.
      if (!posted.has("kickoff")) await invite(channel, group);
    } else {
      const created = await createChannel(deps, actor.workspaceId, workshop.name, group, isPrivate);
      await repos.workingGroups.setChannel(group.clusterId, actor.workspaceId, created.channelId, created.name);
      channel = created;
      report.created.push(created.name);
      await invite(created, group);
    }
    await postMissing(deps, group, channel, posted);
  }
  report.unreachable = unreachable.size;
  // The first follow-up of each new group, the workshop's follow-up weeks after its kick-off.
  await planFollowUps(deps, workshop.id);
  return report;
}

async function createChannel(
  deps: AppDependencies,
  workspaceId: string,
  workshopName: string,
  group: WorkingGroup,
  isPrivate: boolean,
) {
  for (let attempt = 1; attempt <= maxNameAttempts; attempt += 1) {
    const name = workingGroupChannelName(workshopName, group.label, attempt);
    try {
      return await deps.channels.create(workspaceId, { name, isPrivate });
    } catch (error) {
      if (!(error instanceof ChannelNameTakenError)) throw error;
    }
  }
  throw new Refusal("conflict", `Every channel name tried for “${group.label}” is taken: rename the cluster.`);
}

/** The kick-off (pinned) and the prompts not posted yet. */
async function postMissing(
  deps: AppDependencies,
  group: WorkingGroup,
  channel: ChannelRef,
  posted: ReadonlyMap<string, string>,
): Promise<void> {
  if (!posted.has("kickoff")) {
    const kickoff = await deps.channels.post(channel, kickoffMessage(group));
    await deps.channels.pin(kickoff);
    await deps.repos.workingGroups.savePost(group.clusterId, "kickoff", kickoff.messageId);
  }
  for (const topic of workPlanTopics) {
    if (posted.has(topic)) continue;
    const prompt = await deps.channels.post(channel, promptMessage(group.clusterId, topic));
    await deps.repos.workingGroups.savePost(group.clusterId, topic, prompt.messageId);
  }
}
