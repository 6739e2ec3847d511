import { describe, expect, it } from "vitest";
import { parseStatusReply } from "../../../src/core/workplan/status-reply.ts";

const one = (text: string) => {
  const reading = parseStatusReply(text);
  if (reading.kind !== "answers" || reading.answers.length !== 1)
    throw new Error(`${text}: ${JSON.stringify(reading)}`);
  return reading.answers[0];
};

describe("a plain follow-up reply", () => {
  it.each([
    ["done", "done", null],
    ["Done!", "done", null],
    ["DONE.", "done", null],
    ["late: waiting for data", "late", "waiting for data"],
    ["Late : waiting for data", "late", "waiting for data"],
    ["late：waiting for data", "late", "waiting for data"],
    ["on track – pilot next month", "on_track", "pilot next month"],
    ["On-Track — pilot next month.", "on_track", "pilot next month."],
    ["ontrack", "on_track", null],
    ["dropped, no budget", "dropped", "no budget"],
    ["Cancelled (no budget)", "dropped", "(no budget)"],
    ["Status: late - partner left", "late", "partner left"],
    ["it’s done 🎉", "done", "🎉"],
    ["We are behind schedule; the data arrives in May", "late", "the data arrives in May"],
    ["« Terminé » ? no: completed", null, null],
    ["¡Done!", "done", null],
    ["✅ shipped the prototype", "done", "shipped the prototype"],
    ["in\u00a0progress\u202f: half the interviews", "on_track", "half the interviews"],
    ["delayed\nwaiting for data\nfrom ACME", "late", "waiting for data\nfrom ACME"],
  ])("%j reads as %s", (text, status, note) => {
    if (status === null) {
      expect(parseStatusReply(text).kind).toBe("unreadable");
      return;
    }
    expect(one(text)).toEqual({ number: null, status, note });
  });

  it.each([
    "not done yet",
    "we are not late",
    "almost done",
    "thanks!",
    "   ",
    "donegal meeting went well",
    "lately nothing moved",
  ])("%j is not guessed", (text) => {
    const reading = parseStatusReply(text);
    expect(reading.kind).toBe("unreadable");
  });

  it("reads numbered answers for a lead with several items", () => {
    expect(parseStatusReply("#3 done")).toEqual({
      kind: "answers",
      answers: [{ number: 3, status: "done", note: null }],
    });
    expect(parseStatusReply("#1 done, #2 LATE: partner left; # 4 dropped")).toEqual({
      kind: "answers",
      answers: [
        { number: 1, status: "done", note: null },
        { number: 2, status: "late", note: "partner left" },
        { number: 4, status: "dropped", note: null },
      ],
    });
    expect(parseStatusReply("1. on track\n2) late – waiting for data\nitem 3 done")).toEqual({
      kind: "answers",
      answers: [
        { number: 1, status: "on_track", note: null },
        { number: 2, status: "late", note: "waiting for data" },
        { number: 3, status: "done", note: null },
      ],
    });
    expect(parseStatusReply("Update: #2 done")).toEqual({
      kind: "answers",
      answers: [{ number: 2, status: "done", note: null }],
    });
    expect(parseStatusReply("n°2 : terminé? no — on track")).toMatchObject({ kind: "unreadable" });
    expect(parseStatusReply("№2 done")).toEqual({
      kind: "answers",
      answers: [{ number: 2, status: "done", note: null }],
    });
  });

  it("keeps numbers inside a note as text, and says what is wrong with a numbered reply", () => {
    expect(one("late: 2027 Q1 now, see page 3")).toEqual({
      number: null,
      status: "late",
      note: "2027 Q1 now, see page 3",
    });
    expect(one("done (C#2 port)")).toMatchObject({ status: "done" });
    expect(parseStatusReply("#2")).toEqual({ kind: "unreadable", reason: expect.stringContaining("#2 has no status") });
    expect(parseStatusReply("#2 done #2 late")).toEqual({
      kind: "unreadable",
      reason: expect.stringContaining("#2 is answered twice"),
    });
  });

  it("shortens a very long note", () => {
    const answer = one(`late: ${"x".repeat(5000)}`);
    expect([...(answer?.note ?? "")].length).toBe(1000);
  });
});
