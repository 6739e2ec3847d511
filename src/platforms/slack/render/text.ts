// Neutral text → Slack text objects. Slack mrkdwn treats &, < and > as control characters (`<!channel>`, `<@U123>`,
// `<http://x|y>`): escaping them makes a partner's text inert wherever it is posted. Date-times become Slack's
// `<!date^…>` tokens, which every client shows in its reader's own time zone, with a written-out fallback.
import type { MrkdwnElement, PlainTextElement } from "@slack/types";
import { type DateTimeText, formatDateTime, inlines, plainText, type RichText } from "../../../core/screens/text.ts";

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const dateTokens: Record<DateTimeText["show"], string> = {
  date: "{date_short_pretty}",
  datetime: "{date_short_pretty} at {time}",
  time: "{time}",
};

function dateToken(value: DateTimeText): string {
  const seconds = Math.floor(value.at.getTime() / 1000);
  return `<!date^${seconds}^${dateTokens[value.show]}|${escapeMrkdwn(formatDateTime(value))}>`;
}

/** Rich text as mrkdwn, cut to `maxLength` characters without breaking an escape or a date token. */
export function mrkdwnText(text: RichText, maxLength = 3000): string {
  let out = "";
  for (const piece of inlines(text)) {
    const rendered = typeof piece === "string" ? escapeMrkdwn(piece) : dateToken(piece);
    if (out.length + rendered.length <= maxLength) {
      out += rendered;
      continue;
    }
    if (typeof piece === "string") out += escapeMrkdwn(cutToFit(piece, maxLength - out.length - 1));
    return `${out}…`;
  }
  return out;
}

/** The longest start of `text` whose escaped form fits `room` characters. */
function cutToFit(text: string, room: number): string {
  let kept = "";
  let size = 0;
  for (const character of text) {
    size += escapeMrkdwn(character).length;
    if (size > room) break;
    kept += character;
  }
  return kept;
}

/** Plain-text objects are not parsed for mentions or dates, but have hard length limits. */
export function plain(text: RichText, maxLength: number): PlainTextElement {
  return { type: "plain_text", text: truncate(plainText(text), maxLength), emoji: true };
}

/**
 * A mrkdwn text object; `text` is already escaped (see mrkdwnText), and cut to Slack's 3000 characters. Neutral text
 * is literal and may be anyone's, so `verbatim`: Slack does not turn bare URLs, `#channel` or `@name` into links.
 * Our own markup (`*bold*`, `<!date^…>`) is explicit and still works.
 */
export function mrkdwn(text: string): MrkdwnElement {
  return { type: "mrkdwn", text: truncate(text, 3000), verbatim: true };
}

export function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}
