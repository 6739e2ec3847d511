import type { Workshop } from "../../core/model/domain.ts";
import { facilitatedWorkshop } from "../access.ts";
import type { Actor, AppDependencies } from "../context.ts";
import { Refusal } from "../refusal.ts";

export interface HomeworkInvitation {
  personId: string;
  userExternalId: string;
  projects: { id: string; acronym: string }[];
}

/** Moves the workshop into its homework phase and lists who is invited (every member, once). */
export async function openHomework(
  deps: AppDependencies,
  actor: Actor,
): Promise<{ workshop: Workshop; invitations: HomeworkInvitation[] }> {
  let workshop = await facilitatedWorkshop(deps.repos, actor);
  if (workshop.phase !== "setup" && workshop.phase !== "homework") {
    throw new Refusal("conflict", `Homework is over: the workshop is in its ${workshop.phase} phase.`);
  }
  const projects = await deps.repos.projects.list(workshop.id);
  if (projects.length === 0) throw new Refusal("conflict", "Add projects first, with `/cluster project add`.");
  if (workshop.phase === "setup") workshop = await deps.repos.workshops.setPhase(workshop.id, "homework");
  const byPerson = new Map<string, HomeworkInvitation["projects"]>();
  for (const project of projects) {
    for (const personId of project.memberIds) {
      byPerson.set(personId, [...(byPerson.get(personId) ?? []), { id: project.id, acronym: project.acronym }]);
    }
  }
  const externalIds = await deps.repos.people.externalIds(actor.workspaceId, [...byPerson.keys()]);
  const invitations = [...byPerson].flatMap(([personId, memberOf]) => {
    const userExternalId = externalIds.get(personId);
    return userExternalId ? [{ personId, userExternalId, projects: memberOf }] : [];
  });
  return { workshop, invitations };
}

/** Sends each invitation once, however often homework is opened (a retried command, a second facilitator). */
export async function sendHomeworkInvitations(
  deps: AppDependencies,
  workshop: Workshop,
  invitations: HomeworkInvitation[],
): Promise<number> {
  const chat = await deps.chatForWorkspace(workshop.workspaceId);
  let sent = 0;
  for (const invitation of invitations) {
    if (!(await deps.repos.deliveries.firstTime(`homework-invite:${workshop.id}:${invitation.personId}`))) continue;
    const deadline = workshop.homeworkDeadline ? ` by ${formatDeadline(workshop)}` : "";
    await chat.sendDirectMessage(invitation.userExternalId, {
      summary: `Homework for "${workshop.name}" is open`,
      paragraphs: [
        {
          heading: `Homework for "${workshop.name}" is open`,
          text: `Please list your project's most significant exploitable results, characterise each, and say which other projects' results interest you${deadline}.`,
        },
      ],
      buttons: invitation.projects.map((project) => ({
        actionId: "homework.start",
        label: `Start homework: ${project.acronym}`,
        value: project.id,
        style: "primary" as const,
      })),
    });
    sent++;
  }
  return sent;
}

function formatDeadline(workshop: Workshop): string {
  const deadline = workshop.homeworkDeadline;
  if (!deadline) return "";
  return `${new Intl.DateTimeFormat("en-GB", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: workshop.timezone,
  }).format(deadline)} (${workshop.timezone})`;
}
