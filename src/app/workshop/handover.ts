// Handing a workshop to another facilitator, by the operator (`clusterbot workshop handover`): the way back when the
// wrong person ended up owning a workshop. No actor: whoever runs it holds the database.
import type { Repositories } from "../../store/repositories/index.ts";

export interface HandoverRequest {
  workshopId: string;
  /** The new owner: an email of someone who has used Clusterbot in that workspace, or their platform user id. */
  to: string;
  /** Keep the previous owner as a co-facilitator (by default they are removed). */
  keepPrevious: boolean;
}

export type HandoverOutcome =
  | { ok: true; workshopName: string; toPersonId: string; previous: string[] }
  | { ok: false; problem: string };

export async function handOverWorkshop(repos: Repositories, request: HandoverRequest): Promise<HandoverOutcome> {
  const workshop = await repos.workshops.find(request.workshopId);
  if (!workshop) return { ok: false, problem: `There is no workshop with the id ${request.workshopId}.` };
  const to = request.to.trim();
  let personId: string;
  if (to.includes("@")) {
    const matches = await repos.people.findByEmail(workshop.workspaceId, to);
    if (matches.length === 0)
      return {
        ok: false,
        problem: `No one with the email ${to} has used Clusterbot in the workshop's workspace yet; give their user id instead (Slack: U…).`,
      };
    if (matches.length > 1)
      return {
        ok: false,
        problem: `${matches.length} people in that workspace have the email ${to} (${matches.map((m) => m.externalId).join(", ")}); give one user id instead.`,
      };
    personId = matches[0]!.id;
  } else {
    if (!/^[A-Za-z0-9:_.-]{2,200}$/.test(to))
      return { ok: false, problem: `"${to}" is neither an email nor a user id.` };
    personId = (await repos.people.ensure(workshop.workspaceId, to)).id;
  }
  const previous = await repos.workshops.handOver(workshop.id, personId, request.keepPrevious);
  return { ok: true, workshopName: workshop.name, toPersonId: personId, previous };
}
