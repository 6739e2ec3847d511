// Text that looks like other text. Skeletons follow Unicode TR39 (UTS #39, "Unicode Security Mechanisms"):
// skeleton(x) = NFD(map(NFD(x))), with `map` the prototype mapping of confusables.txt as shipped by the
// `unhomoglyph` package. Two strings that look the same have the same skeleton.
// An acronym is refused when it mixes scripts (Greek "Α" in "ΑLPHA"), or when it is not plain ASCII but
// looks exactly like an ASCII acronym (Cyrillic "АВС", Latin "ɑ" for "a"): beside the real one, nobody could tell
// them apart. Scripts that are commonly written together (Japanese kana with Han, Latin with CJK) may be mixed, as in
// UTS #39's "highly restrictive" level.
import unhomoglyph from "unhomoglyph";

export function skeleton(text: string): string {
  return unhomoglyph(text.normalize("NFD")).normalize("NFD");
}

/** Two texts a reader could not tell apart. */
export function looksAlike(a: string, b: string): boolean {
  return skeleton(a) === skeleton(b);
}

const scripts = [
  "Latin",
  "Greek",
  "Cyrillic",
  "Armenian",
  "Georgian",
  "Hebrew",
  "Arabic",
  "Syriac",
  "Thaana",
  "Devanagari",
  "Bengali",
  "Gurmukhi",
  "Gujarati",
  "Oriya",
  "Tamil",
  "Telugu",
  "Kannada",
  "Malayalam",
  "Sinhala",
  "Thai",
  "Lao",
  "Tibetan",
  "Myanmar",
  "Khmer",
  "Mongolian",
  "Ethiopic",
  "Cherokee",
  "Canadian_Aboriginal",
  "Coptic",
  "Lisu",
  "Vai",
  "Tifinagh",
  "Han",
  "Hiragana",
  "Katakana",
  "Hangul",
  "Bopomofo",
] as const;
const scriptPatterns = scripts.map((name) => [name, new RegExp(`^\\p{Script=${name}}$`, "u")] as const);

/** Sets of scripts people write together; any single script is fine too. */
const compatibleScripts = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

/** The scripts of the letters in `text` (digits, punctuation and marks belong to none). */
export function scriptsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const character of text) {
    if (!/\p{L}/u.test(character)) continue;
    found.add(scriptPatterns.find(([, pattern]) => pattern.test(character))?.[0] ?? "another");
  }
  return found;
}

export function mixesScripts(text: string): boolean {
  const found = scriptsOf(text);
  if (found.size <= 1) return false;
  return !compatibleScripts.some((allowed) => [...found].every((script) => allowed.has(script)));
}

const printableAscii = /^[\x20-\x7e]*$/;

/** How a non-ASCII text reads to the eye when it passes for ASCII ("АВС" → "ABC"); undefined otherwise. */
export function asciiLookalike(text: string): string | undefined {
  if (printableAscii.test(text)) return undefined;
  const read = [...text]
    .map((character) => (printableAscii.test(character) ? character : skeleton(character)))
    .join("");
  return printableAscii.test(read) ? read : undefined;
}

/** Why this acronym could pass for another one, in words for the person typing it; undefined when it is fine. */
export function lookalikeAcronymProblem(acronym: string): string | undefined {
  if (mixesScripts(acronym)) {
    const named = [...scriptsOf(acronym)].map((script) => script.replace("_", " ")).join(" and ");
    return `This acronym mixes ${named} letters, so it could pass for another acronym. Please type it in one alphabet.`;
  }
  const read = asciiLookalike(acronym);
  if (read !== undefined) {
    return `This acronym uses letters that look like Latin ones (it reads as "${read}"), so it could pass for another acronym. Please type it with Latin letters.`;
  }
  return undefined;
}
