// Text a person reads, as every surface gets it: literal (no markup, so nothing a partner typed can mention anyone or
// format anything), with date-times kept as values so each surface shows them in the reader's own time zone.
import { usableTimeZone } from "../reminders/zoned-time.ts";

/** A moment shown to a reader: Slack renders `<!date^…>`, Teams `{{DATE()}}`/`{{TIME()}}`, the browser `Intl`. */
export interface DateTimeText {
  at: Date;
  show: "date" | "datetime" | "time";
  /** The reader's IANA zone when known, for surfaces (and notification fallbacks) that cannot localise. */
  zone?: string;
}

export type Inline = string | DateTimeText;

/** Literal text, or a run of literal pieces and date-times. */
export type RichText = string | readonly Inline[];

export function dateTime(at: Date, show: DateTimeText["show"] = "datetime", zone?: string): DateTimeText {
  return zone ? { at, show, zone } : { at, show };
}

export function isDateTime(inline: Inline): inline is DateTimeText {
  return typeof inline !== "string";
}

/**
 * Rich text from a template: `rich\`Due ${dateTime(deadline)}.\``. Dates interpolate as date-times, rich texts as
 * their pieces, numbers as their digits.
 */
export function rich(strings: TemplateStringsArray, ...values: (RichText | DateTimeText | Date | number)[]): Inline[] {
  const pieces: Inline[] = [];
  strings.forEach((text, index) => {
    if (text) pieces.push(text);
    if (index >= values.length) return;
    const value = values[index] as RichText | DateTimeText | Date | number;
    if (value instanceof Date) pieces.push(dateTime(value));
    else if (typeof value === "number") pieces.push(String(value));
    else if (typeof value === "string" || !Array.isArray(value)) pieces.push(value as Inline);
    else pieces.push(...value);
  });
  return pieces;
}

/** The pieces of a rich text, a plain string being one piece. */
export function inlines(text: RichText): readonly Inline[] {
  return typeof text === "string" ? [text] : text;
}

/** The text as plain characters: date-times written out in `zone` (else their own zone, else UTC). */
export function plainText(text: RichText, zone?: string): string {
  return inlines(text)
    .map((piece) => (isDateTime(piece) ? formatDateTime(piece, zone) : piece))
    .join("");
}

/** Number of characters of the plain text; surfaces cut long texts, so block budgets count on this. */
export function textLength(text: RichText): number {
  return inlines(text).reduce((sum, piece) => sum + (isDateTime(piece) ? 32 : piece.length), 0);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** "Friday, 20 March 2026, 23:59 CET", "Friday, 20 March 2026" or "23:59 CET", in the given zone. */
export function formatDateTime(value: DateTimeText, zone?: string): string {
  const timeZone = usableTimeZone(zone, value.zone);
  const key = `${value.show}\u0000${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      ...(value.show !== "time" ? { weekday: "long", day: "numeric", month: "long", year: "numeric" } : {}),
      ...(value.show !== "date" ? { hour: "2-digit", minute: "2-digit", timeZoneName: "short" } : {}),
    });
    formats.set(key, format);
  }
  return format.format(value.at).replace(/ at /, ", ");
}
