// Who a scheduled message goes to, in which timezone, and the earliest moment they may be disturbed.

import { defaultQuietHours, nextSendableTime } from "../../core/reminders/quiet-hours.ts";
import { usableTimeZone } from "../../core/reminders/zoned-time.ts";
import { PermanentJobError } from "../../scheduler/job-handler.ts";
import { profileMaxAgeMs } from "../interaction/actors.ts";
import type { PersonRef } from "../ports/notify.ts";
import type { ReminderDependencies } from "./dependencies.ts";

export interface Recipient extends PersonRef {
  displayName: string;
  timeZone: string;
  awayUntil: Date | null;
}

/**
 * The person and their timezone. The timezone comes from the platform profile; it is kept on the person and read
 * again from the platform when unknown or older than a day (people travel; interactions refresh it too).
 */
export async function resolveRecipient(
  deps: ReminderDependencies,
  workspaceId: string,
  personId: string,
  fallbackTimeZone: string,
): Promise<Recipient> {
  const person = await deps.repos.people.find(personId);
  if (!person) throw new PermanentJobError(`person ${personId} is no longer known`);
  const to = { workspaceId, personId };
  let timeZone = person.timezone;
  const now = deps.clock.now();
  const readAt = person.profileReadAt ?? null;
  if (!timeZone || !readAt || now.getTime() - readAt.getTime() >= profileMaxAgeMs) {
    // Not read this time (the platform is down): a zone kept from before still holds; without one, retry later.
    const profile = await deps.notify.profile(to).catch((error: unknown) => {
      if (!timeZone) throw error;
      return null;
    });
    if (profile?.timezone) {
      await deps.repos.people.updateProfile(personId, profile, now);
      timeZone = profile.timezone;
    }
  }
  return {
    ...to,
    displayName: person.displayName,
    timeZone: usableTimeZone(timeZone, fallbackTimeZone),
    awayUntil: person.awayUntil,
  };
}

/**
 * Now, or when the recipient may next be disturbed: after their "away until", a snooze, Do Not Disturb, and outside
 * quiet hours and weekends in their own timezone. `now` is the handler's one reading of the clock, so a result
 * equal to it means "send now".
 */
export async function nextDeliveryTime(
  deps: ReminderDependencies,
  recipient: Recipient,
  now: Date,
  holds: (Date | null)[] = [],
): Promise<Date> {
  let earliest = now;
  for (const hold of [recipient.awayUntil, ...holds]) if (hold && hold > earliest) earliest = hold;
  if (earliest === now) {
    const dndEnds = await deps.notify.doNotDisturbUntil(recipient, now);
    if (dndEnds && dndEnds > now) earliest = dndEnds;
  }
  return nextSendableTime(earliest, recipient.timeZone, deps.quietHours ?? defaultQuietHours);
}
