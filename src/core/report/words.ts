// How values read in every format: one place for the words, so Markdown, HTML, DOCX and XLSX agree.
import type { UnclusteredReason } from "./clusters.ts";
import type { Partner, WorkPlanItem } from "./input.ts";
import type { ReportCluster, ReportUnclustered } from "./model.ts";

export const plural = (n: number, noun: string, nouns = `${noun}s`) => `${n} ${n === 1 ? noun : nouns}`;

export function partnerName(partner: Partner): string {
  return partner.country ? `${partner.name} (${partner.country})` : partner.name;
}

export function trlText(now: number | undefined, expected: number | undefined): string {
  if (now === undefined && expected === undefined) return "";
  if (expected === undefined || expected === now) return `TRL ${now}`;
  if (now === undefined) return `expected TRL ${expected}`;
  return `TRL ${now} → ${expected}`;
}

export function statusText(status: string): string {
  return status.replace(/_/g, " ");
}

export function clusterTitle(cluster: Pick<ReportCluster, "id" | "label">): string {
  return `${cluster.id.toUpperCase()} · ${cluster.label}`;
}

const REASONS: Record<UnclusteredReason, string> = {
  weak: "no cluster fits it well enough",
  "not-characterised": "not characterised yet (no description or keywords to compare)",
  "not-placed": "not placed in any cluster by the facilitators",
};

export function unclusteredWhy(entry: ReportUnclustered): string {
  return REASONS[entry.reason];
}

export function nearestText(entry: ReportUnclustered): string {
  return entry.nearest ? clusterTitle(entry.nearest) : "";
}

/** "2026-03-01 – 2026-06-30", "from 2026-03-01", "milestone M3" … */
export function whenText(item: WorkPlanItem): string {
  const span =
    item.start && item.end
      ? `${item.start} – ${item.end}`
      : item.start
        ? `from ${item.start}`
        : item.end
          ? `by ${item.end}`
          : "";
  return [span, item.milestone && `milestone: ${item.milestone}`].filter(Boolean).join("\n");
}

/** An ISO time as people read it in a document: "2026-03-04 14:05 UTC"; anything else as given. */
export function timeText(at: string): string {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return at;
  const iso = new Date(time).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function list(values: readonly string[]): string {
  return values.join(", ");
}

const forbiddenInXml = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;

/** Text without the control characters XML 1.0 cannot hold (SVG, .docx, .xlsx); pasted text sometimes has them. */
export function withoutControlCharacters(text: string): string {
  let clean = true;
  for (let k = 0; k < text.length && clean; k++) clean = !forbiddenInXml(text.charCodeAt(k));
  if (clean) return text;
  let out = "";
  for (let k = 0; k < text.length; k++) if (!forbiddenInXml(text.charCodeAt(k))) out += text[k];
  return out;
}
