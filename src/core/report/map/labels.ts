// Label placement without overlaps: each label tries a few spots around its node and takes the first free one;
// a result label that finds no room is left out (its node stays, and the tables name every result).
import type { Point } from "./layout.ts";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  text: string;
  at: Point;
  radius: number;
  fontSize: number;
  /** Placed even when every spot overlaps (projects must stay named). */
  required: boolean;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  fontSize: number;
}

// Advance widths of DejaVu Sans in ems, roughly, by character class: good enough to keep labels apart.
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const c of text) {
    if (c === " ") ems += 0.33;
    else if (/[il.,:;'|!]/.test(c)) ems += 0.3;
    else if (/[A-Z0-9MW@%mw]/.test(c)) ems += 0.72;
    else ems += 0.63;
  }
  return ems * fontSize;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export function placeLabels(requests: LabelRequest[], obstacles: Box[], canvas: Box): PlacedLabel[] {
  const taken: Box[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  for (const request of requests) {
    const width = textWidth(request.text, request.fontSize);
    const height = request.fontSize * 1.2;
    const candidates = spotsAround(request, width, height);
    const inside = candidates.filter(
      (box) =>
        box.x >= canvas.x &&
        box.y >= canvas.y &&
        box.x + box.width <= canvas.x + canvas.width &&
        box.y + box.height <= canvas.y + canvas.height,
    );
    const free = inside.find((box) => !taken.some((other) => overlaps(box, other)));
    const chosen = free ?? (request.required ? (inside[0] ?? candidates[0]) : undefined);
    if (!chosen) continue;
    taken.push(chosen);
    placed.push({
      id: request.id,
      text: request.text,
      x: chosen.x,
      y: chosen.y + request.fontSize * 0.95,
      fontSize: request.fontSize,
    });
  }
  return placed;
}

function spotsAround(request: LabelRequest, width: number, height: number): Box[] {
  const { x, y } = request.at;
  const gap = request.radius + 3;
  const box = (left: number, top: number): Box => ({ x: left, y: top, width, height });
  return [
    box(x + gap, y - height / 2),
    box(x - gap - width, y - height / 2),
    box(x - width / 2, y - gap - height),
    box(x - width / 2, y + gap),
    box(x + gap * 0.7, y - gap * 0.7 - height),
    box(x + gap * 0.7, y + gap * 0.7),
    box(x - gap * 0.7 - width, y - gap * 0.7 - height),
    box(x - gap * 0.7 - width, y + gap * 0.7),
  ];
}

export function shorten(text: string, max: number): string {
  const flat = Array.from(text.replace(/\s+/g, " ").trim());
  return flat.length <= max
    ? flat.join("")
    : `${flat
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
