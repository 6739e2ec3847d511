// Sends a scheduled job's direct message at most once: the job id is the notification's idempotency key, so a retry
// of the job (or another replica taking it over after a crash) does not send it again.
import type { Message } from "../../core/screens/message.ts";
import { done, type JobResult } from "../../scheduler/job-handler.ts";
import type { JobRecord } from "../../store/repositories/jobs.ts";
import type { NotifyPort, PersonRef } from "../ports/notify.ts";

export const sentOutcomes = { sent: "sent", alreadySent: "sent: found in the conversation after a retry" } as const;

export async function deliverOnce(
  notify: NotifyPort,
  to: PersonRef,
  message: Message,
  job: JobRecord,
): Promise<JobResult> {
  const receipt = await notify.send({ to, key: job.id, message });
  return done(receipt.status === "sent" ? sentOutcomes.sent : sentOutcomes.alreadySent);
}
