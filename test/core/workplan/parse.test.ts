import { describe, expect, it } from "vitest";
import { exampleReply, parseWorkPlanReply, type Reading } from "../../../src/core/workplan/parse.ts";
import type { Partner } from "../../../src/core/workplan/partners.ts";
import type { WorkPlanTopic } from "../../../src/core/workplan/topics.ts";

const partners: Partner[] = [
  { name: "ACME", aliases: ["Acme Sensors project"] },
  { name: "Universidad Politécnica de Madrid (UPM)", aliases: [] },
  { name: "Technische Universität Dresden", aliases: ["TUD"] },
  { name: "NOVA", aliases: [] },
];
const context = (topic: WorkPlanTopic = "activities") => ({
  partners,
  topic,
  today: new Date("2026-11-29T10:00:00Z"),
  monthOne: new Date("2026-12-01T00:00:00Z"),
});
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function item(reading: Reading) {
  if (reading.kind !== "item") throw new Error(`unreadable: ${reading.reason}`);
  return reading.item;
}

describe("reading a work-plan reply", () => {
  it("reads labelled parts", () => {
    const read = item(
      parseWorkPlanReply(
        "Joint pilot of the sensor kit. Lead: ACME. With: UPM, TUD. When: Q3 2027 to Q1 2028. Resources: 4 person-months. Benefit: a validated TRL 6 prototype.",
        context(),
      ),
    );
    expect(read).toEqual({
      activity: "Joint pilot of the sensor kit",
      leadPartner: "ACME",
      contributors: ["Universidad Politécnica de Madrid (UPM)", "Technische Universität Dresden"],
      start: day("2027-07-01"),
      end: day("2028-03-31"),
      milestone: null,
      resources: "4 person-months",
      expectedBenefit: "a validated TRL 6 prototype",
      ipr: null,
    });
  });

  it("reads free text: led by, partners named anywhere, a date in the sentence", () => {
    const read = item(
      parseWorkPlanReply(
        "Shared test campaign led by universidad politecnica de madrid with acme, next spring",
        context(),
      ),
    );
    expect(read.leadPartner).toBe("Universidad Politécnica de Madrid (UPM)");
    expect(read.contributors).toEqual(["ACME"]);
    expect(read.start).toEqual(day("2027-03-01"));
    expect(read.end).toEqual(day("2027-05-31"));
  });

  it("reads “X leads” and a milestone, matching accents and case loosely", () => {
    const read = item(
      parseWorkPlanReply("Data model alignment: TECHNISCHE UNIVERSITAT DRESDEN leads, by M18", context()),
    );
    expect(read.leadPartner).toBe("Technische Universität Dresden");
    expect(read.contributors).toEqual([]);
    expect(read).toMatchObject({ end: day("2028-05-31"), milestone: "M18" });
  });

  it("leaves the dates out of the activity when they were in the free text", () => {
    expect(item(parseWorkPlanReply("Pilot line in Q3 2027, ACME leads", context())).activity).toBe(
      "Pilot line, ACME leads",
    );
    expect(item(parseWorkPlanReply("Test rig at NOVA, from March to June 2027", context("resources")))).toMatchObject({
      activity: "Test rig at NOVA",
      resources: "Test rig at NOVA",
    });
  });

  it("takes an organisation's full name over a project acronym inside it", () => {
    const withProject = [...partners, { name: "Universidad", aliases: [] }];
    const read = item(
      parseWorkPlanReply("Pilot. Lead: Universidad Politecnica de Madrid", { ...context(), partners: withProject }),
    );
    expect(read.leadPartner).toBe("Universidad Politécnica de Madrid (UPM)");
  });

  it("reads labels written with Slack emphasis, on separate lines, in any case", () => {
    const read = item(
      parseWorkPlanReply("*Activity*: Common API\n*LEAD*: nova\n- timeline = from March to June 2027\n", context()),
    );
    expect(read).toMatchObject({ activity: "Common API", leadPartner: "NOVA", start: day("2027-03-01") });
    expect(read.end).toEqual(day("2027-06-30"));
  });

  it("reads start and end labels apart", () => {
    const read = item(parseWorkPlanReply("Pilot. Start: Q2 2027; End: M24", context()));
    expect(read).toMatchObject({ start: day("2027-04-01"), end: day("2028-11-30"), milestone: "M24" });
  });

  it("puts free text where the prompt asks for it", () => {
    expect(item(parseWorkPlanReply("Test rig at ACME and 2 PM from NOVA", context("resources"))).resources).toBe(
      "Test rig at ACME and 2 PM from NOVA",
    );
    expect(item(parseWorkPlanReply("Joint ownership, royalty-free use", context("ipr"))).ipr).toBe(
      "Joint ownership, royalty-free use",
    );
  });

  it("keeps hostile text as plain text, without control characters", () => {
    const read = item(parseWorkPlanReply("<!channel> pilot\u0007 with <@U123> \u202Eevil", context()));
    expect(read.activity).toBe("<!channel> pilot with <@U123> evil");
  });

  it.each([
    ["", "the reply is empty"],
    ["   \u0000\u0008  ", "the reply is empty"],
    ["thanks!", "it reads like a comment rather than a work-plan item"],
    ["+1", "it reads like a comment rather than a work-plan item"],
    ["Lead: ACME. When: Q3 2027", "I could not tell what the activity is"],
    ["Pilot. Lead: Globex Corp", "I don't know “Globex Corp” as a partner of this workshop (named as lead)"],
    ["Pilot. With: ACME and Initech", "I don't know “Initech” as a partner of this workshop (named as contributor)"],
    ["Pilot. When: sometime soon", "I could not read the date “sometime soon”"],
    ["Pilot. When: from Q3 2028 to Q1 2027", "the timeline ends before it starts"],
  ])("says why it cannot read %j", (text, reason) => {
    const reading = parseWorkPlanReply(text, context());
    expect(reading.kind).toBe("unreadable");
    expect(reading.kind === "unreadable" && reading.reason).toContain(reason);
  });

  it("lists the known partners when one is unknown", () => {
    const reading = parseWorkPlanReply("Pilot. Lead: Globex", context());
    expect(reading.kind === "unreadable" && reading.reason).toContain("partners here are ACME, Universidad");
  });

  it("gives the same item for the same text every time", () => {
    const text = "Pilot line, ACME leads with NOVA, Q1 2028";
    expect(parseWorkPlanReply(text, context())).toEqual(parseWorkPlanReply(text, context()));
  });

  it("reads its own example", () => {
    const read = item(parseWorkPlanReply(exampleReply(partners), context()));
    expect(read.leadPartner).toBe("ACME");
    expect(read.contributors).toHaveLength(2);
  });
});
