// Neutral messages and blocks as Block Kit: user text inert, date-times as <!date^…> for each reader, Slack's limits
// kept (checked by the stand-in's own limit checker).
import { describe, expect, it } from "vitest";
import type { Block } from "../../../src/core/screens/blocks.ts";
import { dateTime, rich } from "../../../src/core/screens/text.ts";
import { blockKit } from "../../../src/platforms/slack/render/blocks.ts";
import { renderMessage } from "../../../src/platforms/slack/render/message.ts";
import { mrkdwnText } from "../../../src/platforms/slack/render/text.ts";
import { checkMessageBlocks } from "../../standins/slack/limits.ts";

const at = new Date("2026-03-20T22:59:00Z");

describe("Slack rendering of the neutral model", () => {
  it("escapes user text everywhere and shows date-times in each reader's zone", () => {
    const { text, blocks } = renderMessage({
      summary: rich`<!channel> due ${dateTime(at, "datetime", "Europe/Brussels")}`,
      blocks: [
        { kind: "text", title: "A & B", text: "<@U0ALL> hello" },
        { kind: "facts", facts: [{ label: "Deadline", value: [dateTime(at, "date")] }] },
        { kind: "list", items: [{ title: "ALPHA", text: "done", mark: "done" }, { text: "<b>" }] },
        { kind: "context", text: "small & print" },
      ],
    });
    expect(text).toBe(
      "&lt;!channel&gt; due <!date^1774047540^{date_short_pretty} at {time}|Friday, 20 March 2026, 23:59 CET>",
    );
    const json = JSON.stringify(blocks);
    expect(json).not.toContain("<!channel>");
    expect(json).not.toContain("<@U0ALL>");
    expect(json).toContain("*A &amp; B*\\n&lt;@U0ALL&gt; hello");
    expect(json).toContain("<!date^1774047540^{date_short_pretty}|Friday, 20 March 2026>");
    expect(json).toContain("✅ *ALPHA*: done\\n• &lt;b&gt;");
    expect(checkMessageBlocks(blocks)).toEqual([]);
  });

  it("gives buttons unique action ids within a row only where they repeat, and keeps confirm and style", () => {
    const [row] = blockKit([
      {
        kind: "buttons",
        buttons: [
          { actionId: "homework.start", label: "Start: ALPHA", value: "p1", style: "primary" },
          { actionId: "homework.start", label: "Start: BETA", value: "p2" },
          { actionId: "reminder.snooze", label: "Snooze", value: "w", confirm: "No reminder for a day?" },
        ],
      },
    ]);
    expect(row).toMatchObject({
      type: "actions",
      elements: [
        { action_id: "homework.start#0", style: "primary", value: "p1" },
        { action_id: "homework.start#1", value: "p2" },
        { action_id: "reminder.snooze", confirm: { text: { text: "No reminder for a day?" } } },
      ],
    });
  });

  it("keeps Slack's limits for long content: 3000-character sections, 50 blocks a message", () => {
    const many: Block[] = Array.from({ length: 80 }, (_, index) => ({ kind: "text", text: `Paragraph ${index}` }));
    const long: Block = { kind: "list", items: Array.from({ length: 60 }, () => ({ text: "&".repeat(400) })) };
    const { blocks } = renderMessage({ summary: "Long", blocks: [long, ...many] });
    expect(blocks).toHaveLength(50);
    expect(checkMessageBlocks(blocks)).toEqual([]);
    // No item is dropped although escaping made the list outgrow its sections: every line is there.
    const lines = JSON.stringify(blocks).match(/• &amp;/g) ?? [];
    expect(lines).toHaveLength(60);
  });

  it("cuts long text without breaking an escape or a date token", () => {
    const cut = mrkdwnText(["a".repeat(10), "&&&&", dateTime(at)], 20);
    expect(cut).toBe(`${"a".repeat(10)}&amp;…`);
    expect(mrkdwnText(["<".repeat(5)], 12)).toBe("&lt;&lt;…");
  });
});
