// What the bot hands the workspace, checked and made into what the browser draws: the core's Message and panel
// blocks as JSON (date-times as ISO strings), within generous limits; a person's text as a Message.
import { z } from "zod";
import { cleanText } from "../../core/forms/fields.ts";
import type { Message } from "../../core/screens/message.ts";
import type { PanelScreen } from "../../core/screens/screens.ts";
import type { FileBlock, WireBlock, WireContent, WirePanel } from "./protocol.ts";

const line = (max: number) => z.string().max(max);

const inline = z.union([
  line(12_000),
  z.strictObject({
    at: z.iso.datetime(),
    show: z.enum(["date", "datetime", "time"]),
    zone: line(64).optional(),
  }),
]);
const richText = z.union([line(12_000), z.array(inline).max(200)]);
const button = z.strictObject({
  actionId: line(255).min(1),
  label: line(75).min(1),
  value: line(2000),
  style: z.enum(["primary", "danger"]).optional(),
  confirm: line(300).optional(),
});

/** The core's blocks as JSON. A file block is the workspace's own (added by an upload), never the bot's. */
const block = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("heading"), text: line(300) }),
  z.strictObject({ kind: z.literal("text"), title: line(300).optional(), text: richText, button: button.optional() }),
  z.strictObject({
    kind: z.literal("facts"),
    facts: z.array(z.strictObject({ label: line(300), value: richText })).max(50),
  }),
  z.strictObject({
    kind: z.literal("list"),
    items: z
      .array(
        z.strictObject({
          title: line(300).optional(),
          text: richText,
          mark: z.enum(["done", "pending", "failed"]).optional(),
        }),
      )
      .max(200),
  }),
  z.strictObject({ kind: z.literal("buttons"), buttons: z.array(button).min(1).max(25) }),
  z.strictObject({ kind: z.literal("context"), text: richText }),
  z.strictObject({ kind: z.literal("divider") }),
]);
const blocks = z.array(block).max(150);

const contentSchema = z.strictObject({ summary: richText, blocks: blocks.optional() });
const panelSchema = z.strictObject({ title: line(150).min(1), blocks });

export class ContentError extends Error {
  constructor(what: string, issues: z.core.$ZodIssue[]) {
    const issue = issues[0];
    super(`${what}: ${issue?.path.join(".") || "(top)"}: ${issue?.message}`);
    this.name = "ContentError";
  }
}

/** The value as JSON would carry it: Dates as ISO strings, undefined properties gone. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? "null");
}

/** A bot's message, checked, as the browser gets it; throws ContentError. */
export function wireContent(message: Message, file?: FileBlock): WireContent {
  const parsed = contentSchema.safeParse(asJson(message));
  if (!parsed.success) throw new ContentError("message", parsed.error.issues);
  const content: WireContent = parsed.data;
  return file ? { ...content, blocks: [...(content.blocks ?? []), file] } : content;
}

/** A panel's title and blocks (the home view, a read-only dialog), checked; throws ContentError. */
export function wirePanel(panel: Pick<PanelScreen, "title" | "blocks">): WirePanel {
  const parsed = panelSchema.safeParse(asJson({ title: panel.title, blocks: panel.blocks }));
  if (!parsed.success) throw new ContentError("panel", parsed.error.issues);
  return parsed.data;
}

export const personTextMaxLength = 10_000;

/** What a person typed, as a message: control characters dropped, trimmed; null when nothing is left. */
export function personContent(text: string): WireContent | null {
  const cleaned = cleanText(text);
  return cleaned === "" ? null : { summary: cleaned.slice(0, personTextMaxLength) };
}

/** A file a person sends, with what they wrote (maybe nothing): the text, then the file; its name as the summary. */
export function personFileContent(text: string, file: FileBlock): WireContent {
  const cleaned = cleanText(text).slice(0, personTextMaxLength);
  return {
    summary: cleaned || file.filename,
    blocks: [...(cleaned ? [{ kind: "text" as const, text: cleaned }] : []), file],
  };
}

/** A person's own message text: the summary, or with a file the text sent with it (maybe empty). */
export function personText(content: WireContent): string {
  if (content.blocks) {
    return content.blocks
      .flatMap((block) => (block.kind === "text" && typeof block.text === "string" ? [block.text] : []))
      .join("\n");
  }
  return typeof content.summary === "string" ? content.summary : "";
}

/** The files a message carries. */
export function fileBlocksOf(content: WireContent): FileBlock[] {
  return (content.blocks ?? []).filter((block): block is FileBlock => block.kind === "file");
}

/** The buttons a content or panel shows, wherever they are (a button row, beside a text). */
export function buttonsOf(blocks: readonly WireBlock[] | undefined): { actionId: string; value: string }[] {
  return (blocks ?? []).flatMap((block) => {
    if (block.kind === "buttons") return block.buttons;
    if (block.kind === "text" && block.button) return [block.button];
    return [];
  });
}
