// "Join this working group" under a cluster's announcement: when the group's channel exists, the person is invited
// at once (they asked, so it is done even if they left before); otherwise they are invited when it is made
// (`createWorkingGroups` reads the joins). Nobody is invited back automatically after leaving.
import type { AppDependencies } from "../context.ts";

export type JoinOutcome = { kind: "invited"; channel: string } | { kind: "later" } | { kind: "unreachable" };

export async function joinWorkingGroup(
  deps: AppDependencies,
  workspaceId: string,
  clusterId: string,
  personId: string,
): Promise<JoinOutcome> {
  const group = await deps.repos.workingGroups.find(clusterId);
  if (!group?.channel) return { kind: "later" };
  const channel = { workspaceId, channelId: group.channel.externalId };
  const state = await deps.channels.state(channel);
  if (state === "archived" || state === "gone") return { kind: "later" };
  const outcome = await deps.channels.invite(channel, [personId]);
  if (outcome.unreachable.includes(personId)) return { kind: "unreachable" };
  await deps.repos.workingGroups.touch(clusterId, deps.clock.now());
  return { kind: "invited", channel: group.channel.name ?? group.channel.externalId };
}
