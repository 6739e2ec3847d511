// Linking a member who was imported by email to their chat account.
//
// Call `adoptInvitedMember` from the actor resolution, right after the chat user's profile (with its email) has
// been stored — for Slack, in src/platforms/slack/actor.ts after `people.ensure(workspace.id, userId, profile)`;
// for Teams, at the same point once the user's email (UPN/mail from Graph or the activity) is known. It moves the
// invited person's project memberships to the chat user and removes the placeholder, so the person's homework,
// reminders and summaries follow them. It is idempotent and cheap when nobody was invited with that email.
import type { Repositories } from "../../store/repositories/index.ts";

export interface ChatUserWithEmail {
  workspaceId: string;
  /** The person behind the chat user (already created by the actor resolution). */
  personId: string;
  email: string | null | undefined;
}

/** Returns how many invited placeholders were folded into the chat user (0 when none matched). */
export async function adoptInvitedMember(repos: Repositories, user: ChatUserWithEmail): Promise<number> {
  const email = user.email?.trim();
  if (!email) return 0;
  return repos.workshopRecords.adoptInvited(user.workspaceId, user.personId, email);
}
