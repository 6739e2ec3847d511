import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/report/build.ts";
import type { ReportInputDraft } from "../../src/core/report/input.ts";
import { textWidth } from "../../src/core/report/map/labels.ts";
import { clusterMapSvg } from "../../src/core/report/map/svg.ts";
import { validateReportInput } from "../../src/core/report/validate.ts";
import { pngSize, svgToPng } from "../../src/io/report/png.ts";

function realistic(): ReportInputDraft {
  const raw = JSON.parse(readFileSync("test/fixtures/workshops/realistic.json", "utf8"));
  return { ...raw, results: raw.results.map(({ trl, ...r }: { trl?: number }) => ({ ...r, trlNow: trl })) };
}

function mapOf(raw: ReportInputDraft): string {
  const validation = validateReportInput(raw);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return clusterMapSvg(buildReport(validation.input, { generatedOn: "2026-05-01" }));
}

interface Label {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** The labels placed on the plot (the title and the legend are left out). */
function plotLabels(svg: string): Label[] {
  const plot = svg.slice(svg.indexOf('<g fill="#222">'), svg.lastIndexOf("<g><circle"));
  return [...plot.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    size: Number(m[3]),
    text: m[4]!.replace(/&amp;/g, "&"),
  }));
}

describe("the cluster map", () => {
  const svg = mapOf(realistic());

  it("is the same SVG, byte for byte, for the same workshop listed in another order", () => {
    const shuffled = realistic();
    shuffled.projects.reverse();
    shuffled.interests!.reverse();
    expect(mapOf(realistic())).toBe(svg);
    expect(mapOf(shuffled)).toBe(svg);
  });

  it("names every project, colours results by cluster and lists the clusters in a legend", () => {
    const labels = plotLabels(svg).map((l) => l.text);
    for (const acronym of ["MAINTAIN", "VIBROSENSE", "AGRISKY", "SOILIQ", "CARE4HOME"])
      expect(labels).toContain(acronym);
    expect(svg).toMatch(/<text [^>]*>C1 · [^<]+<\/text>/);
    const fills = new Set([...svg.matchAll(/<circle [^>]*r="6\.5" fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
    expect(fills.size).toBeGreaterThanOrEqual(8);
  });

  it("places labels where they do not overlap each other", () => {
    const boxes = plotLabels(svg).map((l) => ({
      ...l,
      left: l.x,
      right: l.x + textWidth(l.text, l.size),
      top: l.y - l.size * 0.95,
      bottom: l.y - l.size * 0.95 + l.size * 1.2,
    }));
    expect(boxes.length).toBeGreaterThan(40);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlap =
          a.left < b.right - 0.2 && b.left < a.right - 0.2 && a.top < b.bottom - 0.2 && b.top < a.bottom - 0.2;
        expect(overlap, `"${a.text}" overlaps "${b.text}"`).toBe(false);
      }
  });

  it("becomes a PNG with its text drawn (resvg draws none without a font)", () => {
    const png = svgToPng(svg, { scale: 1 });
    const { width, height } = pngSize(png);
    expect(width).toBe(1000);
    expect(height).toBeGreaterThan(400);
    const withoutText = svgToPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ""), { scale: 1 });
    expect(Buffer.from(png).equals(Buffer.from(withoutText))).toBe(false);
  });
});
