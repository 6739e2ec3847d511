// Pure parts: the message content the bot may post, FormSpec → dialog values, channel names, command completion.
import { describe, expect, it } from "vitest";
import { workshopSetupForm } from "../../../src/core/forms/workshop-setup.ts";
import { accept, completions } from "../../../src/platforms/web/client/completion.ts";
import { commandWords } from "../../../src/platforms/web/commands.ts";
import { messageContentSchema, personContent, pickKnown, startingValues } from "../../../src/platforms/web/content.ts";
import { channelNameFrom, channelNamePattern } from "../../../src/platforms/web/service/channels.ts";

describe("message content", () => {
  it("takes paragraphs, fields, buttons and links to this server, and refuses links anywhere else", () => {
    const ok = (href: string) =>
      messageContentSchema.safeParse({ text: "x", blocks: [{ type: "link", label: "Report", href }] }).success;
    expect(ok("/reports/ws-1.pdf")).toBe(true);
    for (const href of [
      "javascript:alert(1)",
      "//evil.example/x",
      "https://evil.example",
      "/\\evil",
      "data:text/html,x",
    ]) {
      expect(ok(href)).toBe(false);
    }
    expect(messageContentSchema.safeParse({ text: "x", blocks: [{ type: "actions", buttons: [] }] }).success).toBe(
      false,
    );
  });

  it("keeps what a person typed as literal text, without control characters", () => {
    expect(personContent("  <!channel> hi\u0000 \n second line ")).toEqual({ text: "<!channel> hi \n second line" });
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

  it("starts from the spec's initial values in the shapes a submission has (datetime in Unix seconds)", () => {
    expect(startingValues(spec, undefined)).toEqual({
      name: "Old name",
      theme: null,
      timezone: "Europe/Rome",
      homeworkDeadline: Date.parse("2027-05-01T10:00:00Z") / 1000,
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
        maxResultsPerProject: "twelve",
        stranger: "x",
      }),
    ).toEqual({ name: "42", coFacilitators: ["u2", "u3"], homeworkDeadline: null, maxResultsPerProject: "twelve" });
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
