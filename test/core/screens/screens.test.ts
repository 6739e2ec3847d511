// The neutral model of what a person sees: rich text with date-times, blocks within every surface's limits, pages
// for long panels, and the small context a screen round-trips.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type Block, blockLimits, normalizeBlocks } from "../../../src/core/screens/blocks.ts";
import { ContextTooLargeError, decodeContext, encodeContext, readContext } from "../../../src/core/screens/context.ts";
import { maxPanelBlocks, pagedBlocks } from "../../../src/core/screens/screens.ts";
import { dateTime, plainText, rich } from "../../../src/core/screens/text.ts";

describe("rich text", () => {
  const deadline = new Date("2026-03-20T22:59:00Z");

  it("keeps date-times as values and writes them out in the reader's zone for plain surfaces", () => {
    const text = rich`Due ${dateTime(deadline, "datetime", "Europe/Brussels")}, ${3} days left.`;
    expect(text[1]).toEqual({ at: deadline, show: "datetime", zone: "Europe/Brussels" });
    expect(plainText(text)).toBe("Due Friday, 20 March 2026, 23:59 CET, 3 days left.");
    expect(plainText(text, "Asia/Tokyo")).toBe("Due Saturday, 21 March 2026, 07:59 GMT+9, 3 days left.");
    expect(plainText(rich`on ${dateTime(deadline, "date")}`)).toBe("on Friday, 20 March 2026");
  });

  it("interpolates rich texts and plain Dates", () => {
    const inner = rich`until ${deadline}`;
    expect(plainText(rich`Snoozed ${inner}.`)).toBe("Snoozed until Friday, 20 March 2026, 22:59 UTC.");
  });
});

describe("blocks", () => {
  it("splits long lists, fact lists and button rows so each block fits one block on every surface", () => {
    const items = Array.from({ length: 45 }, (_, index) => ({ text: `Result ${index}` }));
    const long = Array.from({ length: 3 }, () => ({ text: "x".repeat(1500) }));
    const facts = Array.from({ length: 12 }, (_, index) => ({ label: `F${index}`, value: "v" }));
    const buttons = Array.from({ length: 7 }, (_, index) => ({ actionId: "a", label: `B${index}`, value: "v" }));
    const blocks = normalizeBlocks([
      { kind: "list", items },
      { kind: "list", items: long },
      { kind: "facts", facts },
      { kind: "buttons", buttons },
      { kind: "list", items: [] },
    ]);
    const sizes = blocks.map((block) =>
      block.kind === "list"
        ? block.items.length
        : block.kind === "facts"
          ? block.facts.length
          : block.kind === "buttons"
            ? block.buttons.length
            : 0,
    );
    expect(sizes).toEqual([20, 20, 5, 1, 1, 1, 10, 2, 5, 2]);
    expect(blocks.every((block) => block.kind !== "list" || block.items.length <= blockLimits.listItems)).toBe(true);
  });
});

describe("panel pages", () => {
  const head: Block[] = [{ kind: "heading", text: "Review" }];
  const tail: Block[] = [{ kind: "buttons", buttons: [{ actionId: "review.approve", label: "Approve", value: "w" }] }];
  const body = (count: number): Block[] =>
    Array.from({ length: count }, (_, index) => ({ kind: "text", text: `Result ${index}` }));

  it("shows a short panel whole", () => {
    const page = pagedBlocks({ head, body: body(10), tail, page: 0, pagerActionId: "review.page" });
    expect(page).toMatchObject({ page: 0, pages: 1 });
    expect(page.blocks).toHaveLength(12);
  });

  it("pages a long one within the budget, with the head and tail on every page and Previous/Next", () => {
    const first = pagedBlocks({ head, body: body(250), tail, page: 0, pagerActionId: "review.page" });
    expect(first.pages).toBe(3);
    expect(first.blocks.length).toBeLessThanOrEqual(maxPanelBlocks);
    expect(first.blocks[0]).toEqual(head[0]);
    expect(first.blocks.at(-1)).toEqual(tail[0]);
    const pager = first.blocks.at(-2);
    expect(pager).toEqual({
      kind: "buttons",
      buttons: [{ actionId: "review.page", label: "Next", value: "1" }],
    });
    const last = pagedBlocks({ head, body: body(250), tail, page: 99, pagerActionId: "review.page" });
    expect(last.page).toBe(2);
    expect(last.blocks).toContainEqual({ kind: "context", text: "Page 3 of 3" });
    const shown = [first, pagedBlocks({ head, body: body(250), tail, page: 1, pagerActionId: "p" }), last].flatMap(
      (page) => page.blocks.filter((block) => block.kind === "text"),
    );
    expect(shown).toHaveLength(250);
  });
});

describe("screen context", () => {
  it("round-trips ids and refuses to carry more than 3000 characters", () => {
    const context = { project: "p-1", slots: ["r-1", null], limit: 3 };
    expect(decodeContext(encodeContext(context))).toEqual(context);
    expect(() => encodeContext({ data: "x".repeat(3000) })).toThrow(ContextTooLargeError);
  });

  it("reads what is not ours as empty, and lets a route read the keys it needs", () => {
    expect(decodeContext("not json")).toEqual({});
    expect(decodeContext('{"nested":{"a":1}}')).toEqual({});
    expect(decodeContext(42)).toEqual({});
    const schema = z.object({ project: z.string() });
    expect(readContext({ project: "p-1", other: 1 }, schema)).toEqual({ project: "p-1" });
    expect(readContext({}, schema)).toBeUndefined();
  });
});
