// Timelines as people write them in a work-plan thread: "Q3 2027", "next spring", "by M18", "from March to June
// 2027", "2027-03-15", "15/03/2027", "spring 2028 – Q1 2029". A small grammar rather than a general date library:
// the forms that matter here (quarters, seasons, project months "M18") are not what general parsers read, and the
// result must be the same on every run (the reference date is given, never read from the clock).

/** Dates are whole days, as UTC midnights. */
export interface Timeline {
  start: Date | null;
  /** The last day of the period. */
  end: Date | null;
  /** A project month named as a milestone ("M18"). */
  milestone: string | null;
}

export interface DateContext {
  /** Today, to place "next spring" and a month written without its year. */
  today: Date;
  /** The first day of project month M1 (the working group's start). */
  monthOne: Date;
}

interface Period {
  start: Date;
  end: Date;
  /** False when the year was guessed (a month or a season written without one). */
  hasYear: boolean;
  milestone?: string;
  /** Re-reads the period in another year (a month without a year takes the year of the range's other end). */
  inYear?: (year: number) => Period;
}

const months: Record<string, number> = {
  jan: 0,
  january: 0,
  feb: 1,
  february: 1,
  mar: 2,
  march: 2,
  apr: 3,
  april: 3,
  may: 4,
  jun: 5,
  june: 5,
  jul: 6,
  july: 6,
  aug: 7,
  august: 7,
  sep: 8,
  sept: 8,
  september: 8,
  oct: 9,
  october: 9,
  nov: 10,
  november: 10,
  dec: 11,
  december: 11,
};
const seasons: Record<string, number> = { spring: 2, summer: 5, autumn: 8, fall: 8, winter: 11 };

const monthWord =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const year = "(?:19|20)\\d{2}";

/** One period, as a regex source (no capture groups, so it can be nested). */
const term = [
  `\\d{4}-\\d{1,2}-\\d{1,2}`,
  `\\d{1,2}[./]\\d{1,2}[./]${year}`,
  `\\d{1,2}\\s+(?:${monthWord})\\.?,?\\s+${year}`,
  `\\d{4}-\\d{1,2}(?![\\d-])`,
  `q[1-4]\\s*[/-]?\\s*${year}`,
  `${year}\\s*[/-]?\\s*q[1-4]`,
  `(?:(?:next|this|coming)\\s+)?(?:spring|summer|autumn|fall|winter)(?:\\s+(?:of\\s+)?${year})?`,
  `(?:(?:end|start|beginning|mid|middle)\\s+of\\s+|mid-?)?(?:${monthWord})\\.?(?:\\s+${year})?`,
  `(?:m|month\\s*)\\d{1,3}`,
  `(?:next|this|coming)\\s+(?:month|quarter|year)`,
  `(?:(?:end|start|beginning)\\s+of\\s+)?${year}`,
].join("|");

const termRe = new RegExp(`^(?:${term})$`, "i");
const boundary = "(?<![\\p{L}\\p{N}])";
const after = "(?![\\p{L}\\p{N}])";
const rangeRe = new RegExp(
  `${boundary}(?:from\\s+|between\\s+)?(${term})\\s*(?:-|–|—|to|until|till|through|thru|and)\\s*(${term})${after}`,
  "iu",
);
const deadlineRe = new RegExp(
  `${boundary}(?:by|before|due|until|till|no later than)\\s+(?:the\\s+)?(${term})${after}`,
  "iu",
);
const fromRe = new RegExp(
  `${boundary}(?:from|starting(?:\\s+in)?|start(?:s|ing)?\\s+in|as of|after)\\s+(${term})${after}`,
  "iu",
);
const anyTermRe = new RegExp(`${boundary}(?:(?:in|during|on|for|around|at)\\s+)?(${term})${after}`, "giu");
/** Words that are dates only when a year or a preposition says so ("ACME may lead", "prices fall"). */
const ambiguousAlone = /^(?:may|march|fall|\d{4})$/i;

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0));
const monthsPeriod = (y: number, m: number, count: number, hasYear: boolean): Period => ({
  start: day(y, m, 1),
  end: lastDay(y, m + count - 1),
  hasYear,
});

function nextOccurrence(month: number, today: Date, strictlyAfter: boolean): number {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  return month > m || (!strictlyAfter && month === m) ? y : y + 1;
}

/** The period one term names, or null when it is not a date after all (e.g. "M0", month 13). */
type Rule = [RegExp, (match: RegExpMatchArray, t: string, context: DateContext) => Period | null];

const monthTermRe = new RegExp(`^(?:(end|start|beginning|mid|middle) of |(mid)-?)?(${monthWord})\\.?(?: (\\d{4}))?$`);

const rules: Rule[] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => exactDay(+m[1]!, +m[2]! - 1, +m[3]!)],
  [/^(\d{1,2})[./](\d{1,2})[./](\d{4})$/, (m) => exactDay(+m[3]!, +m[2]! - 1, +m[1]!)],
  [new RegExp(`^(\\d{1,2}) (${monthWord})\\.?,? (\\d{4})$`), (m) => exactDay(+m[3]!, months[m[2]!]!, +m[1]!)],
  [/^(\d{4})-(\d{1,2})$/, (m) => (+m[2]! >= 1 && +m[2]! <= 12 ? monthsPeriod(+m[1]!, +m[2]! - 1, 1, true) : null)],
  [/^q([1-4])\s*[/-]?\s*(\d{4})$/, (m) => monthsPeriod(+m[2]!, (+m[1]! - 1) * 3, 3, true)],
  [/^(\d{4})\s*[/-]?\s*q([1-4])$/, (m) => monthsPeriod(+m[1]!, (+m[2]! - 1) * 3, 3, true)],
  [
    /^(?:(next|this|coming) )?(spring|summer|autumn|fall|winter)(?: (?:of )?(\d{4}))?$/,
    (m, _t, context) => season(m[2]!, m[1], m[3], context),
  ],
  [monthTermRe, (m, _t, context) => month(m, context)],
  [/^(?:m|month ?)(\d{1,3})$/, (m, _t, context) => projectMonth(+m[1]!, context)],
  [/^(?:next|this|coming) (month|quarter|year)$/, (m, t, context) => relative(t, m[1]!, context.today)],
  [
    /^(?:(end|start|beginning) of )?(\d{4})$/,
    (m) =>
      m[1] === "end"
        ? monthsPeriod(+m[2]!, 11, 1, true)
        : m[1]
          ? monthsPeriod(+m[2]!, 0, 1, true)
          : monthsPeriod(+m[2]!, 0, 12, true),
  ],
];

/** The period one term names, or null when it is not a date after all (e.g. "M0", month 13). */
export function readPeriod(text: string, context: DateContext): Period | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (!termRe.test(t)) return null;
  for (const [pattern, read] of rules) {
    const match = t.match(pattern);
    if (match) return read(match, t, context);
  }
  return null;
}

function projectMonth(n: number, context: DateContext): Period | null {
  if (n < 1 || n > 120) return null;
  const one = context.monthOne;
  const start = day(one.getUTCFullYear(), one.getUTCMonth() + n - 1, 1);
  return { start, end: lastDay(start.getUTCFullYear(), start.getUTCMonth()), hasYear: true, milestone: `M${n}` };
}

function exactDay(y: number, m: number, d: number): Period | null {
  const date = day(y, m, d);
  if (m < 0 || m > 11 || date.getUTCMonth() !== m || date.getUTCDate() !== d) return null;
  return { start: date, end: date, hasYear: true };
}

function season(name: string, which: string | undefined, written: string | undefined, context: DateContext): Period {
  const first = seasons[name]!;
  const at = (y: number): Period => ({ ...monthsPeriod(y, first, 3, written !== undefined), inYear: at });
  if (written) return at(+written);
  // "next spring" is the next one to start; a bare or "this" spring is the one under way or the next.
  const y = context.today.getUTCFullYear();
  const m = context.today.getUTCMonth();
  const current = winterAware(first, y, m);
  if (which === "next" || which === "coming")
    return at(current.start > m || current.year > y ? current.year : current.year + 1);
  return at(current.year);
}

/** The year of the season (starting at month `first`) under way or next, seen from month `m` of year `y`. */
function winterAware(first: number, y: number, m: number): { year: number; start: number } {
  if (first === 11 && m < 2) return { year: y - 1, start: first }; // Jan–Feb belong to the winter that began in December
  if (m <= first + 2) return { year: y, start: first };
  return { year: y + 1, start: first };
}

function month(match: RegExpMatchArray, context: DateContext): Period {
  const which = match[1] ?? match[2];
  const m = months[match[3]!.replace(/\.$/, "")]!;
  const at = (y: number, hasYear: boolean): Period => {
    const whole = monthsPeriod(y, m, 1, hasYear);
    const mid = day(y, m, 15);
    const part =
      which === "end"
        ? { start: whole.end, end: whole.end }
        : which === "start" || which === "beginning"
          ? { start: whole.start, end: whole.start }
          : which === "mid" || which === "middle"
            ? { start: mid, end: mid }
            : {};
    return { ...whole, ...part, inYear: (other: number) => at(other, true) };
  };
  if (match[4]) return at(+match[4], true);
  return at(nextOccurrence(m, context.today, false), false);
}

function relative(_t: string, unit: string, today: Date): Period {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const next = _t.startsWith("next") || _t.startsWith("coming");
  if (unit === "month") return monthsPeriod(y, m + (next ? 1 : 0), 1, true);
  if (unit === "quarter") return monthsPeriod(y, Math.floor(m / 3) * 3 + (next ? 3 : 0), 3, true);
  return monthsPeriod(y + (next ? 1 : 0), 0, 12, true);
}

export type TimelineReading =
  | { ok: true; timeline: Timeline; found: boolean /** The words that named it, as written. */; phrase?: string }
  | { ok: false; reason: string };

/**
 * The timeline written in `text`: a range ("from March to June 2027"), a deadline ("by M18"), a start ("from Q3
 * 2027") or one period ("in Q3 2027"). `found` is false when the text names no date at all.
 */
export function readTimeline(text: string, context: DateContext): TimelineReading {
  const none: Timeline = { start: null, end: null, milestone: null };
  let match = text.match(rangeRe);
  if (match) {
    let from = readPeriod(match[1]!, context);
    const to = readPeriod(match[2]!, context);
    if (from && to) {
      // "from March to June 2027": the first month takes the second's year (the year before if it comes later).
      const fromInYear = from.inYear;
      if (!from.hasYear && to.hasYear && fromInYear) {
        const y = to.start.getUTCFullYear();
        from = fromInYear(y);
        if (from.start > to.start) from = fromInYear(y - 1);
      } else if (from.hasYear && !to.hasYear && to.inYear) {
        let later = to.inYear(from.start.getUTCFullYear());
        if (later.end < from.start) later = to.inYear(from.start.getUTCFullYear() + 1);
        return ordered({ start: from.start, end: later.end, milestone: later.milestone ?? null }, match[0]);
      } else if (!from.hasYear && !to.hasYear && to.inYear && to.start < from.start) {
        return ordered(
          { start: from.start, end: to.inYear(to.start.getUTCFullYear() + 1).end, milestone: null },
          match[0],
        );
      }
      return ordered({ start: from.start, end: to.end, milestone: to.milestone ?? null }, match[0]);
    }
  }
  match = text.match(deadlineRe);
  if (match) {
    const by = readPeriod(match[1]!, context);
    if (by)
      return {
        ok: true,
        found: true,
        phrase: match[0],
        timeline: { ...none, end: by.end, milestone: by.milestone ?? null },
      };
  }
  match = text.match(fromRe);
  if (match) {
    const from = readPeriod(match[1]!, context);
    if (from) return { ok: true, found: true, phrase: match[0], timeline: { ...none, start: from.start } };
  }
  for (const candidate of text.matchAll(anyTermRe)) {
    const period = ambiguousAlone.test(candidate[1]!.trim())
      ? plausibleYear(candidate[1]!, context)
      : readPeriod(candidate[1]!, context);
    if (period) {
      // A project month alone is a milestone (its month is the deadline); anything else is the period itself.
      const timeline = period.milestone
        ? { ...none, end: period.end, milestone: period.milestone }
        : { start: period.start, end: period.end, milestone: null };
      return { ok: true, found: true, phrase: candidate[0], timeline };
    }
  }
  return { ok: true, found: false, timeline: none };
}

/** A bare number reads as a year only near today ("in 2027", not "2000 EUR"). */
function plausibleYear(text: string, context: DateContext): Period | null {
  if (!/^\d{4}$/.test(text.trim())) return null;
  const y = +text.trim();
  const now = context.today.getUTCFullYear();
  return y >= now - 1 && y <= now + 15 ? readPeriod(text, context) : null;
}

function ordered(timeline: Timeline, phrase: string): TimelineReading {
  if (timeline.start && timeline.end && timeline.end < timeline.start)
    return { ok: false, reason: "the timeline ends before it starts" };
  return { ok: true, found: true, timeline, phrase };
}

/** "Jul 2027 – Sep 2027", "by 30 Jun 2028 (M18)", "from 1 Mar 2027", for echoing what was understood. */
export function describeTimeline(timeline: Timeline): string | null {
  const { start, end, milestone } = timeline;
  const show = (date: Date) => `${date.getUTCDate()} ${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  const withMilestone = (text: string) => (milestone ? `${text} (${milestone})` : text);
  if (start && end)
    return withMilestone(start.getTime() === end.getTime() ? show(start) : `${show(start)} – ${show(end)}`);
  if (end) return withMilestone(`by ${show(end)}`);
  if (start) return `from ${show(start)}`;
  return milestone;
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
