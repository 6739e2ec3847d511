// The setup recap says what the settings mean for people: no deadline, no reminders.
import { describe, expect, it } from "vitest";
import { setupSavedMessage } from "../../src/app/workshop/messages.ts";
import type { Workshop } from "../../src/core/model/domain.ts";
import { plainText } from "../../src/core/screens/text.ts";

const workshop: Workshop = {
  id: "w",
  workspaceId: "s",
  name: "Smart Factories",
  theme: null,
  timezone: "Europe/Brussels",
  homeworkDeadline: null,
  maxResultsPerProject: 3,
  reminderCadenceDays: [7, 3, 1, 0],
  phase: "setup",
  announcementChannelId: null,
};

const text = (message: ReturnType<typeof setupSavedMessage>) =>
  JSON.stringify(message.blocks, (key, value) => (key === "value" && Array.isArray(value) ? plainText(value) : value));

describe("setup recap", () => {
  it("says that without a deadline no reminders are sent", () => {
    expect(text(setupSavedMessage(workshop, true, "UTC"))).toContain("no deadline means no reminders");
  });

  it("lists the reminder days in words, and the deadline in the reader's zone", () => {
    const deadline = new Date("2026-03-13T16:00:00Z");
    const recap = text(setupSavedMessage({ ...workshop, homeworkDeadline: deadline }, false, "America/Los_Angeles"));
    expect(recap).toContain("7 days before, 3 days before, 1 day before and on the day the deadline");
    expect(recap).toContain("Friday, 13 March 2026, 09:00 GMT-7");
  });
});
