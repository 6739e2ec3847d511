// Text for a terminal: whatever a file or a person wrote cannot drive the terminal that shows it. Escape sequences
// (colours, cursor moves, window titles, OSC 8 links, the 8-bit CSI) are removed whole, then every other control
// character except line feed and tab, and bidi controls that would reorder what the reader sees. A CR survives only
// as part of CRLF (CSV printed to a file keeps its line endings); alone it would overwrite the line.
import stripAnsi from "strip-ansi";

const unsafe = /(?!\r\n)(?![\n\t])[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function terminalSafe(text: string): string {
  return stripAnsi(text).replace(unsafe, "");
}
