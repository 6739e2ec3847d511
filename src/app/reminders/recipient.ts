// Who a scheduled message goes to, in which timezone, and the earliest moment they may be disturbed.

import { defaultQuietHours, nextSendableTime } from "../../core/reminders/quiet-hours.ts";
import { usableTimeZone } from "../../core/reminders/zoned-time.ts";
import { PermanentJobError } from "../../scheduler/job-handler.ts";
import type { PersonRef } from "../ports/notify.ts";
import type { ReminderDependencies } from "./dependencies.ts";

export interface Recipient extends PersonRef {
  displayName: string;
  timeZone: string;
  awayUntil: Date | null;
}

/**
 * The person and their timezone. The timezone comes from the platform profile; it is kept on the person, so the
 * profile is looked up only while it is unknown (interactions refresh it).
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
  if (!timeZone) {
    const profile = await deps.notify.profile(to);
    if (profile?.timezone) {
      await deps.repos.people.updateProfile(personId, profile);
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
