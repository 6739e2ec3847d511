// People stay in control: "Snooze a day" on a reminder, and "I'm away until …".
import type { ReminderDependencies } from "./dependencies.ts";

export const snoozeMs = 24 * 3_600_000;

/** No homework reminder for this workshop for a day; returns when reminders may resume. */
export async function snooze(deps: ReminderDependencies, personId: string, workshopId: string): Promise<Date> {
  const until = new Date(deps.clock.now().getTime() + snoozeMs);
  await deps.repos.jobs.snooze(workshopId, personId, until);
  return until;
}

/** No nudges (reminders, digests) before `until`; null means back now. */
export async function setAway(deps: ReminderDependencies, personId: string, until: Date | null): Promise<void> {
  await deps.repos.people.setAwayUntil(personId, until && until > deps.clock.now() ? until : null);
}
