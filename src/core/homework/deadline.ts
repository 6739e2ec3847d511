// The homework deadline as a reader sees it: the moment in their own time zone (a date-time value each surface draws
// for its reader) and how long is left.
import { dateTime, type Inline, rich } from "../screens/text.ts";

const dayMs = 86_400_000;

/** "3 days left", "1 day left", "less than a day left", "passed". Whole days, rounded down: never promises more. */
export function timeLeftText(deadline: Date, now: Date): string {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return "passed";
  const days = Math.floor(left / dayMs);
  if (days === 0) return "less than a day left";
  return `${days} day${days === 1 ? "" : "s"} left`;
}

/** "<date-time> (3 days left)", or "no deadline"; `zone` is the reader's, for surfaces that cannot localise. */
export function deadlineText(deadline: Date | null, now: Date, zone?: string): Inline[] {
  if (!deadline) return ["no deadline"];
  return rich`${dateTime(deadline, "datetime", zone)} (${timeLeftText(deadline, now)})`;
}
