// Which character separates a CSV file's columns. Papa Parse guesses from field counts, which a ";"-separated list
// inside a comma-separated file can fool; the heading row is a better witness: the separator that yields the most
// known column names wins (",", then ";" as European spreadsheets write it, then tab).

const CANDIDATES = [",", ";", "\t"] as const;

export function detectDelimiter(text: string, isKnownHeading: (heading: string) => boolean): string {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  let best: string = CANDIDATES[0];
  let bestScore = -1;
  for (const candidate of CANDIDATES) {
    const score = firstLine
      .split(candidate)
      .map((h) => h.trim().replace(/^"|"$/g, ""))
      .filter(isKnownHeading).length;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
