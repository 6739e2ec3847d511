// `/cluster announce`: one message per approved cluster in the workshop's announcement channel, a direct message
// to every member of its projects (once per key), and nothing new the second time. An edit after announcing
// updates the posted messages (their content hash says which changed).

import type { Workshop } from "../../core/model/domain.ts";
import { announcementMessage, contentHash, memberAnnouncementMessage } from "../../core/review/announcement.ts";
import { clusterProjects, type ReviewCluster, type ReviewView } from "../../core/review/model.ts";
import type { Message } from "../../core/screens/message.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { joinWorkingGroup } from "../groups/join.ts";
import { createGroupsAction } from "../groups/messages.ts";
import { Refusal } from "../refusal.ts";
import { loadReview } from "./load.ts";

export interface AnnounceOutcome {
  posted: number;
  updated: number;
  unchanged: number;
  notified: number;
}

export async function announce(deps: AppDependencies, actor: Actor): Promise<AnnounceOutcome> {
  const workshop = await facilitatedWorkshop(deps.repos, actor);
  const channelId = workshop.announcementChannelId
    ? await deps.repos.channels.externalId(workshop.announcementChannelId)
    : null;
  if (!channelId)
    throw new Refusal(
      "not_ready",
      "There is no announcement channel yet: choose one in `/cluster setup` (Announcement channel), then announce.",
    );
  const view = await loadReview(deps, workshop);
  const approved = view.clusters.filter((cluster) => cluster.status !== "suggested");
  if (approved.length === 0)
    throw new Refusal("not_ready", "No cluster is approved yet: approve them in the review (`/cluster review`) first.");
  const stored = new Map((await deps.repos.reviews.clusters(workshop.id)).map((cluster) => [cluster.id, cluster]));
  const outcome: AnnounceOutcome = { posted: 0, updated: 0, unchanged: 0, notified: 0 };
  const where = { workspaceId: workshop.workspaceId, channelId };
  for (const cluster of approved) {
    const message = announcementMessage(cluster, workshop.name);
    const hash = contentHash(message);
    const posted = stored.get(cluster.id)?.announcement;
    if (!posted) {
      if (!(await deps.repos.reviews.claimAnnouncement(cluster.id, where.workspaceId, where.channelId, hash))) {
        outcome.unchanged++;
        continue;
      }
      try {
        const ref = await deps.channels.post(where, message);
        await deps.repos.reviews.announced(cluster.id, ref.messageId, hash);
        outcome.posted++;
      } catch (error) {
        await deps.repos.reviews.releaseAnnouncement(cluster.id);
        throw error;
      }
    } else if (posted.messageId && posted.contentHash !== hash) {
      await deps.channels.update({ ...where, channelId: posted.channelId, messageId: posted.messageId }, message);
      await deps.repos.reviews.announcementUpdated(cluster.id, hash);
      outcome.updated++;
    } else outcome.unchanged++;
    outcome.notified += await notifyMembers(deps, workshop, cluster);
  }
  return outcome;
}

/** Each member of the cluster's projects hears of it once (the key is kept by the notifier). */
async function notifyMembers(deps: AppDependencies, workshop: Workshop, cluster: ReviewCluster): Promise<number> {
  const projects = await deps.repos.projects.list(workshop.id);
  const acronymsOf = new Map<string, string[]>();
  const inCluster = new Set(clusterProjects(cluster));
  for (const project of projects.filter((candidate) => inCluster.has(candidate.acronym)))
    for (const personId of project.memberIds)
      acronymsOf.set(personId, [...(acronymsOf.get(personId) ?? []), project.acronym]);
  let sent = 0;
  for (const [personId, acronyms] of acronymsOf) {
    try {
      const receipt = await deps.notify.notify({
        to: { workspaceId: workshop.workspaceId, personId },
        key: `cluster-announced:${cluster.id}:${personId}`,
        message: memberAnnouncementMessage(cluster, acronyms, workshop.name),
      });
      if (receipt.status === "sent") sent++;
    } catch (error) {
      deps.logger.warn({ err: error, personId, clusterId: cluster.id }, "a cluster announcement DM was not delivered");
    }
  }
  return sent;
}

/** After an edit: posted announcements whose content changed are updated in place. */
export async function refreshAnnouncements(
  deps: AppDependencies,
  workshop: Workshop,
  view?: ReviewView,
): Promise<number> {
  const stored = await deps.repos.reviews.clusters(workshop.id);
  if (!stored.some((cluster) => cluster.announcement?.messageId)) return 0;
  const current = view ?? (await loadReview(deps, workshop));
  let updated = 0;
  for (const cluster of current.clusters) {
    const posted = stored.find((candidate) => candidate.id === cluster.id)?.announcement;
    if (!posted?.messageId) continue;
    const message = announcementMessage(cluster, workshop.name);
    const hash = contentHash(message);
    if (hash === posted.contentHash) continue;
    await deps.channels.update(
      { workspaceId: workshop.workspaceId, channelId: posted.channelId, messageId: posted.messageId },
      message,
    );
    await deps.repos.reviews.announcementUpdated(cluster.id, hash);
    updated++;
  }
  return updated;
}

export function announcedMessage(outcome: AnnounceOutcome): Message {
  const line =
    outcome.posted + outcome.updated === 0
      ? `Nothing new to announce: the ${outcome.unchanged} approved cluster${outcome.unchanged === 1 ? " is" : "s are"} posted already.`
      : `Announced: ${outcome.posted} new, ${outcome.updated} updated, ${outcome.unchanged} unchanged; ${outcome.notified} member message${outcome.notified === 1 ? "" : "s"} sent.`;
  // The next step, one press away: a channel per approved cluster (the same as `/cluster groups create`).
  return {
    summary: line,
    blocks: [
      {
        kind: "text",
        text: line,
        button: { actionId: createGroupsAction, label: "Open working-group channels", value: "create" },
      },
    ],
  };
}

/** "Join this working group" / "Not for us" under an announced cluster. */
export async function respond(
  deps: AppDependencies,
  actor: Actor,
  clusterId: string,
  answer: "join" | "decline",
): Promise<string> {
  const workshop = await deps.repos.workshops.current(actor.workspaceId);
  // The stored cluster (not the whole review: that needs the analysis run, which an answer does not).
  const stored = workshop && (await deps.repos.reviews.clusters(workshop.id)).find((c) => c.id === clusterId);
  const group = stored && (await deps.repos.workingGroups.find(stored.id));
  if (!workshop || !stored || !group || stored.status === "suggested")
    throw new Refusal("not_found", "This working group is no longer on offer.");
  const cluster = { id: stored.id, label: stored.label };
  const mine = await deps.repos.projects.ofMember(workshop.id, actor.personId);
  const ours = mine.find((project) => group.projectIds.includes(project.id));
  const inCluster = [...new Set(group.results.map((result) => result.projectAcronym))];
  if (answer === "join") {
    if (ours) return `You are in it already: ${ours.acronym}'s results are part of “${cluster.label}”.`;
    await deps.repos.reviews.respond(cluster.id, actor.personId, null, "join");
    const joined = await joinWorkingGroup(deps, actor.workspaceId, cluster.id, actor.personId);
    if (joined.kind === "invited")
      return `Welcome: you are now in #${joined.channel}, the channel of “${cluster.label}”.`;
    if (joined.kind === "unreachable")
      return `Noted: you asked to join “${cluster.label}”, but the bot could not add you to its channel; the facilitators will see your request.`;
    return `Noted: you asked to join “${cluster.label}”. You will be added to its channel when it is made.`;
  }
  if (!ours)
    throw new Refusal("not_member", `Only members of ${inCluster.join(", ")} can say “Not for us” to this cluster.`);
  await deps.repos.reviews.respond(cluster.id, actor.personId, ours.id, "decline");
  return `Noted: ${ours.acronym} is not in for “${cluster.label}”. The facilitators will see it.`;
}
