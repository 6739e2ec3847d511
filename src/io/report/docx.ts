// The report document as Word: real headings (navigation pane, table of contents), real tables whose header row
// repeats on each page, the cluster map as a PNG, page numbers in the footer.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Block, DocSection, ReportDocument } from "../../core/report/document.ts";
import { withoutControlCharacters } from "../spreadsheet-cells.ts";

export interface DocxFigure {
  png: Uint8Array;
  width: number;
  height: number;
}

type Child = Paragraph | Table;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;
/** Text width of an A4 page with 2 cm margins, in pixels at 96 dpi (what `docx` expects for images). */
const TEXT_WIDTH_PX = 643;

export async function renderDocx(document: ReportDocument, figure?: DocxFigure): Promise<Uint8Array> {
  const children: Child[] = [
    new Paragraph({ text: clean(document.title), heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: clean(document.subtitle), italics: true, color: "555555" })] }),
  ];
  for (const section of document.sections) writeSection(children, section, 0, figure);
  const doc = new Document({
    creator: "Clusterbot",
    title: clean(document.title),
    description: "Clusterbot workshop report",
    styles: { default: { document: { run: { font: "Calibri", size: 20 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function writeSection(out: Child[], section: DocSection, depth: number, figure?: DocxFigure): void {
  out.push(new Paragraph({ text: clean(section.title), heading: HEADINGS[Math.min(depth, HEADINGS.length - 1)] }));
  for (const block of section.blocks) out.push(...blockChildren(block, figure));
  for (const child of section.sections) writeSection(out, child, depth + 1, figure);
}

function blockChildren(block: Block, figure?: DocxFigure): Child[] {
  switch (block.kind) {
    case "paragraph":
      return [
        new Paragraph({
          children: runs(block.text, { italics: block.note, color: block.note ? "555555" : undefined }),
        }),
      ];
    case "label":
      return [new Paragraph({ keepNext: true, spacing: { before: 120 }, children: runs(block.text, { bold: true }) })];
    case "fields":
      if (block.items.length === 0) return [];
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          columnWidths: [2600, 7000],
          rows: block.items.map(
            ([label, value]) =>
              new TableRow({
                cantSplit: true,
                children: [cell(label, { bold: true, width: 27 }), cell(value, { width: 73 })],
              }),
          ),
        }),
        new Paragraph({}),
      ];
    case "list":
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }));
    case "table":
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          columnWidths: block.widths.map((w) => Math.round(w * 96)),
          rows: [
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              children: block.columns.map((c, k) => cell(c, { bold: true, header: true, width: block.widths[k] })),
            }),
            ...block.rows.map(
              (row) =>
                new TableRow({ cantSplit: true, children: row.map((c, k) => cell(c, { width: block.widths[k] })) }),
            ),
          ],
        }),
        new Paragraph({}),
      ];
    case "figure": {
      if (!figure) return [];
      const width = Math.min(TEXT_WIDTH_PX, figure.width);
      const height = Math.round((width * figure.height) / figure.width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: "png",
              data: figure.png,
              transformation: { width, height },
              altText: { title: "Cluster map", description: clean(block.caption), name: "cluster-map" },
            }),
          ],
        }),
        new Paragraph({ style: "Caption", children: runs(block.caption, { italics: true, size: 17 }) }),
      ];
    }
  }
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  size?: number;
}

/** Text runs with line breaks kept. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return clean(text)
    .split(/\r?\n/)
    .map((line, k) => new TextRun({ text: line, break: k > 0 ? 1 : undefined, ...style }));
}

function cell(text: string, options: { bold?: boolean; header?: boolean; width?: number }): TableCell {
  return new TableCell({
    width: options.width === undefined ? undefined : { size: options.width, type: WidthType.PERCENTAGE },
    shading: options.header ? { type: ShadingType.CLEAR, fill: "DDE6F0", color: "auto" } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ children: runs(text, { bold: options.bold, size: 18 }) })],
  });
}

const clean = withoutControlCharacters;
