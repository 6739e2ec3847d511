// Sends a scheduled job's direct message at most once: the message carries the job id as its tag, and an attempt
// after the first looks for that tag in the conversation before sending (the earlier attempt may have died between
// sending and recording it).
import { jobTag } from "../../core/reminders/messages.ts";
import { done, type JobResult } from "../../scheduler/job-handler.ts";
import type { JobRecord } from "../../store/repositories/jobs.ts";
import type { ChatMessage, ChatPort } from "../ports/chat.ts";

/** Clock skew allowed between us and the platform when searching the conversation. */
const historySlackMs = 10 * 60_000;

export const sentOutcomes = { sent: "sent", alreadySent: "sent: found in the conversation after a retry" } as const;

export async function deliverOnce(
  port: ChatPort,
  userExternalId: string,
  message: ChatMessage,
  job: JobRecord,
): Promise<JobResult> {
  const tag = jobTag(job.id);
  if (job.attempts > 1) {
    const since = new Date(job.createdAt.getTime() - historySlackMs);
    if (await port.hasTaggedDirectMessage(userExternalId, tag, since)) return done(sentOutcomes.alreadySent);
  }
  await port.sendDirectMessage(userExternalId, { ...message, tag });
  return done(sentOutcomes.sent);
}
