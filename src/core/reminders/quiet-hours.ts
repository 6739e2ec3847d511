// Nobody gets a nudge in their evening, night or weekend: a message due then waits for the next working morning.
import { addDays, instantAt, localDateTime, weekdayOf } from "./zoned-time.ts";

export interface QuietHours {
  /** Local hour from which nothing is sent (20 = 20:00). */
  startHour: number;
  /** Local hour until which nothing is sent (8 = 08:00). */
  endHour: number;
  /** Local hour at which a held message goes out (9 = 09:00). */
  sendHour: number;
  /** Days on which nothing is sent, 0 = Sunday … 6 = Saturday. */
  weekendDays: readonly number[];
}

export const defaultQuietHours: QuietHours = { startHour: 20, endHour: 8, sendHour: 9, weekendDays: [0, 6] };

/** No quiet hours at all: for tests that run on the real clock, whose outcome must not depend on the hour. */
export const noQuietHours: QuietHours = { startHour: 24, endHour: 0, sendHour: 9, weekendDays: [] };

export function isQuietTime(at: Date, timeZone: string, rules: QuietHours = defaultQuietHours): boolean {
  const local = localDateTime(at, timeZone);
  return rules.weekendDays.includes(local.weekday) || local.hour >= rules.startHour || local.hour < rules.endHour;
}

/** `at` itself when it is a working hour in `timeZone`, else the next working day's `sendHour` there. */
export function nextSendableTime(at: Date, timeZone: string, rules: QuietHours = defaultQuietHours): Date {
  if (!isQuietTime(at, timeZone, rules)) return at;
  const local = localDateTime(at, timeZone);
  let day = local.hour < rules.endHour ? { year: local.year, month: local.month, day: local.day } : addDays(local, 1);
  while (rules.weekendDays.includes(weekdayOf(day))) day = addDays(day, 1);
  return instantAt(day, rules.sendHour, 0, timeZone);
}
