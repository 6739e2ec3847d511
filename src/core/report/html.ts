// The report as one HTML page, also the template Chromium prints to PDF: its print CSS repeats table headers on
// each page, keeps rows whole and numbers the pages (CSS page margin boxes).
import type { Block, DocSection, ReportDocument } from "./document.ts";

export interface HtmlOptions {
  /** The cluster map as inline SVG; without it the figure is left out. */
  mapSvg?: string;
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt "DejaVu Sans", sans-serif; color: #555; } }
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 10pt; line-height: 1.4; color: #1d2329; margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 20pt; margin: 0 0 4px; }
.subtitle { color: #555; margin: 0 0 18px; }
h2 { font-size: 15pt; border-bottom: 2px solid #4e79a7; padding-bottom: 3px; margin-top: 28px; }
h3 { font-size: 12.5pt; margin: 20px 0 6px; }
h4 { font-size: 11pt; margin: 14px 0 4px; }
h5, h6 { font-size: 10pt; margin: 10px 0 4px; }
h2, h3, h4, h5, h6, .label { break-after: avoid; }
.label { font-weight: bold; margin: 10px 0 4px; }
.note { color: #555; font-style: italic; }
nav ul { columns: 2; padding-left: 0; list-style: none; }
nav a { color: inherit; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0 10px; }
dt { font-weight: bold; color: #3b4550; }
dd { margin: 0; white-space: pre-line; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; table-layout: fixed; }
th, td { border: 1px solid #c3c8ce; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: break-word; white-space: pre-line; }
th { background: #dde6f0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
figure { margin: 8px 0 14px; break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #444; }
ul { margin: 4px 0 10px; padding-left: 20px; }
@media print {
  body { padding: 0; max-width: none; font-size: 9pt; }
}
`;

export function renderHtml(document: ReportDocument, options: HtmlOptions = {}): string {
  const body: string[] = [
    `<h1>${escapeHtml(document.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(document.subtitle)}</p>`,
    `<nav aria-label="Contents"><ul>${document.sections
      .map((s) => `<li><a href="#${anchor(s.id)}">${escapeHtml(s.title)}</a></li>`)
      .join("")}</ul></nav>`,
  ];
  for (const section of document.sections) writeSection(body, section, 2, options);
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function writeSection(out: string[], section: DocSection, level: number, options: HtmlOptions): void {
  const h = `h${Math.min(level, 6)}`;
  out.push(`<section id="${anchor(section.id)}">`, `<${h}>${escapeHtml(section.title)}</${h}>`);
  for (const block of section.blocks) out.push(blockHtml(block, options));
  for (const child of section.sections) writeSection(out, child, level + 1, options);
  out.push("</section>");
}

function blockHtml(block: Block, options: HtmlOptions): string {
  switch (block.kind) {
    case "paragraph":
      return `<p${block.note ? ' class="note"' : ""}>${escapeHtml(block.text)}</p>`;
    case "label":
      return `<p class="label">${escapeHtml(block.text)}</p>`;
    case "fields":
      return `<dl>${block.items.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join("")}</dl>`;
    case "list":
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
    case "table":
      return [
        "<table>",
        `<colgroup>${block.widths.map((w) => `<col style="width:${w}%">`).join("")}</colgroup>`,
        `<thead><tr>${block.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr></thead>`,
        `<tbody>${block.rows.map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`).join("")}</tbody>`,
        "</table>",
      ].join("");
    case "figure":
      if (!options.mapSvg) return "";
      return `<figure>${options.mapSvg}<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
  }
}

const anchor = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, "_");

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
