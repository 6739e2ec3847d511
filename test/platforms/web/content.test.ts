// Pure parts: the message content the bot may post, FormSpec → dialog values, channel names, command completion
// (of the help's own command list).
import { describe, expect, it } from "vitest";
import { commandList } from "../../../src/app/commands/help.ts";
import { workshopSetupForm } from "../../../src/core/forms/workshop-setup.ts";
import type { Message } from "../../../src/core/screens/message.ts";
import { dateTime, rich } from "../../../src/core/screens/text.ts";
import { accept, completions } from "../../../src/platforms/web/client/completion.ts";
import { ContentError, personContent, wireContent } from "../../../src/platforms/web/content.ts";
import { pickKnown, startingValues, storedForm } from "../../../src/platforms/web/dialog-view.ts";
import { channelNameFrom, channelNamePattern } from "../../../src/platforms/web/service/channels.ts";

describe("message content", () => {
  it("is the core's Message as JSON, date-times as ISO strings", () => {
    const at = new Date("2027-03-12T16:00:00Z");
    expect(
      wireContent({
        summary: rich`Due ${dateTime(at, "datetime", "Europe/Rome")}.`,
        blocks: [
          { kind: "heading", text: "Homework" },
          { kind: "list", items: [{ title: "SMARTFAB", text: "complete", mark: "done" }] },
        ],
      }),
    ).toEqual({
      summary: ["Due ", { at: "2027-03-12T16:00:00.000Z", show: "datetime", zone: "Europe/Rome" }, "."],
      blocks: [
        { kind: "heading", text: "Homework" },
        { kind: "list", items: [{ title: "SMARTFAB", text: "complete", mark: "done" }] },
      ],
    });
  });

  it("refuses what the browser could not draw: unknown blocks, empty button rows, invalid dates, file blocks from the bot", () => {
    const refused = (message: unknown) => () => wireContent(message as Message);
    expect(refused({ summary: "x", blocks: [{ kind: "link", href: "javascript:alert(1)" }] })).toThrow(ContentError);
    expect(refused({ summary: "x", blocks: [{ kind: "buttons", buttons: [] }] })).toThrow(ContentError);
    expect(refused({ summary: [{ at: new Date(Number.NaN), show: "date" }] })).toThrow(ContentError);
    expect(
      refused({ summary: "x", blocks: [{ kind: "file", fileId: "f", filename: "a", title: "a", size: 1 }] }),
    ).toThrow(ContentError);
  });

  it("keeps what a person typed as literal text, without control characters", () => {
    expect(personContent("  <!channel> hi\u0000 \n second line ")).toEqual({ summary: "<!channel> hi \n second line" });
    expect(personContent(" \u0007 ")).toBeNull();
  });
});

describe("dialog values", () => {
  const spec = workshopSetupForm(
    {
      id: "w",
      workspaceId: "s",
      name: "Old name",
      theme: null,
      timezone: "Europe/Rome",
      homeworkDeadline: new Date("2027-05-01T10:00:00Z"),
      maxResultsPerProject: 4,
      reminderCadenceDays: [3, 0],
      phase: "setup",
      announcementChannelId: null,
    },
    ["u1"],
    "c1",
  );

  it("starts from the spec's initial values in the shapes a submission has (a date-time as an ISO instant)", () => {
    expect(startingValues(spec, undefined)).toEqual({
      name: "Old name",
      theme: null,
      timezone: "Europe/Rome",
      homeworkDeadline: "2027-05-01T10:00:00.000Z",
      maxResultsPerProject: "4",
      reminderCadence: "3, 0",
      announcementChannel: "c1",
      coFacilitators: ["u1"],
    });
    expect(startingValues(spec, { name: "Typed" }).name).toBe("Typed");
  });

  it("keeps only the form's fields, each in its field's shape", () => {
    expect(
      pickKnown(spec.fields, {
        name: 42,
        coFacilitators: ["u2", 7, "u3"],
        homeworkDeadline: "tomorrow",
        theme: null,
        maxResultsPerProject: "twelve",
        stranger: "x",
      }),
    ).toEqual({
      name: "42",
      coFacilitators: ["u2", "u3"],
      homeworkDeadline: null,
      theme: null,
      maxResultsPerProject: "twelve",
    });
    expect(pickKnown(spec.fields, { homeworkDeadline: "2027-05-01T12:00:00+02:00" }).homeworkDeadline).toBe(
      "2027-05-01T10:00:00.000Z",
    );
  });

  it("puts errors next to their fields, and the rest above the form", () => {
    const { view } = storedForm({
      kind: "form",
      form: spec,
      errors: { name: "Please give the workshop a name.", form: "This workshop changed meanwhile." },
      errorSummary: "Please check the form.",
      context: {},
    });
    expect(view).toMatchObject({
      errors: { name: "Please give the workshop a name." },
      notice: "Please check the form. This workshop changed meanwhile.",
      actions: [{ id: "submit", label: spec.submitLabel, style: "primary" }],
      choices: false,
    });
  });
});

describe("channel names", () => {
  it("turns what a person types into a valid channel name", () => {
    expect(channelNameFrom("Cluster 3: Smart Grids")).toBe("cluster-3-smart-grids");
    expect(channelNameFrom("#Énergie  Verte")).toBe("energie-verte");
    expect(channelNamePattern.test(channelNameFrom("a".repeat(200)))).toBe(true);
    expect(channelNameFrom("!!!")).toBe("");
  });
});

describe("/cluster completion", () => {
  const commandWords = [
    ...commandList(),
    { words: "project edit ACRONYM", hint: "change a project" },
    { words: "project remove ACRONYM", hint: "remove a project" },
  ];
  const words = (typed: string) => completions(typed, commandWords).map((command) => command.words);

  it("offers the command words that fit what is typed", () => {
    expect(words("/cl")).toHaveLength(commandWords.length);
    expect(words("/cluster pro")).toEqual(["project add", "project edit ACRONYM", "project remove ACRONYM"]);
    expect(words("/cluster project e")).toEqual(["project edit ACRONYM"]);
    expect(words("/CLUSTER HOME")).toEqual(["homework open"]);
    expect(words("hello")).toEqual([]);
    expect(words("/other")).toEqual([]);
    expect(words("/cluster status")).toEqual([]);
  });

  it("fills in the fixed words and leaves room for the rest", () => {
    const edit = commandWords.find((command) => command.words === "project edit ACRONYM")!;
    expect(accept(edit)).toBe("/cluster project edit ");
    expect(accept(commandWords.find((command) => command.words === "status")!)).toBe("/cluster status");
  });
});
