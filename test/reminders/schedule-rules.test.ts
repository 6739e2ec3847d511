// Pure rules: quiet hours and weekends across timezones and DST, the cadence, digests, backoff.
import { describe, expect, it } from "vitest";
import { retryDelayMs } from "../../src/core/reminders/backoff.ts";
import { digestSchedule, normaliseCadence, reminderSchedule } from "../../src/core/reminders/cadence.ts";
import { isQuietTime, nextSendableTime } from "../../src/core/reminders/quiet-hours.ts";
import { instantAt, localDateTime, usableTimeZone } from "../../src/core/reminders/zoned-time.ts";

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe("quiet hours in the person's own timezone", () => {
  it("sends at once during working hours, whatever the zone (UTC−8, UTC+1, UTC+9)", () => {
    // Wednesday 2026-01-14 12:00 UTC: 04:00 in Los Angeles, 13:00 in Brussels, 21:00 in Tokyo.
    const noonUtc = at("2026-01-14T12:00:00Z");
    expect(iso(nextSendableTime(noonUtc, "Europe/Brussels"))).toBe("2026-01-14T12:00:00.000Z");
    // Los Angeles (UTC−8): 04:00 is night → 09:00 the same day = 17:00 UTC.
    expect(iso(nextSendableTime(noonUtc, "America/Los_Angeles"))).toBe("2026-01-14T17:00:00.000Z");
    // Tokyo (UTC+9): 21:00 is evening → 09:00 the next day = 00:00 UTC Thursday.
    expect(iso(nextSendableTime(noonUtc, "Asia/Tokyo"))).toBe("2026-01-15T00:00:00.000Z");
  });

  it("treats 20:00 as quiet and 08:00 as working time", () => {
    expect(isQuietTime(at("2026-01-14T19:00:00Z"), "Europe/Brussels")).toBe(true); // 20:00 CET
    expect(isQuietTime(at("2026-01-14T18:59:00Z"), "Europe/Brussels")).toBe(false); // 19:59
    expect(isQuietTime(at("2026-01-14T07:00:00Z"), "Europe/Brussels")).toBe(false); // 08:00
    expect(isQuietTime(at("2026-01-14T06:59:00Z"), "Europe/Brussels")).toBe(true); // 07:59
  });

  it("holds weekend messages until Monday 09:00 local", () => {
    // Friday 21:00 in Brussels → Monday 09:00 CET.
    expect(iso(nextSendableTime(at("2026-01-16T20:00:00Z"), "Europe/Brussels"))).toBe("2026-01-19T08:00:00.000Z");
    // Saturday noon UTC is Saturday 21:00 in Tokyo → Monday 09:00 JST = Monday 00:00 UTC.
    expect(iso(nextSendableTime(at("2026-01-17T12:00:00Z"), "Asia/Tokyo"))).toBe("2026-01-19T00:00:00.000Z");
    // Monday 03:00 UTC is still Sunday 19:00 in Los Angeles → Monday 09:00 PST = 17:00 UTC.
    expect(iso(nextSendableTime(at("2026-01-19T03:00:00Z"), "America/Los_Angeles"))).toBe("2026-01-19T17:00:00.000Z");
  });

  it("follows DST: 09:00 local moves by an hour in UTC across the change", () => {
    // US clocks spring forward on Sunday 2026-03-08. Saturday 7th → Monday 9th 09:00 PDT (UTC−7) = 16:00 UTC.
    expect(iso(nextSendableTime(at("2026-03-07T20:00:00Z"), "America/Los_Angeles"))).toBe("2026-03-09T16:00:00.000Z");
    // The week before, 09:00 PST (UTC−8) was 17:00 UTC.
    expect(iso(nextSendableTime(at("2026-02-28T20:00:00Z"), "America/Los_Angeles"))).toBe("2026-03-02T17:00:00.000Z");
    // Europe springs forward on Sunday 2026-03-29: Friday 27th 22:00 CET → Monday 30th 09:00 CEST (UTC+2).
    expect(iso(nextSendableTime(at("2026-03-27T21:00:00Z"), "Europe/Brussels"))).toBe("2026-03-30T07:00:00.000Z");
    // Autumn: 2026-10-25 back to CET; Saturday 24th → Monday 26th 09:00 CET = 08:00 UTC.
    expect(iso(nextSendableTime(at("2026-10-24T10:00:00Z"), "Europe/Brussels"))).toBe("2026-10-26T08:00:00.000Z");
  });

  it("converts wall-clock times in DST gaps and overlaps without losing a day", () => {
    expect(iso(instantAt({ year: 2026, month: 3, day: 29 }, 9, 0, "Europe/Brussels"))).toBe("2026-03-29T07:00:00.000Z");
    expect(iso(instantAt({ year: 2026, month: 10, day: 25 }, 9, 0, "Europe/Brussels"))).toBe(
      "2026-10-25T08:00:00.000Z",
    );
    expect(localDateTime(at("2026-03-29T01:30:00Z"), "Europe/Brussels")).toMatchObject({ hour: 3, minute: 30 });
  });

  it("falls back to a usable zone", () => {
    expect(usableTimeZone("Mars/Olympus", null, "Asia/Tokyo")).toBe("Asia/Tokyo");
    expect(usableTimeZone(null, undefined)).toBe("UTC");
  });
});

describe("cadence", () => {
  // Deadline Friday 2026-03-20 23:59 in Brussels (CET, UTC+1).
  const deadline = at("2026-03-20T22:59:00Z");

  it("plans 7, 3 and 1 days before and the deadline morning, at 09:00 workshop time", () => {
    const planned = reminderSchedule(deadline, "Europe/Brussels", [7, 3, 1, 0], at("2026-03-01T00:00:00Z"));
    expect(planned.map((reminder) => [reminder.daysBefore, iso(reminder.at), reminder.last])).toEqual([
      [7, "2026-03-13T08:00:00.000Z", false],
      [3, "2026-03-17T08:00:00.000Z", false],
      [1, "2026-03-19T08:00:00.000Z", false],
      [0, "2026-03-20T08:00:00.000Z", true],
    ]);
  });

  it("drops reminders already past and those after the deadline, and cleans the facilitator's cadence", () => {
    const planned = reminderSchedule(deadline, "Europe/Brussels", [1, 7, 7, -2, 2.5, 3], at("2026-03-15T00:00:00Z"));
    expect(planned.map((reminder) => reminder.daysBefore)).toEqual([3, 1]);
    const earlyDeadline = at("2026-03-20T07:00:00Z"); // 08:00 Brussels: the 09:00 "deadline morning" is too late
    expect(reminderSchedule(earlyDeadline, "Europe/Brussels", [0, 1], at("2026-03-01T00:00:00Z"))).toEqual([
      { daysBefore: 1, at: at("2026-03-19T08:00:00Z"), last: true },
    ]);
    expect(normaliseCadence([0, 3, 3, 14])).toEqual([14, 3, 0]);
  });

  it("plans a digest every working morning until the deadline", () => {
    const digests = digestSchedule(deadline, "Europe/Brussels", at("2026-03-12T10:00:00Z"));
    expect(digests.map((digest) => digest.day)).toEqual([
      "2026-03-13",
      "2026-03-16",
      "2026-03-17",
      "2026-03-18",
      "2026-03-19",
      "2026-03-20",
    ]);
    expect(iso(digests[0]?.at ?? new Date(0))).toBe("2026-03-13T08:00:00.000Z");
  });
});

describe("backoff", () => {
  it("grows by a factor and is capped", () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt))).toEqual([
      30_000, 120_000, 480_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });
});
