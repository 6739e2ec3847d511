// A reply in a work-plan thread → a work-plan item, or "unreadable" with the reason. Deterministic: the same text,
// partners and dates always give the same item. People write either free text ("Joint pilot of the sensor kit, led
// by ACME with UPM, Q3 2027") or labelled parts ("Lead: ACME; When: by M18; Resources: 2 PM"); both are read.
import { cleanUserText } from "../text/clean.ts";
import { type DateContext, readTimeline, type Timeline } from "./dates.ts";
import { findPartners, type Partner, readPartnerList } from "./partners.ts";
import type { WorkPlanTopic } from "./topics.ts";

export interface WorkPlanDraft {
  activity: string;
  leadPartner: string | null;
  contributors: string[];
  start: Date | null;
  end: Date | null;
  milestone: string | null;
  resources: string | null;
  expectedBenefit: string | null;
  ipr: string | null;
}

export type Reading = { kind: "item"; item: WorkPlanDraft } | { kind: "unreadable"; reason: string };

export interface ParseContext extends DateContext {
  partners: readonly Partner[];
  /** The prompt the reply answers: where free text goes when it names no field. */
  topic: WorkPlanTopic;
}

type Field = "activity" | "lead" | "contributors" | "timeline" | "start" | "end" | "resources" | "benefit" | "ipr";

const labels: [string, Field][] = [
  ["expected benefits", "benefit"],
  ["expected benefit", "benefit"],
  ["lead partner", "lead"],
  ["activity", "activity"],
  ["task", "activity"],
  ["what", "activity"],
  ["leader", "lead"],
  ["lead", "lead"],
  ["led by", "lead"],
  ["contributors", "contributors"],
  ["contributing", "contributors"],
  ["partners", "contributors"],
  ["participants", "contributors"],
  ["involving", "contributors"],
  ["with", "contributors"],
  ["who", "contributors"],
  ["timeline", "timeline"],
  ["timing", "timeline"],
  ["when", "timeline"],
  ["dates", "timeline"],
  ["date", "timeline"],
  ["period", "timeline"],
  ["milestone", "timeline"],
  ["deadline", "end"],
  ["start", "start"],
  ["starts", "start"],
  ["end", "end"],
  ["ends", "end"],
  ["resources", "resources"],
  ["budget", "resources"],
  ["effort", "resources"],
  ["equipment", "resources"],
  ["benefits", "benefit"],
  ["benefit", "benefit"],
  ["impact", "benefit"],
  ["outcome", "benefit"],
  ["ipr", "ipr"],
  ["ip", "ipr"],
  ["licence", "ipr"],
  ["license", "ipr"],
  ["ownership", "ipr"],
];
const fieldOf = new Map(labels);
const labelAlternation = labels
  .map(([label]) => label)
  .sort((a, b) => b.length - a.length)
  .map((label) => label.replace(/ /g, "\\s+"))
  .join("|");
/** "Lead: ACME", "*When*: Q3", "- resources = 2 PM", and "led by ACME" without a colon. */
const labelRe = new RegExp(
  `(?:^|(?<=[\\s;,.(|]))[-*_•]*\\s*(?:(${labelAlternation})[*_]*\\s*[:=]|(led\\s+by|lead\\s+by)(?=\\s))`,
  "giu",
);

/** The reply split into its unlabelled head and labelled parts, in order. */
function segments(text: string): { head: string; parts: { field: Field; text: string }[] } {
  const matches = [...text.matchAll(labelRe)];
  const head = text.slice(0, matches[0]?.index ?? text.length);
  const parts = matches.map((match, index) => {
    const label = (match[1] ?? match[2] ?? "").toLowerCase().replace(/\s+/g, " ");
    const field: Field = match[2] ? "lead" : (fieldOf.get(label) ?? "activity");
    const end = matches[index + 1]?.index ?? text.length;
    return { field, text: tidy(text.slice((match.index ?? 0) + match[0].length, end)) };
  });
  return { head: tidy(head), parts };
}

/** Trims spaces and the separators people put between parts. */
function tidy(text: string): string {
  return text.replace(/^[\s,;:.\-–—|]+|[\s,;.\-–—|]+$/gu, "").trim();
}

const example =
  "Joint pilot of the sensor kit. Lead: ACME. With: UPM, TUD. When: Q3 2027 to Q1 2028. Resources: 4 person-months. Benefit: a validated TRL 6 prototype.";

/** An example reply for the help answer, with the workshop's own partners when it has some. */
export function exampleReply(partners: readonly Partner[]): string {
  const [lead, ...others] = partners.map((partner) => partner.name);
  if (!lead) return example;
  const withWhom = others.slice(0, 2).join(", ") || lead;
  return `Joint pilot of the sensor kit. Lead: ${lead}. With: ${withWhom}. When: Q3 2027 to Q1 2028. Resources: 4 person-months. Benefit: a validated TRL 6 prototype.`;
}

export function parseWorkPlanReply(raw: string, context: ParseContext): Reading {
  const text = cleanUserText(raw);
  if (!text) return unreadable("the reply is empty");
  const { head, parts } = segments(text);
  const labelled = (field: Field) => parts.filter((part) => part.field === field).map((part) => part.text);
  const joined = (field: Field) => labelled(field).join("; ") || null;

  // Lead: a label or "led by", else a partner followed by "leads"/"will lead" in the free text.
  // Free text that may name partners and dates besides the head: "led by UPM with ACME, next spring".
  let leadPartner: Partner | null = null;
  const mentions = findPartners(head, context.partners);
  for (const written of labelled("lead")) {
    const [named, ...others] = findPartners(written, context.partners);
    if (!named) return unreadable(unknownPartner(firstWords(written), "lead", context.partners));
    leadPartner = named.partner;
    mentions.push(...others);
  }
  leadPartner ??=
    mentions.find((mention) => /^ (?:leads?|will lead|is leading|\(?lead\)?) /.test(mention.followedBy))?.partner ??
    null;

  // Contributors: listed under a label (every name must be a partner), else every partner the free text names.
  let contributors: Partner[] = [];
  const listed = labelled("contributors");
  if (listed.length > 0) {
    for (const written of listed) {
      const read = readPartnerList(written, context.partners);
      if (!read.ok) return unreadable(unknownPartner(read.unknown, "contributor", context.partners));
      contributors.push(...read.partners);
    }
  } else {
    contributors = mentions.map((mention) => mention.partner);
  }
  contributors = [...new Set(contributors)].filter((partner) => partner !== leadPartner);

  // Timeline: labelled parts must hold a date; without them, a date in the free text is taken.
  const freeText = [head, ...labelled("lead")].join(" ");
  const timeline = readTimelineParts(freeText, parts, context);
  if (!timeline.ok) return unreadable(timeline.reason);

  // The activity: labelled, or the free text before the first label without the dates it named ("Pilot in Q3 2027").
  const phrase = timeline.phrase;
  const headText =
    phrase && head.includes(phrase)
      ? tidy(
          head
            .replace(phrase, " ")
            .replace(/\s{2,}/g, " ")
            .replace(/\s+([,;.])/g, "$1"),
        )
      : head;
  const activity = joined("activity") ?? (headText || null);
  const topicText = headText || null;
  const resources = joined("resources") ?? (context.topic === "resources" ? topicText : null);
  const expectedBenefit = joined("benefit") ?? (context.topic === "benefit" ? topicText : null);
  const ipr = joined("ipr") ?? (context.topic === "ipr" ? topicText : null);

  if (!activity)
    return unreadable("I could not tell what the activity is: start the reply with it, or write “Activity: …”");
  const namesNothing =
    parts.length === 0 && !leadPartner && contributors.length === 0 && !timeline.found && wordCount(activity) <= 2;
  if (namesNothing) return unreadable("it reads like a comment rather than a work-plan item");

  return {
    kind: "item",
    item: {
      activity,
      leadPartner: leadPartner?.name ?? null,
      contributors: contributors.map((partner) => partner.name),
      start: timeline.timeline.start,
      end: timeline.timeline.end,
      milestone: timeline.timeline.milestone,
      resources,
      expectedBenefit,
      ipr,
    },
  };
}

function readTimelineParts(
  head: string,
  parts: { field: Field; text: string }[],
  context: ParseContext,
): { ok: true; timeline: Timeline; found: boolean; phrase?: string } | { ok: false; reason: string } {
  const timeline: Timeline = { start: null, end: null, milestone: null };
  let labelledAny = false;
  for (const part of parts) {
    if (part.field !== "timeline" && part.field !== "start" && part.field !== "end") continue;
    labelledAny = true;
    const phrase = part.field === "start" ? `from ${part.text}` : part.field === "end" ? `by ${part.text}` : part.text;
    const read = readTimeline(phrase, context);
    if (!read.ok) return read;
    if (!read.found) return { ok: false, reason: `I could not read the date “${firstWords(part.text)}”` };
    timeline.start = read.timeline.start ?? timeline.start;
    timeline.end = read.timeline.end ?? timeline.end;
    timeline.milestone = read.timeline.milestone ?? timeline.milestone;
  }
  if (labelledAny) {
    if (timeline.start && timeline.end && timeline.end < timeline.start)
      return { ok: false, reason: "the timeline ends before it starts" };
    return { ok: true, timeline, found: true };
  }
  const read = readTimeline(head, context);
  if (!read.ok) return read;
  return read.phrase === undefined
    ? { ok: true, timeline: read.timeline, found: read.found }
    : { ok: true, timeline: read.timeline, found: read.found, phrase: read.phrase };
}

function unknownPartner(name: string, role: string, partners: readonly Partner[]): string {
  const known = partners.map((partner) => partner.name);
  const list = known.length > 8 ? `${known.slice(0, 8).join(", ")}, …` : known.join(", ");
  return known.length > 0
    ? `I don't know “${name}” as a partner of this workshop (named as ${role}); partners here are ${list}`
    : `I don't know “${name}” as a partner of this workshop (named as ${role})`;
}

function firstWords(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function unreadable(reason: string): Reading {
  return { kind: "unreadable", reason };
}
