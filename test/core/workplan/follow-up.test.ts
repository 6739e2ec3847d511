// The follow-up rules: when rounds fall, which items count as silent, the status form.
import { describe, expect, it } from "vitest";
import {
  isFlagged,
  isQuiet,
  nextRoundDue,
  parseFollowUpForm,
  readFollowUpWeeks,
  roundCheckDue,
  silentRounds,
} from "../../../src/core/workplan/follow-up.ts";

const day = 86_400_000;
const at = (iso: string) => new Date(iso);

describe("follow-up rounds", () => {
  it("falls the given weeks later, moved to the next working morning in the workshop's zone", () => {
    // Kick-off on Tuesday 5 Jan 2027 at 15:00 in Brussels: four weeks later is a Tuesday afternoon, a working hour.
    expect(nextRoundDue(at("2027-01-05T14:00:00Z"), 4, "Europe/Brussels").toISOString()).toBe(
      "2027-02-02T14:00:00.000Z",
    );
    // A kick-off on Friday evening: four weeks later is a Friday 21:00 → Monday 09:00 local.
    expect(nextRoundDue(at("2027-01-08T20:00:00Z"), 4, "Europe/Brussels").toISOString()).toBe(
      "2027-02-08T08:00:00.000Z",
    );
  });

  it("is checked a week after it is posted", () => {
    expect(roundCheckDue(at("2027-02-02T14:00:00Z"), 4).getTime()).toBe(at("2027-02-09T14:00:00Z").getTime());
  });
});

describe("silent items", () => {
  const created = at("2027-01-05T10:00:00Z");
  const round = (n: number, checked = true) => ({
    round: n,
    postedAt: new Date(created.getTime() + n * 28 * day),
    checkedAt: checked ? new Date(created.getTime() + (n * 28 + 7) * day) : null,
  });

  it("counts the checked rounds since the item's last answer", () => {
    const silent = { createdAt: created, progress: null, progressAt: null };
    expect(silentRounds(silent, [round(1)])).toBe(1);
    expect(isFlagged(silent, [round(1)])).toBe(false);
    expect(isFlagged(silent, [round(1), round(2)])).toBe(true);
    // A round not checked yet does not count: its leads still have the week to answer.
    expect(isFlagged(silent, [round(1), round(2, false)])).toBe(false);

    const answered = { createdAt: created, progress: "late", progressAt: new Date(created.getTime() + 30 * day) };
    expect(silentRounds(answered, [round(1), round(2)])).toBe(1);
    expect(isFlagged(answered, [round(1), round(2), round(3)])).toBe(true);
  });

  it("never flags an item that is done or dropped, nor one made after the rounds", () => {
    expect(isFlagged({ createdAt: created, progress: "done", progressAt: created }, [round(1), round(2)])).toBe(false);
    const late = { createdAt: new Date(created.getTime() + 60 * day), progress: null, progressAt: null };
    expect(silentRounds(late, [round(1), round(2)])).toBe(0);
  });

  it("calls a group quiet after the follow-up weeks without activity", () => {
    expect(isQuiet(created, new Date(created.getTime() + 27 * day), 4)).toBe(false);
    expect(isQuiet(created, new Date(created.getTime() + 28 * day), 4)).toBe(true);
  });
});

describe("status form and settings", () => {
  it("takes a status and an optional note, and refuses anything else next to the field", () => {
    expect(parseFollowUpForm({ status: "late", note: " waiting for data " })).toEqual({
      ok: true,
      value: { status: "late", note: "waiting for data" },
    });
    expect(parseFollowUpForm({ status: "done", note: "" })).toEqual({
      ok: true,
      value: { status: "done", note: null },
    });
    const bad = parseFollowUpForm({ status: "maybe", note: null });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.status).toContain("on track");
  });

  it("reads the weeks between follow-ups as a whole number from 1 to 26", () => {
    expect(readFollowUpWeeks("6")).toBe(6);
    expect(readFollowUpWeeks(" 1 ")).toBe(1);
    expect(readFollowUpWeeks("0")).toBeNull();
    expect(readFollowUpWeeks("2.5")).toBeNull();
    expect(readFollowUpWeeks("27")).toBeNull();
    expect(readFollowUpWeeks("soon")).toBeNull();
  });
});
