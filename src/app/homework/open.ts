import { deadlineText } from "../../core/homework/deadline.ts";
import { phaseText } from "../../core/homework/phase.ts";
import type { Workshop } from "../../core/model/domain.ts";
import { defaultQuietHours, nextSendableTime } from "../../core/reminders/quiet-hours.ts";
import { usableTimeZone } from "../../core/reminders/zoned-time.ts";
import type { Message } from "../../core/screens/message.ts";
import { rich } from "../../core/screens/text.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { Refusal } from "../refusal.ts";
import { resolveRecipient } from "../reminders/recipient.ts";
import { replanReminders } from "../workshop/lifecycle.ts";
import { homeworkActions } from "./actions.ts";

export interface HomeworkInvitation {
  personId: string;
  projects: { id: string; acronym: string }[];
}

/**
 * Moves the workshop into its homework phase, plans its reminders, and lists who is invited (every member, once).
 */
export async function openHomework(
  deps: AppDependencies,
  actor: Actor,
): Promise<{ workshop: Workshop; invitations: HomeworkInvitation[] }> {
  let workshop = await facilitatedWorkshop(deps.repos, actor);
  if (workshop.phase !== "setup" && workshop.phase !== "homework") {
    throw new Refusal("conflict", `Homework is over: ${phaseText(workshop.phase).toLowerCase()}.`);
  }
  const projects = await deps.repos.projects.list(workshop.id);
  if (projects.length === 0) throw new Refusal("conflict", "Add projects first, with `/cluster project add`.");
  if (workshop.phase === "setup") workshop = await deps.repos.workshops.setPhase(workshop.id, "homework");
  await replanReminders(deps, workshop.id);
  const byPerson = new Map<string, HomeworkInvitation["projects"]>();
  for (const project of projects) {
    for (const personId of project.memberIds) {
      byPerson.set(personId, [...(byPerson.get(personId) ?? []), { id: project.id, acronym: project.acronym }]);
    }
  }
  const invitations = [...byPerson].map(([personId, memberOf]) => ({ personId, projects: memberOf }));
  return { workshop, invitations };
}

export interface InvitationsSent {
  /** Sent now, or kept in the outbox to be sent as soon as the platform lets it. */
  sent: number;
  /** The platform will never deliver them (listed in `/cluster status`); opening homework again retries them. */
  failed: number;
  /** Held for quiet hours where the person is: sent on their next working morning (see `heldInvitationKind`). */
  held: number;
}

/** A held invitation: a scheduled job, due on the person's next working morning, that then sends it. */
export const heldInvitationKind = "homework.invitation";

/** Sends each invitation once, however often homework is opened (a retried command, a second facilitator). */
export async function sendHomeworkInvitations(
  deps: AppDependencies,
  workshop: Workshop,
  invitations: HomeworkInvitation[],
  /** Tells this invitation apart from the one homework opening sends (e.g. a project added later). */
  keySuffix = "",
  /** False when the held invitation's own morning has come (the job that sends it). */
  holdForQuietHours = true,
): Promise<InvitationsSent> {
  const outcome: InvitationsSent = { sent: 0, failed: 0, held: 0 };
  const now = deps.clock.now();
  for (const invitation of invitations) {
    try {
      // A member added by a facilitator is known by id only: this fetches their name and zone from the platform once.
      // If the platform cannot tell now (rate limit, gone user), the workshop's zone does and the outbox still decides.
      const recipient = await resolveRecipient(
        deps,
        workshop.workspaceId,
        invitation.personId,
        workshop.timezone,
      ).catch((error: unknown) => {
        deps.logger.debug({ err: error, personId: invitation.personId }, "no profile for an invitation's time zone");
        return null;
      });
      const zone = usableTimeZone(recipient?.timeZone, workshop.timezone);
      const key = `homework-invite:${workshop.id}:${invitation.personId}${keySuffix}`;
      // Like reminders, an invitation does not reach anyone in their evening, night or weekend.
      const sendAt = nextSendableTime(now, zone, deps.quietHours ?? defaultQuietHours);
      if (holdForQuietHours && sendAt > now) {
        await deps.repos.jobs.schedule([
          {
            kind: heldInvitationKind,
            dedupeKey: `held:${key}`,
            dueAt: sendAt,
            createdAt: now,
            workshopId: workshop.id,
            target: invitation.personId,
            payload: {
              personId: invitation.personId,
              projectIds: invitation.projects.map((project) => project.id).join(","),
              keySuffix,
            },
          },
        ]);
        outcome.held++;
        continue;
      }
      const receipt = await deps.notify.notify({
        to: { workspaceId: workshop.workspaceId, personId: invitation.personId },
        key,
        message: invitationMessage(workshop, invitation, now, zone),
      });
      // Queued: kept in the outbox, which sends it as soon as the platform lets it.
      if (receipt.status === "sent" || (receipt.status === "queued" && !receipt.alreadyKept)) outcome.sent++;
    } catch (error) {
      deps.logger.warn({ err: error, personId: invitation.personId }, "a homework invitation could not be sent");
      outcome.failed++;
    }
  }
  return outcome;
}

/** The deadline is shown in the reader's own time (`zone` for surfaces that cannot localise), with the time left. */
function invitationMessage(workshop: Workshop, invitation: HomeworkInvitation, now: Date, zone: string): Message {
  const title = `Homework for "${workshop.name}" is open`;
  const deadline = workshop.homeworkDeadline;
  const due = deadline ? rich`Due ${deadlineText(deadline, now, zone)}.` : ["There is no deadline yet."];
  return {
    summary: deadline ? rich`${title}: due ${deadlineText(deadline, now, zone)}` : title,
    blocks: [
      { kind: "text", title, text: due },
      {
        kind: "text",
        text: "Three steps: list your project's most significant exploitable results, characterise each, and say which other projects' results interest you. You can save a draft and come back.",
      },
      {
        kind: "buttons",
        buttons: invitation.projects.map((project) => ({
          actionId: homeworkActions.start,
          label: `Start homework: ${project.acronym}`,
          value: project.id,
          style: "primary" as const,
        })),
      },
    ],
  };
}
