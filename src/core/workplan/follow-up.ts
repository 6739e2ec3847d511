// Working-group follow-ups, the pure rules: the answers a lead can give, when the next round is due, which items
// went unanswered for two rounds, and the status form.
import { z } from "zod";
import { optionalText } from "../forms/fields.ts";
import { type FieldErrors, type FormSpec, parseForm, type RawValues } from "../forms/spec.ts";
import { defaultQuietHours, nextSendableTime, type QuietHours } from "../reminders/quiet-hours.ts";

export const followUpStatuses = ["done", "on_track", "late", "dropped"] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export const followUpStatusLabels: Record<FollowUpStatus, string> = {
  done: "Done",
  on_track: "On track",
  late: "Late",
  dropped: "Dropped",
};

export function isFollowUpStatus(value: string | null | undefined): value is FollowUpStatus {
  return followUpStatuses.includes(value as FollowUpStatus);
}

/** Items that are done or dropped are not asked about again. */
export function isClosedStatus(status: string | null): boolean {
  return status === "done" || status === "dropped";
}

export const defaultFollowUpWeeks = 4;
export const maxFollowUpWeeks = 26;
/** Unanswered follow-ups after which an item is flagged to the facilitators. */
export const silentRoundsBeforeFlag = 2;
const weekMs = 7 * 86_400_000;

/** A round is due `weeks` after the previous one (or the kick-off), at a working hour in the workshop's zone. */
export function nextRoundDue(
  previous: Date,
  weeks: number,
  timeZone: string,
  quietHours: QuietHours = defaultQuietHours,
): Date {
  return nextSendableTime(new Date(previous.getTime() + weeks * weekMs), timeZone, quietHours);
}

/** Silence is judged a week after a round (sooner when rounds are closer than a week). */
export function roundCheckDue(postedAt: Date, weeks: number): Date {
  return new Date(postedAt.getTime() + Math.min(weeks, 1) * weekMs);
}

export interface RoundFacts {
  round: number;
  postedAt: Date;
  checkedAt: Date | null;
}

export interface ItemFacts {
  createdAt: Date;
  progress: string | null;
  progressAt: Date | null;
}

/** Checked rounds that asked about the item since its last answer (or since it was made) and got no answer. */
export function silentRounds(item: ItemFacts, rounds: readonly RoundFacts[]): number {
  if (isClosedStatus(item.progress)) return 0;
  const since = item.progressAt && item.progressAt > item.createdAt ? item.progressAt : item.createdAt;
  return rounds.filter((round) => round.checkedAt !== null && round.postedAt > since).length;
}

export function isFlagged(item: ItemFacts, rounds: readonly RoundFacts[]): boolean {
  return silentRounds(item, rounds) >= silentRoundsBeforeFlag;
}

/** The group has been quiet for the follow-up weeks: nothing from a person since `quietSince`. */
export function isQuiet(lastActivity: Date, now: Date, weeks: number): boolean {
  return now.getTime() - lastActivity.getTime() >= weeks * weekMs;
}

export const followUpFormId = "workplan.status";

export function followUpForm(activity: string, current: FollowUpStatus, note: string | null): FormSpec {
  return {
    id: followUpFormId,
    title: "Status of the item",
    submitLabel: "Save",
    fields: [
      {
        id: "status",
        label: activity.length > 150 ? `${[...activity].slice(0, 150).join("")}…` : activity,
        kind: "choice",
        required: true,
        options: followUpStatuses.map((status) => ({ value: status, label: followUpStatusLabels[status] })),
        initial: current,
      },
      {
        id: "note",
        label: "Note",
        kind: "longText",
        required: false,
        maxLength: 1000,
        hint: "What happened, what is next, what would help.",
        initial: note,
      },
    ],
  };
}

const followUpSchema = z.object({
  status: z.enum(followUpStatuses, "Choose done, on track, late or dropped."),
  note: optionalText("the note", 1000),
});

export function parseFollowUpForm(
  raw: RawValues,
): { ok: true; value: { status: FollowUpStatus; note: string | null } } | { ok: false; errors: FieldErrors } {
  return parseForm(followUpSchema, raw);
}

/** Reads the weeks given to `/cluster groups followups <weeks>`. */
export function readFollowUpWeeks(text: string): number | null {
  const weeks = Number(text.trim());
  return Number.isInteger(weeks) && weeks >= 1 && weeks <= maxFollowUpWeeks ? weeks : null;
}
