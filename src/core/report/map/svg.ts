// The cluster map as a standalone SVG (written by hand: a few shapes, fully deterministic output).
import type { Report } from "../model.ts";
import { clusterTitle, withoutControlCharacters } from "../words.ts";
import { type MapEdge, type MapGraph, type MapNode, mapGraph } from "./graph.ts";
import { type Box, type LabelRequest, placeLabels, shorten, textWidth } from "./labels.ts";
import { layoutMap, type Point } from "./layout.ts";

export const CLUSTER_COLOURS = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#e15759",
  "#b07aa1",
  "#76b7b2",
  "#edc948",
  "#9c755f",
  "#ff9da7",
  "#2f6b3b",
  "#8cd17d",
  "#d37295",
  "#1f5fa0",
  "#b6992d",
  "#86bcb6",
  "#d4a6c8",
  "#a0cbe8",
  "#ffbe7d",
  "#79706e",
  "#499894",
] as const;
const NO_CLUSTER = "#c7c7c7";
const PROJECT_FILL = "#33383f";
const WIDTH = 1000;
const MARGIN = 70;
const TITLE_HEIGHT = 36;

export const clusterColour = (index: number) =>
  index < 0 ? NO_CLUSTER : CLUSTER_COLOURS[index % CLUSTER_COLOURS.length]!;

/** The cluster map of a report. Same report → byte-identical SVG. */
export function clusterMapSvg(report: Report): string {
  return renderMap(mapGraph(report), `Cluster map: ${report.workshop.name}`);
}

export function renderMap(graph: MapGraph, title: string): string {
  const raw = layoutMap(graph);
  const plotHeight = plotHeightFor(raw);
  const at = fitToCanvas(raw, plotHeight);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const legend = legendOf(graph, TITLE_HEIGHT + plotHeight + 2 * MARGIN);
  const height = legend.bottom + 16;
  const labels = labelsOf(graph, at, { x: 4, y: TITLE_HEIGHT, width: WIDTH - 8, height: plotHeight + 2 * MARGIN });
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
      `font-family="DejaVu Sans, Verdana, sans-serif" role="img" aria-label="${escapeXml(title)}">`,
    `<defs><marker id="cb-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" ` +
      `orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5b6470"/></marker></defs>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="20" y="26" font-size="17" font-weight="bold" fill="#222">${escapeXml(title)}</text>`,
    `<g>${hulls(graph, at)}</g>`,
    `<g fill="none">${graph.edges.map((e) => edgeSvg(e, at, nodes)).join("")}</g>`,
    `<g>${graph.nodes.map((n) => nodeSvg(n, at.get(n.id)!)).join("")}</g>`,
    `<g fill="#222">${labels}</g>`,
    legend.svg,
    "</svg>",
  ];
  return `${parts.join("\n")}\n`;
}

function plotHeightFor(raw: Map<string, Point>): number {
  const ys = [...raw.values()].map((p) => p.y);
  const xs = [...raw.values()].map((p) => p.x);
  const spanX = Math.max(...xs) - Math.min(...xs) || 1;
  const spanY = Math.max(...ys) - Math.min(...ys) || 1;
  const plotWidth = WIDTH - 2 * MARGIN;
  return Math.round(Math.min(760, Math.max(360, (plotWidth * spanY) / spanX)));
}

function fitToCanvas(raw: Map<string, Point>, plotHeight: number): Map<string, Point> {
  const points = [...raw.values()];
  const minX = Math.min(...points.map((p) => p.x));
  const maxX = Math.max(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  const maxY = Math.max(...points.map((p) => p.y));
  const plotWidth = WIDTH - 2 * MARGIN;
  const scale = Math.min(plotWidth / (maxX - minX || 1), plotHeight / (maxY - minY || 1));
  const offsetX = MARGIN + (plotWidth - (maxX - minX) * scale) / 2;
  const offsetY = TITLE_HEIGHT + MARGIN + (plotHeight - (maxY - minY) * scale) / 2;
  const fitted = new Map<string, Point>();
  for (const [id, p] of raw) fitted.set(id, { x: offsetX + (p.x - minX) * scale, y: offsetY + (p.y - minY) * scale });
  return fitted;
}

const n1 = (value: number) => value.toFixed(1);

/** A soft shape behind each cluster's results: the convex hull drawn with a wide, round, translucent stroke. */
function hulls(graph: MapGraph, at: Map<string, Point>): string {
  const members = new Map<number, Point[]>();
  for (const node of graph.nodes)
    if (node.kind === "result" && node.cluster >= 0)
      members.set(node.cluster, [...(members.get(node.cluster) ?? []), at.get(node.id)!]);
  return [...members.entries()]
    .sort(([x], [y]) => x - y)
    .map(([cluster, points]) => {
      const colour = clusterColour(cluster);
      const hull = convexHull(points);
      const style = `fill="${colour}" stroke="${colour}" stroke-width="30" stroke-linejoin="round" stroke-linecap="round"`;
      const shape =
        hull.length === 1
          ? `<circle cx="${n1(hull[0]!.x)}" cy="${n1(hull[0]!.y)}" r="15" ${style}/>`
          : `<polygon points="${hull.map((p) => `${n1(p.x)},${n1(p.y)}`).join(" ")}" ${style}/>`;
      // One opacity for the group, so fill and stroke do not add up where they overlap.
      return `<g opacity="0.14">${shape}</g>`;
    })
    .join("");
}

/** Andrew's monotone chain. */
export function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length <= 2) return sorted;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const half = (list: Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

function edgeSvg(edge: MapEdge, at: Map<string, Point>, nodes: Map<string, MapNode>): string {
  const a = at.get(edge.source)!;
  const b = at.get(edge.target)!;
  if (edge.kind === "owns") return line(a, b, `stroke="#9aa0a6" stroke-width="0.8"`);
  if (edge.kind === "need")
    return line(a, b, `stroke="#d9822b" stroke-opacity="0.8" stroke-width="1.3" stroke-dasharray="5 3"`);
  // Interest: an arrow that stops at the edge of the result's circle.
  const target = nodes.get(edge.target)!;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const end = { x: b.x - (dx / length) * (target.radius + 1), y: b.y - (dy / length) * (target.radius + 1) };
  const width = { low: 0.8, medium: 1.4, high: 2.2 }[edge.level ?? "medium"];
  return line(a, end, `stroke="#5b6470" stroke-opacity="0.75" stroke-width="${width}" marker-end="url(#cb-arrow)"`);
}

const line = (a: Point, b: Point, style: string) =>
  `<line x1="${n1(a.x)}" y1="${n1(a.y)}" x2="${n1(b.x)}" y2="${n1(b.y)}" ${style}/>`;

function nodeSvg(node: MapNode, p: Point): string {
  const tip = `<title>${escapeXml(node.label)}</title>`;
  if (node.kind === "project") {
    const r = node.radius;
    return `<rect x="${n1(p.x - r)}" y="${n1(p.y - r)}" width="${n1(2 * r)}" height="${n1(2 * r)}" rx="2" fill="${PROJECT_FILL}" stroke="#fff" stroke-width="1.5">${tip}</rect>`;
  }
  return `<circle cx="${n1(p.x)}" cy="${n1(p.y)}" r="${n1(node.radius)}" fill="${clusterColour(node.cluster)}" stroke="#fff" stroke-width="1.5">${tip}</circle>`;
}

function labelsOf(graph: MapGraph, at: Map<string, Point>, canvas: Box): string {
  const obstacles: Box[] = graph.nodes.map((n) => {
    const p = at.get(n.id)!;
    return { x: p.x - n.radius, y: p.y - n.radius, width: 2 * n.radius, height: 2 * n.radius };
  });
  const requests: LabelRequest[] = [
    ...graph.nodes.filter((n) => n.kind === "project"),
    ...graph.nodes.filter((n) => n.kind === "result"),
  ].map((n) => ({
    id: n.id,
    text: n.kind === "project" ? n.label : shorten(n.label, 26),
    at: at.get(n.id)!,
    radius: n.radius,
    fontSize: n.kind === "project" ? 11 : 9,
    required: n.kind === "project",
  }));
  const bold = new Set(graph.nodes.filter((n) => n.kind === "project").map((n) => n.id));
  return placeLabels(requests, obstacles, canvas)
    .map(
      (l) =>
        `<text x="${n1(l.x)}" y="${n1(l.y)}" font-size="${l.fontSize}"${bold.has(l.id) ? ' font-weight="bold"' : ""}>${escapeXml(l.text)}</text>`,
    )
    .join("");
}

/** Cluster colours with their labels in columns, then what the marks mean. */
function legendOf(graph: MapGraph, top: number): { svg: string; bottom: number } {
  const parts: string[] = [];
  const columns = 2;
  const columnWidth = (WIDTH - 40) / columns;
  const rowHeight = 18;
  graph.clusters.forEach((cluster, k) => {
    const x = 20 + (k % columns) * columnWidth;
    const y = top + Math.floor(k / columns) * rowHeight;
    const text = shorten(clusterTitle(cluster), Math.floor((columnWidth - 30) / textWidth("n", 11)));
    parts.push(
      `<circle cx="${n1(x + 6)}" cy="${n1(y - 4)}" r="6" fill="${clusterColour(k)}"/>`,
      `<text x="${n1(x + 18)}" y="${n1(y)}" font-size="11" fill="#222">${escapeXml(text)}</text>`,
    );
  });
  const keyTop = top + Math.ceil(graph.clusters.length / columns) * rowHeight + 8;
  const key: [string, string][] = [
    [`<rect x="20" y="${keyTop - 10}" width="12" height="12" rx="2" fill="${PROJECT_FILL}"/>`, "project"],
    [`<circle cx="26" cy="${keyTop - 4}" r="6" fill="${NO_CLUSTER}"/>`, "result in no cluster"],
    [
      `<line x1="14" y1="${keyTop - 4}" x2="38" y2="${keyTop - 4}" stroke="#5b6470" stroke-width="1.4" marker-end="url(#cb-arrow)"/>`,
      "interest (thicker = higher)",
    ],
    [
      `<line x1="14" y1="${keyTop - 4}" x2="38" y2="${keyTop - 4}" stroke="#d9822b" stroke-width="1.4" stroke-dasharray="5 3"/>`,
      "need ↔ offer",
    ],
  ];
  let x = 0;
  for (const [mark, text] of key) {
    parts.push(
      `<g transform="translate(${n1(x)},0)">${mark}<text x="46" y="${keyTop}" font-size="11" fill="#444">${text}</text></g>`,
    );
    x += 46 + textWidth(text, 11) + 24;
  }
  return { svg: `<g>${parts.join("")}</g>`, bottom: keyTop + 6 };
}

export function escapeXml(text: string): string {
  return withoutControlCharacters(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
