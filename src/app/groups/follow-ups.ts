// Follow-ups after the workshop, through the scheduler: every N weeks (the workshop's `followUpWeeks`) a thread in
// each group's channel asks for the status of the open items; a week later the round is checked: items without an
// answer for two rounds, and a group still quiet after a gentle prompt, are noted to the facilitators by DM (quiet
// hours, DND and away respected as for reminders). Each round is claimed in the database before it is posted, so a
// job run twice, or by two replicas, posts it once.

import { defaultQuietHours, nextSendableTime } from "../../core/reminders/quiet-hours.ts";
import { usableTimeZone } from "../../core/reminders/zoned-time.ts";
import {
  isClosedStatus,
  isFlagged,
  isQuiet,
  nextRoundDue,
  roundCheckDue,
  silentRounds,
  silentRoundsBeforeFlag,
} from "../../core/workplan/follow-up.ts";
import { done, type JobHandlers, type JobResult, later, PermanentJobError } from "../../scheduler/job-handler.ts";
import type { JobRecord, NewJob } from "../../store/repositories/jobs.ts";
import { deliverOnce } from "../reminders/deliver.ts";
import type { ReminderDependencies } from "../reminders/dependencies.ts";
import { readJob } from "../reminders/job-kinds.ts";
import { nextDeliveryTime, resolveRecipient } from "../reminders/recipient.ts";
import { followUpKeys, followUpKinds, notePayload, roundPayload } from "./follow-up-jobs.ts";
import { facilitatorNoteMessage, followUpItemMessage, followUpRoundMessage } from "./messages.ts";

/**
 * The next round of every group that has a channel, `followUpWeeks` after its last round (or its kick-off). Called
 * when groups are made, when the weeks change and after each round; stable keys make it idempotent. A closed
 * workshop has none.
 */
export async function planFollowUps(deps: ReminderDependencies, workshopId: string): Promise<number> {
  const { repos } = deps;
  const workshop = await repos.workshops.find(workshopId);
  const prefix = followUpKeys.roundPrefix(workshopId);
  if (!workshop || workshop.phase === "closed") {
    await repos.jobs.cancelPending(workshopId, "cancelled: workshop closed", prefix);
    return 0;
  }
  const weeks = await repos.workingGroups.followUpWeeks(workshopId);
  const timeZone = usableTimeZone(workshop.timezone);
  const jobs: NewJob[] = [];
  for (const group of await repos.workingGroups.approved(workshopId)) {
    if (!group.channel) continue;
    const rounds = await repos.workingGroups.rounds(group.clusterId);
    const last = rounds.at(-1);
    const from = last?.postedAt ?? (await repos.workingGroups.startedAt(group.clusterId)) ?? deps.clock.now();
    const round = (last?.round ?? 0) + 1;
    jobs.push({
      kind: followUpKinds.round,
      dedupeKey: followUpKeys.round(workshopId, group.clusterId, round),
      dueAt: nextRoundDue(from, weeks, timeZone, deps.quietHours),
      workshopId,
      target: group.clusterId,
      payload: { clusterId: group.clusterId, round },
    });
  }
  const plan = await repos.jobs.replan(prefix, jobs);
  return plan.created + plan.updated;
}

/** `/cluster close`: no more rounds, checks or notes. Returns how many were cancelled. */
export async function endFollowUps(deps: ReminderDependencies, workshopId: string): Promise<number> {
  let cancelled = 0;
  for (const prefix of [followUpKeys.roundPrefix(workshopId), "wg-followup-check:", "wg-note:"])
    cancelled += await deps.repos.jobs.cancelPending(workshopId, "cancelled: workshop closed", prefix);
  return cancelled;
}

async function openWorkshop(deps: ReminderDependencies, workshopId: string) {
  const workshop = await deps.repos.workshops.find(workshopId);
  return workshop && workshop.phase !== "closed" ? workshop : null;
}

export async function postFollowUpRound(deps: ReminderDependencies, job: JobRecord): Promise<JobResult> {
  const { workshopId, payload } = readJob(job, roundPayload);
  const { repos } = deps;
  const workshop = await openWorkshop(deps, workshopId);
  if (!workshop) return done("skipped: workshop closed");
  const group = await repos.workingGroups.find(payload.clusterId);
  if (!group?.channel) return done("skipped: the group has no channel");
  const now = deps.clock.now();
  const timeZone = usableTimeZone(workshop.timezone);
  // The channel is read by the whole group: posted in the workshop's working hours.
  const sendAt = nextSendableTime(now, timeZone, deps.quietHours ?? defaultQuietHours);
  if (sendAt > now) return later(sendAt, "quiet hours in the workshop's timezone");
  const channel = { workspaceId: workshop.workspaceId, channelId: group.channel.externalId };
  const state = await deps.channels.state(channel);
  if (state === "archived" || state === "gone") return done(`skipped: the channel was ${state}`);

  const weeks = await repos.workingGroups.followUpWeeks(workshopId);
  const lastActivity =
    (await repos.workingGroups.lastActivity(group.clusterId)) ??
    (await repos.workingGroups.startedAt(group.clusterId)) ??
    now;
  const quiet = isQuiet(lastActivity, now, weeks);
  if (!(await repos.workingGroups.claimRound(group.clusterId, payload.round, now, quiet))) {
    await planFollowUps(deps, workshopId);
    return done("skipped: this round was posted already");
  }
  const open = (await repos.workingGroups.items(group.clusterId)).filter((item) => !isClosedStatus(item.progress));
  const message = followUpRoundMessage(group, payload.round, open.length, quiet, weeks);
  // A post Slack refused gives the claim back for the job's retry; only a crash between Slack accepting it and the
  // next line can leave a round claimed and unrecorded, and that round is then not posted again (at most once).
  const root = await deps.channels.post(channel, message).catch(async (error: unknown) => {
    await repos.workingGroups.releaseRound(group.clusterId, payload.round);
    throw error;
  });
  await repos.workingGroups.setRoundMessage(
    group.clusterId,
    payload.round,
    root.messageId,
    open.map((item) => item.id),
  );
  for (const [index, item] of open.entries()) await deps.channels.reply(root, followUpItemMessage(item, index + 1));
  await repos.jobs.schedule([
    {
      kind: followUpKinds.check,
      dedupeKey: followUpKeys.check(workshopId, group.clusterId, payload.round),
      dueAt: roundCheckDue(now, weeks),
      workshopId,
      target: group.clusterId,
      payload,
    },
  ]);
  await planFollowUps(deps, workshopId);
  return done(`posted: ${open.length} item${open.length === 1 ? "" : "s"} asked${quiet ? ", quiet group" : ""}`);
}

export async function checkFollowUpRound(deps: ReminderDependencies, job: JobRecord): Promise<JobResult> {
  const { workshopId, payload } = readJob(job, roundPayload);
  const { repos } = deps;
  if (!(await openWorkshop(deps, workshopId))) return done("skipped: workshop closed");
  const now = deps.clock.now();
  if (!(await repos.workingGroups.checkRound(payload.clusterId, payload.round, now)))
    return done("skipped: checked already");
  const rounds = await repos.workingGroups.rounds(payload.clusterId);
  const round = rounds.find((candidate) => candidate.round === payload.round);
  // Newly flagged: this check is the one that made the silence reach the limit.
  const flagged = (await repos.workingGroups.items(payload.clusterId)).filter(
    (item) => silentRounds(item, rounds) === silentRoundsBeforeFlag,
  );
  const lastActivity = await repos.workingGroups.lastActivity(payload.clusterId);
  const stillQuiet = Boolean(round?.quiet) && (!lastActivity || (round !== undefined && lastActivity < round.postedAt));
  if (flagged.length === 0 && !stillQuiet) return done("checked: nothing to note");
  const facilitators = await repos.workshops.facilitatorIds(workshopId);
  await repos.jobs.schedule(
    facilitators.map((personId) => ({
      kind: followUpKinds.note,
      dedupeKey: followUpKeys.note(workshopId, payload.clusterId, payload.round, personId),
      dueAt: now,
      workshopId,
      target: personId,
      payload: {
        personId,
        clusterId: payload.clusterId,
        round: payload.round,
        itemIds: flagged.map((item) => item.id).join(","),
        quiet: stillQuiet,
      },
    })),
  );
  return done(
    `checked: ${flagged.length} item${flagged.length === 1 ? "" : "s"} flagged${stillQuiet ? ", group quiet" : ""}`,
  );
}

export async function sendFacilitatorNote(deps: ReminderDependencies, job: JobRecord): Promise<JobResult> {
  const { workshopId, payload } = readJob(job, notePayload);
  const { repos } = deps;
  const workshop = await openWorkshop(deps, workshopId);
  if (!workshop) return done("skipped: workshop closed");
  const group = await repos.workingGroups.find(payload.clusterId);
  if (!group) throw new PermanentJobError(`working group ${payload.clusterId} is gone`);
  // Decided again at send time: an item answered (or removed) meanwhile is no longer news.
  const rounds = await repos.workingGroups.rounds(group.clusterId);
  const wanted = new Set(payload.itemIds.split(",").filter(Boolean));
  const items = (await repos.workingGroups.items(group.clusterId)).filter(
    (item) => wanted.has(item.id) && isFlagged(item, rounds),
  );
  if (items.length === 0 && !payload.quiet) return done("skipped: answered meanwhile");

  const now = deps.clock.now();
  const recipient = await resolveRecipient(deps, workshop.workspaceId, payload.personId, workshop.timezone);
  const sendAt = await nextDeliveryTime(deps, recipient, now);
  if (sendAt > now) return later(sendAt, "recipient not reachable now");
  const weeks = await repos.workingGroups.followUpWeeks(workshopId);
  return deliverOnce(deps.notify, recipient, facilitatorNoteMessage(group, items, payload.quiet, weeks), job);
}

export function followUpJobHandlers(deps: ReminderDependencies): JobHandlers {
  return {
    [followUpKinds.round]: (job) => postFollowUpRound(deps, job),
    [followUpKinds.check]: (job) => checkFollowUpRound(deps, job),
    [followUpKinds.note]: (job) => sendFacilitatorNote(deps, job),
  };
}
