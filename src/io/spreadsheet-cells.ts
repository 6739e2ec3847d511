// Formula injection: a cell that begins with = + - @ (or a tab or carriage return) is run as a formula by Excel,
// LibreOffice and Google Sheets when the file is opened or the cell edited, e.g. a partner's note
// "=HYPERLINK(…)". Every spreadsheet and CSV the project writes passes text cells through `safeCell`, which puts an
// apostrophe in front (spreadsheets show the text as typed); every reader undoes it with `unescapeCell`, so a file
// written by Clusterbot reads back to the same text. The mapping is reversible: text that already starts with
// apostrophes before such a character gets one more.

const TRIGGER = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

export function safeCell(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

export function unescapeCell(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}

/** A spreadsheet value: text is made safe; numbers, dates and empty cells pass unchanged. */
export function safeValue<T>(value: T): T | string {
  return typeof value === "string" ? safeCell(value) : value;
}

export { withoutControlCharacters } from "../core/report/words.ts";
