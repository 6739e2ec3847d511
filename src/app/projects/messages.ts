// What a facilitator reads after adding or editing a project: that it is saved, and when its members hear of it.
import type { Project } from "../../core/model/domain.ts";
import type { Message } from "../../core/screens/message.ts";
import { heldWords } from "../homework/messages.ts";
import type { InvitationsSent } from "../homework/open.ts";

export function projectSavedMessage(project: Project, created: boolean, invited: InvitationsSent | null): Message {
  const members = project.memberIds.length;
  const who = `${members} member${members === 1 ? "" : "s"}`;
  const saved = created ? `Added ${project.acronym} (${who}).` : `Saved ${project.acronym} (${who}).`;
  let next: string;
  if (members === 0) next = `Add its members with /cluster project edit ${project.acronym}.`;
  else if (!invited) next = "Its members are invited when you open the homework with /cluster homework open.";
  else if (invited.sent === 0 && invited.failed === 0 && invited.held === 0)
    next = "Homework is open: its members were invited already.";
  else {
    const failed =
      invited.failed > 0
        ? ` ${invited.failed} invitation${invited.failed === 1 ? "" : "s"} could not be sent: save the project again to retry.`
        : "";
    const count = invited.sent + invited.held;
    next = `Homework is open: invited ${count} new member${count === 1 ? "" : "s"} now.${heldWords(invited.held)}${failed}`;
  }
  return { summary: `${saved} ${next}` };
}
