import type { Block, DocSection, ReportDocument } from "./document.ts";

export interface MarkdownOptions {
  /** Where the cluster map image is (a relative path written beside the Markdown); without it, no image line. */
  mapImage?: string;
}

/** The report as CommonMark/GFM text; user text is escaped so it cannot add markup, links or HTML. */
export function renderMarkdown(document: ReportDocument, options: MarkdownOptions = {}): string {
  const out = [`# ${inline(document.title)}`, "", `_${inline(document.subtitle)}_`, ""];
  for (const section of document.sections) writeSection(out, section, 2, options);
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

function writeSection(out: string[], section: DocSection, level: number, options: MarkdownOptions): void {
  out.push(`${"#".repeat(Math.min(level, 6))} ${inline(section.title)}`, "");
  for (const block of section.blocks) out.push(...blockLines(block, options), "");
  for (const child of section.sections) writeSection(out, child, level + 1, options);
}

function blockLines(block: Block, options: MarkdownOptions): string[] {
  switch (block.kind) {
    case "paragraph":
      return [block.note ? `_${inline(block.text)}_` : lineStart(block.text)];
    case "label":
      return [`**${inline(block.text)}**`];
    case "fields":
      return block.items.map(([label, value]) => `- **${inline(label)}:** ${inline(value)}`);
    case "list":
      return block.items.map((item) => `- ${lineStart(item)}`);
    case "table":
      return [
        `| ${block.columns.map((c) => inline(c)).join(" | ")} |`,
        `|${block.columns.map(() => " --- ").join("|")}|`,
        ...block.rows.map((row) => `| ${row.map((cell) => inline(cell, "<br>")).join(" | ")} |`),
      ];
    case "figure":
      return options.mapImage ? [`![${inline(block.caption)}](${encodeURI(options.mapImage)})`] : [];
  }
}

/** Text that starts a line (a paragraph, a list item): a leading "#", "-" or "1." must not become markup. */
function lineStart(text: string): string {
  return inline(text)
    .replace(/^([#+-])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** One line of text with Markdown's punctuation and HTML escaped; line breaks become `newline` (table cells: <br>). */
export function inline(text: string, newline = " "): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\s*[\r\n]+\s*/g, newline);
}
