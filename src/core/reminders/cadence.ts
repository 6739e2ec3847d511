// When homework reminders and facilitator digests are due, from the deadline and the workshop's timezone.
import { addDays, type CalendarDate, calendarDateOf, instantAt, isoDate, weekdayOf } from "./zoned-time.ts";

/** 7, 3 and 1 days before the deadline, and the deadline morning. */
export const defaultCadenceDays: readonly number[] = [7, 3, 1, 0];

/** Local hour of planned reminders and digests ("the deadline morning" is this hour on the deadline day). */
export const morningHour = 9;

export interface PlannedReminder {
  daysBefore: number;
  at: Date;
  /** The last reminder of the cadence: after it the bot stops. */
  last: boolean;
}

export interface PlannedDigest {
  /** The workshop-local day, e.g. "2026-03-16". */
  day: string;
  at: Date;
}

/** Whole days ≥ 0, each once, furthest first. */
export function normaliseCadence(days: readonly number[]): number[] {
  const valid = days.filter((day) => Number.isInteger(day) && day >= 0 && day <= 365);
  return [...new Set(valid)].sort((a, b) => b - a);
}

/** One reminder per cadence day at 09:00 workshop-local, keeping those after `now` and before the deadline. */
export function reminderSchedule(
  deadline: Date,
  timeZone: string,
  cadenceDays: readonly number[],
  now: Date,
): PlannedReminder[] {
  const deadlineDay = calendarDateOf(deadline, timeZone);
  const all = normaliseCadence(cadenceDays)
    .map((daysBefore) => ({ daysBefore, at: morningOf(addDays(deadlineDay, -daysBefore), timeZone) }))
    .filter(({ at }) => at < deadline);
  return all.map((reminder, index) => ({ ...reminder, last: index === all.length - 1 })).filter(({ at }) => at > now);
}

/** A digest every working day (in the workshop's timezone) at 09:00, from now until the deadline. */
export function digestSchedule(deadline: Date, timeZone: string, now: Date): PlannedDigest[] {
  const digests: PlannedDigest[] = [];
  const lastDay = calendarDateOf(deadline, timeZone);
  for (let day = calendarDateOf(now, timeZone); isoDate(day) <= isoDate(lastDay); day = addDays(day, 1)) {
    const weekday = weekdayOf(day);
    if (weekday === 0 || weekday === 6) continue;
    const at = morningOf(day, timeZone);
    if (at > now && at < deadline) digests.push({ day: isoDate(day), at });
  }
  return digests;
}

function morningOf(day: CalendarDate, timeZone: string): Date {
  return instantAt(day, morningHour, 0, timeZone);
}
