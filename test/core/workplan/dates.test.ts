import { describe, expect, it } from "vitest";
import { describeTimeline, readTimeline } from "../../../src/core/workplan/dates.ts";

const context = { today: new Date("2026-11-29T10:00:00Z"), monthOne: new Date("2026-12-01T00:00:00Z") };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function read(text: string) {
  const reading = readTimeline(text, context);
  if (!reading.ok) throw new Error(reading.reason);
  return reading;
}

describe("reading a timeline", () => {
  it.each([
    ["Q3 2027", "2027-07-01", "2027-09-30"],
    ["in q1-2028", "2028-01-01", "2028-03-31"],
    ["2027 Q4", "2027-10-01", "2027-12-31"],
    ["from March to June 2027", "2027-03-01", "2027-06-30"],
    ["From Nov to Feb 2028", "2027-11-01", "2028-02-29"],
    ["March 2027 – June 2027", "2027-03-01", "2027-06-30"],
    ["Q3 2027 to Q1 2028", "2027-07-01", "2028-03-31"],
    ["between spring 2027 and autumn 2027", "2027-03-01", "2027-11-30"],
    ["next spring", "2027-03-01", "2027-05-31"],
    ["this winter", "2026-12-01", "2027-02-28"],
    ["during summer 2028", "2028-06-01", "2028-08-31"],
    ["2027-03-15 - 2027-06-30", "2027-03-15", "2027-06-30"],
    ["on 15/03/2027", "2027-03-15", "2027-03-15"],
    ["in 2027", "2027-01-01", "2027-12-31"],
    ["next quarter", "2027-01-01", "2027-03-31"],
    ["Sept. 2027", "2027-09-01", "2027-09-30"],
    ["mid-June 2027", "2027-06-15", "2027-06-15"],
    ["1 Jul 2027 – 30 Sep 2027", "2027-07-01", "2027-09-30"],
    ["fall 2027 - spring 2028", "2027-09-01", "2028-05-31"],
    ["Q3/2027", "2027-07-01", "2027-09-30"],
  ])("%s", (text, start, end) => {
    const { timeline, found } = read(text);
    expect(found).toBe(true);
    expect(timeline.start).toEqual(day(start));
    expect(timeline.end).toEqual(day(end));
  });

  it("reads a project month as a milestone counted from the group's first month", () => {
    expect(read("by M18").timeline).toEqual({ start: null, end: day("2028-05-31"), milestone: "M18" });
    expect(read("milestone at M6").timeline).toEqual({ start: null, end: day("2027-05-31"), milestone: "M6" });
    expect(read("month 1").timeline.end).toEqual(day("2026-12-31"));
  });

  it("reads a deadline as an end and a start as a start", () => {
    expect(read("by June 2027").timeline).toEqual({ start: null, end: day("2027-06-30"), milestone: null });
    expect(read("before end of 2027").timeline.end).toEqual(day("2027-12-31"));
    expect(read("starting in Q2 2027").timeline).toEqual({ start: day("2027-04-01"), end: null, milestone: null });
  });

  it("places a month without a year at its next occurrence", () => {
    expect(read("in January").timeline.start).toEqual(day("2027-01-01"));
    expect(read("November").timeline.start).toEqual(day("2026-11-01"));
  });

  it("does not take verbs, amounts or impossible dates for dates", () => {
    expect(read("ACME may lead the pilot").found).toBe(false);
    expect(read("costs fall by half").found).toBe(false);
    expect(read("a budget of 2000 EUR").found).toBe(false);
    expect(read("31/02/2027").found).toBe(false);
    expect(read("M0 is the kick-off").found).toBe(false);
    expect(read("PM18 of effort").found).toBe(false);
    expect(read("").found).toBe(false);
  });

  it("refuses a range that ends before it starts", () => {
    expect(readTimeline("from Q3 2028 to Q1 2027", context)).toEqual({
      ok: false,
      reason: "the timeline ends before it starts",
    });
  });

  it("says what it understood in words", () => {
    expect(describeTimeline(read("Q3 2027").timeline)).toBe("1 Jul 2027 – 30 Sep 2027");
    expect(describeTimeline(read("by M18").timeline)).toBe("by 31 May 2028 (M18)");
    expect(describeTimeline(read("from Q2 2027").timeline)).toBe("from 1 Apr 2027");
    expect(describeTimeline({ start: null, end: null, milestone: null })).toBeNull();
  });
});
