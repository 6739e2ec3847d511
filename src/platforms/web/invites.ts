// Invite links: a person (added by name if new) gets a link with a fresh random token; older links stop working.
import type { WirePerson } from "./protocol.ts";
import type { WorkspaceService } from "./service/index.ts";

export interface InviteLink {
  person: WirePerson;
  created: boolean;
  link: string;
  expiresAt: Date;
}

export async function issueInvite(service: WorkspaceService, name: string, baseUrl: string): Promise<InviteLink> {
  const { person, created } = await service.people.ensure(name);
  const invite = await service.credentials.issueInvite(person.id);
  const link = new URL(`/join#${invite.token}`, baseUrl).toString();
  return { person, created, link, expiresAt: invite.expiresAt };
}
