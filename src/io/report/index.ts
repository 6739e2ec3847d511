// One report, five formats. Markdown, HTML and the map are pure (src/core/report); the binary formats and the
// tools they need (Chromium, resvg with a font) live here.
import { reportDocument } from "../../core/report/document.ts";
import { REPORT_MEDIA_TYPES, type ReportFormat } from "../../core/report/formats.ts";
import { renderHtml } from "../../core/report/html.ts";
import { clusterMapSvg } from "../../core/report/map/svg.ts";
import { renderMarkdown } from "../../core/report/markdown.ts";
import type { Report } from "../../core/report/model.ts";
import { reportSheets } from "../../core/report/sheets.ts";
import { renderDocx } from "./docx.ts";
import { htmlToPdf, type PdfOptions } from "./pdf.ts";
import { pngSize, svgToPng } from "./png.ts";
import { writeSheetsXlsx } from "./xlsx.ts";

export interface ReportFile {
  /** File name suffix: "md", "pdf", … or "cluster-map.svg" for an attachment. */
  extension: string;
  mediaType: string;
  content: Uint8Array;
}

export interface RenderedReport {
  main: ReportFile;
  /** Files that go beside the main one (the Markdown report's map image). */
  attachments: ReportFile[];
}

export interface RenderOptions {
  /** Markdown: the name the map image will have beside the report (it is returned as an attachment). */
  mapFileName?: string;
  pdf?: PdfOptions;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export async function renderReport(
  report: Report,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<RenderedReport> {
  const document = reportDocument(report);
  const hasMap = report.clusters.length > 0;
  const svg = hasMap ? clusterMapSvg(report) : undefined;
  const file = (content: Uint8Array): RenderedReport => ({
    main: { extension: format, mediaType: REPORT_MEDIA_TYPES[format], content },
    attachments: [],
  });
  switch (format) {
    case "md": {
      const mapFileName = svg ? (options.mapFileName ?? "cluster-map.svg") : undefined;
      const rendered = file(utf8(renderMarkdown(document, { mapImage: mapFileName })));
      if (svg)
        rendered.attachments.push({ extension: "cluster-map.svg", mediaType: "image/svg+xml", content: utf8(svg) });
      return rendered;
    }
    case "html":
      return file(utf8(renderHtml(document, { mapSvg: svg })));
    case "pdf":
      return file(await htmlToPdf(renderHtml(document, { mapSvg: svg }), options.pdf));
    case "docx": {
      if (!svg) return file(await renderDocx(document));
      const png = svgToPng(svg);
      return file(await renderDocx(document, { png, ...halfSize(png) }));
    }
    case "xlsx": {
      const png = svg ? svgToPng(svg) : undefined;
      const image = png && { sheet: "Cluster map", png, ...halfSize(png) };
      return file(await writeSheetsXlsx(reportSheets(report), { title: report.title, image }));
    }
  }
}

/** The PNG is drawn at twice the SVG's size for print; it is placed at the SVG's size. */
function halfSize(png: Uint8Array) {
  const { width, height } = pngSize(png);
  return { width: width / 2, height: height / 2 };
}
