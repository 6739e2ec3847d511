// The scheduler's handlers for reminder jobs, bound to the app's collaborators.
import type { JobHandlers } from "../../scheduler/job-handler.ts";
import { sendHeldInvitation } from "../homework/held-invitation.ts";
import { heldInvitationKind } from "../homework/open.ts";
import type { ReminderDependencies } from "./dependencies.ts";
import { sendFacilitatorDigest, sendMissingAfterDeadline } from "./facilitator-reports.ts";
import { reminderKinds } from "./job-kinds.ts";
import { completionCounter } from "./progress.ts";
import { sendReminder } from "./send-reminder.ts";

export function reminderJobHandlers(deps: ReminderDependencies): JobHandlers {
  const counter = completionCounter(deps.repos, () => deps.clock.now().getTime());
  return {
    [reminderKinds.reminder]: (job) => sendReminder(deps, counter, job),
    [reminderKinds.nudge]: (job) => sendReminder(deps, counter, job),
    [reminderKinds.digest]: (job) => sendFacilitatorDigest(deps, job),
    [reminderKinds.missing]: (job) => sendMissingAfterDeadline(deps, job),
    [heldInvitationKind]: (job) => sendHeldInvitation(deps, job),
  };
}
