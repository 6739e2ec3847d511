// The core's rich text in the browser: literal pieces (Preact escapes them) and date-times shown in the reader's own
// time zone and language with Intl, the exact moment kept in <time datetime>.
import type { WireRichText } from "../protocol.ts";

type Piece = Exclude<WireRichText, string>[number];
type WireDateTime = Exclude<Piece, string>;

const formats = new Map<string, Intl.DateTimeFormat>();

function format(show: WireDateTime["show"]): Intl.DateTimeFormat {
  let found = formats.get(show);
  if (!found) {
    found = new Intl.DateTimeFormat(undefined, {
      ...(show !== "time" ? { weekday: "short", day: "numeric", month: "short", year: "numeric" } : {}),
      ...(show !== "date" ? { hour: "2-digit", minute: "2-digit", timeZoneName: "short" } : {}),
    });
    formats.set(show, found);
  }
  return found;
}

/** "Fri, 20 Mar 2026, 23:59 CET" in the browser's zone; the ISO text itself if it is not a date. */
export function formatDateTime(value: WireDateTime): string {
  const date = new Date(value.at);
  return Number.isNaN(date.getTime()) ? value.at : format(value.show).format(date);
}

const pieces = (text: WireRichText): readonly Piece[] => (typeof text === "string" ? [text] : text);

/** The text as plain characters (announcements, notifications). */
export function plainText(text: WireRichText): string {
  return pieces(text)
    .map((piece) => (typeof piece === "string" ? piece : formatDateTime(piece)))
    .join("");
}

export function RichText(props: { text: WireRichText }) {
  return (
    <>
      {pieces(props.text).map((piece, index) =>
        typeof piece === "string" ? (
          piece
        ) : (
          <time key={index} dateTime={piece.at}>
            {formatDateTime(piece)}
          </time>
        ),
      )}
    </>
  );
}
