// A conversation that records what the core asks it to show: the mock adapter the core's tests run against.
import type { Reply } from "../../../src/app/interaction/reply.ts";
import type { Conversation } from "../../../src/app/ports/converse.ts";
import type { PersonProfile } from "../../../src/app/ports/notify.ts";

export interface RecordingConversation extends Conversation {
  replies: Reply[];
}

export function recordingConversation(
  options: { answersEarly?: boolean; profile?: PersonProfile | null } = {},
): RecordingConversation {
  const replies: Reply[] = [];
  return {
    answersEarly: options.answersEarly ?? false,
    replies,
    async reply(reply) {
      replies.push(reply);
    },
    ...(options.profile !== undefined ? { actorProfile: async () => options.profile ?? null } : {}),
  };
}
