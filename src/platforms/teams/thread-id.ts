// Thread ids in channels: a thread is a channel post and its replies. Teams addresses a reply to the thread as
// the conversation "<channel id>;messageid=<post id>"; we store the post id as the thread id.
import { toThreadedConversationId } from "@microsoft/teams.apps";

export function threadConversationId(channelConversationId: string, threadId: string): string {
  return toThreadedConversationId(channelConversationId, threadId);
}

/** "<channel>;messageid=<post>" → its parts; a plain conversation id has no thread. */
export function splitConversationId(conversationId: string): { conversationId: string; threadId: string | null } {
  const [base = conversationId, threadId] = conversationId.split(";messageid=");
  return { conversationId: base, threadId: threadId ?? null };
}
