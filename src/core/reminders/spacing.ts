// One reminder per person per half day, whatever asked for it (a planned reminder or a facilitator's nudge): a
// second one within this gap is dropped (planned) or held until the gap has passed (nudge).

export const reminderGapMs = 12 * 3_600_000;

/** The earliest moment another reminder may reach someone last reminded at `lastAt`. */
export function nextReminderAllowedAt(lastAt: Date): Date {
  return new Date(lastAt.getTime() + reminderGapMs);
}
