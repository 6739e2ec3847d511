// Who a scheduled message goes to, in which timezone, and the earliest moment they may be disturbed.

import { defaultQuietHours, nextSendableTime } from "../../core/reminders/quiet-hours.ts";
import { usableTimeZone } from "../../core/reminders/zoned-time.ts";
import { PermanentJobError } from "../../scheduler/job-handler.ts";
import type { ChatPort } from "../ports/chat.ts";
import type { ReminderDependencies } from "./dependencies.ts";

export interface Recipient {
  personId: string;
  displayName: string;
  externalId: string;
  timeZone: string;
  awayUntil: Date | null;
}

/**
 * The person's chat identity and timezone. The timezone comes from the platform profile; it is kept on the person,
 * so the profile is looked up only while it is unknown (the adapters refresh it whenever the person interacts).
 */
export async function resolveRecipient(
  deps: ReminderDependencies,
  port: ChatPort,
  workspaceId: string,
  personId: string,
  fallbackTimeZone: string,
): Promise<Recipient> {
  const [person, externalIds] = await Promise.all([
    deps.repos.people.find(personId),
    deps.repos.people.externalIds(workspaceId, [personId]),
  ]);
  const externalId = externalIds.get(personId);
  if (!person || !externalId) throw new PermanentJobError(`person ${personId} has no chat account in this workspace`);
  let timeZone = person.timezone;
  if (!timeZone) {
    const profile = await port.userProfile(externalId);
    if (profile.timezone) {
      await deps.repos.people.ensure(workspaceId, externalId, {
        displayName: profile.displayName,
        email: profile.email,
        timezone: profile.timezone,
      });
      timeZone = profile.timezone;
    }
  }
  return {
    personId,
    displayName: person.displayName,
    externalId,
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
  port: ChatPort,
  recipient: Recipient,
  now: Date,
  holds: (Date | null)[] = [],
): Promise<Date> {
  let earliest = now;
  for (const hold of [recipient.awayUntil, ...holds]) if (hold && hold > earliest) earliest = hold;
  if (earliest === now) {
    const dndEnds = await port.doNotDisturbUntil(recipient.externalId, now);
    if (dndEnds && dndEnds > now) earliest = dndEnds;
  }
  return nextSendableTime(earliest, recipient.timeZone, deps.quietHours ?? defaultQuietHours);
}
