// Wall-clock time in an IANA timezone, with Intl.DateTimeFormat doing the zone rules (DST included).

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface LocalDateTime extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The first valid zone of the candidates, else UTC. */
export function usableTimeZone(...candidates: (string | null | undefined)[]): string {
  return candidates.find((zone): zone is string => !!zone && isValidTimeZone(zone)) ?? "UTC";
}

export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const date = { year: fields.year ?? 1970, month: fields.month ?? 1, day: fields.day ?? 1 };
  return {
    ...date,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    weekday: weekdayOf(date),
  };
}

/** The instant at which the wall clock in `timeZone` shows this date and time (the later offset inside a DST gap). */
export function instantAt(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const firstGuess = asUtc - offsetMs(new Date(asUtc), timeZone);
  const secondGuess = asUtc - offsetMs(new Date(firstGuess), timeZone);
  return new Date(secondGuess);
}

/** How far the zone's wall clock is ahead of UTC at this instant. */
export function offsetMs(instant: Date, timeZone: string): number {
  const local = localDateTime(instant, timeZone);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function calendarDateOf(instant: Date, timeZone: string): CalendarDate {
  const { year, month, day } = localDateTime(instant, timeZone);
  return { year, month, day };
}

/** "2026-03-20" */
export function isoDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}
