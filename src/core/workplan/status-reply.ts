// A plain reply in a follow-up thread read as status answers: "late: waiting for data", "Done!", "on track – pilot
// next month", "dropped, no budget", "#3 done" or "#1 done, #2 late: partner left" when a lead has several items.
// The status must come first (so "not done yet" or "we are not late" are never misread): the reply is refused with
// a reason rather than guessed. Typed punctuation varies (French spaced colons, dashes, full-width forms, quotes).
import type { FollowUpStatus } from "./follow-up.ts";

export interface StatusAnswer {
  /** The item's number in the follow-up thread ("#2"), or null when the reply names none. */
  number: number | null;
  status: FollowUpStatus;
  /** What followed the status, as typed (trimmed), or null. */
  note: string | null;
}

export type StatusReading = { kind: "answers"; answers: StatusAnswer[] } | { kind: "unreadable"; reason: string };

export const maxStatusNote = 1000;

/** Replies to copy, shown when one could not be read. */
export const statusReplyExamples = [
  "done",
  "late: waiting for data",
  "on track – pilot next month",
  "#2 dropped, no budget",
];

// Longest phrases first within a status, and no phrase is a prefix of another status's phrase.
const phrases: [FollowUpStatus, string[]][] = [
  ["on_track", ["on track", "on-track", "ontrack", "on schedule", "on time", "in progress", "ongoing", "progressing"]],
  ["done", ["done", "finished", "completed", "complete", "delivered", "achieved", "✅", "✔️", "✔", "☑️", "☑"]],
  ["late", ["running late", "behind schedule", "late", "delayed", "behind", "overdue"]],
  ["dropped", ["dropped", "cancelled", "canceled", "abandoned", "stopped", "discontinued", "❌"]],
];

// Words a lead may put before the status: "Status: late", "it's done", "we are on track", "→ done".
const lead =
  /^(?:(?:status|update|answer|it['’]?s|it is|this is|we['’]?re|we are|is|now|currently|item)\b|[-–—:=>→»«"'“”„‘’`*_¡¿.,;!\s])+/iu;
// Separators between the status and its note.
const separator = /^[\s:;,.!?…·|/\\\-–—=>→)\]}"'“”«»*_]+/u;
const trailing = /[\s,;]+$/u;
// "#2" or "# 2" anywhere (not "C#2"); "item 2", "n°2", "№2", "no. 2", "nr 2" at the start of a line or after a comma
// or semicolon; "2." "2)" "2:" "2 -" at the start of a line.
const marker = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}#])#\s*(\d{1,3})(?!\d)`,
    String.raw`(?<=(?:^|[,;])[ \t]*)(?:item|n°|no\.|no(?=\d)|nr\.?)[ \t]*(\d{1,3})(?!\d)`,
    String.raw`^[ \t]*(\d{1,3})[ \t]*[.):\-–—](?=\s)`,
  ].join("|"),
  "gimu",
);

/** The text as compared: compatibility forms folded (full-width colon, ligatures), odd spaces made plain. */
function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u00a0\u2007\u202f\u2009\u200a]/gu, " ")
    .replace(/[\u200b-\u200d\ufeff]/gu, "");
}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}]/u.test(character);
}

/** The status a segment starts with, and what follows it. */
function readSegment(segment: string): { status: FollowUpStatus; note: string | null } | null {
  const text = segment.replace(lead, "");
  const lower = text.toLowerCase();
  for (const [status, words] of phrases) {
    for (const word of words) {
      if (!lower.startsWith(word)) continue;
      // A whole word: "done" but not "donegal"; symbols (✅) need no boundary.
      if (isWordCharacter(word.at(-1)) && isWordCharacter(lower[word.length])) continue;
      const rest = text.slice(word.length).replace(separator, "").replace(trailing, "").trim();
      const characters = [...rest];
      const note =
        characters.length > maxStatusNote ? `${characters.slice(0, maxStatusNote - 1).join("")}…` : rest || null;
      return { status, note };
    }
  }
  return null;
}

const noStatus = "it does not start with a status: done, on track, late or dropped";

export function parseStatusReply(raw: string): StatusReading {
  const text = normalise(raw).trim();
  if (!text) return { kind: "unreadable", reason: "it is empty" };
  const markers = [...text.matchAll(marker)];
  if (markers.length === 0) {
    const read = readSegment(text);
    return read ? { kind: "answers", answers: [{ number: null, ...read }] } : { kind: "unreadable", reason: noStatus };
  }
  const answers: StatusAnswer[] = [];
  // Text before the first number ("Update: #1 done…") is an answer only when it reads as one.
  const before = readSegment(text.slice(0, markers[0]?.index ?? 0));
  if (before) answers.push({ number: null, ...before });
  for (const [index, found] of markers.entries()) {
    const number = Number(found[1] ?? found[2] ?? found[3]);
    const end = markers[index + 1]?.index ?? text.length;
    const read = readSegment(text.slice((found.index ?? 0) + found[0].length, end));
    if (!read) return { kind: "unreadable", reason: `#${number} has no status (done, on track, late or dropped)` };
    if (answers.some((answer) => answer.number === number))
      return { kind: "unreadable", reason: `#${number} is answered twice` };
    answers.push({ number, ...read });
  }
  return { kind: "answers", answers };
}
