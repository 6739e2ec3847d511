// User text as it is stored and shown: NFKC-normalised (full-width letters, ligatures and compatibility forms become
// their plain form), with everything invisible or that reorders or controls the display removed: C0/C1 control
// characters (tab and line breaks survive where text may have several lines), and Unicode format characters —
// bidi embeddings, overrides, isolates and marks, zero-width spaces, word joiners, the BOM, soft hyphens, tag
// characters. Zero-width joiners and non-joiners survive only between two non-ASCII characters, where they shape
// emoji sequences and Indic or Persian words; next to ASCII they only hide a difference ("AL\u200DPHA").

export interface CleanOptions {
  /** Keep line breaks and tabs (a long-text field); otherwise they become spaces. Default true. */
  multiline?: boolean;
}

const joiners = new Set(["\u200c", "\u200d"]);
const controlOrFormat = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

export function cleanUserText(value: string, options: CleanOptions = {}): string {
  const multiline = options.multiline ?? true;
  const characters = [...value.normalize("NFKC").replace(/\r\n?/g, "\n")];
  let cleaned = "";
  for (const [index, character] of characters.entries()) {
    if (!controlOrFormat.test(character)) {
      cleaned += character;
    } else if (character === "\n" || character === "\t" || character === "\u2028" || character === "\u2029") {
      cleaned += multiline ? (character === "\t" ? "\t" : "\n") : " ";
    } else if (joiners.has(character) && shapesNeighbours(characters[index - 1], characters[index + 1])) {
      cleaned += character;
    }
  }
  return cleaned.trim();
}

/** True when there is no control, format or bidi character left to remove and the text is already NFKC. */
export function isCleanUserText(value: string, options: CleanOptions = {}): boolean {
  return cleanUserText(value, options) === value;
}

function shapesNeighbours(before: string | undefined, after: string | undefined): boolean {
  const visibleNonAscii = (character: string | undefined) =>
    character !== undefined && character.codePointAt(0)! > 0x7f && !controlOrFormat.test(character);
  return visibleNonAscii(before) && visibleNonAscii(after);
}
