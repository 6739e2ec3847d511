// Quoting what someone typed back to them ("There is no project "…"") without letting its length decide the size of
// the answer: a 40 KB argument must not push a refusal past a platform's message limits.

/** At most this many characters of a person's text are repeated back to them. */
export const maxEcho = 60;

/** `text` trimmed and cut to `max` characters (whole code points, so no broken surrogate pair), "…" when cut. */
export function echo(text: string, max = maxEcho): string {
  const characters = Array.from(text.trim());
  return characters.length <= max ? characters.join("") : `${characters.slice(0, max - 1).join("")}…`;
}
