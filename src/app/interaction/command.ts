// Command text: "/cluster reopen ALPHA 3" arrives as "reopen ALPHA 3" and is matched against "reopen <acronym> [days]".

/** The words of a command, without empty ones. */
export function commandWords(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/** The named words when `text` matches `pattern`, else null. */
export function matchCommand(pattern: string, text: string): Record<string, string> | null {
  const words = commandWords(text);
  const args: Record<string, string> = {};
  const parts = commandWords(pattern);
  for (const [index, part] of parts.entries()) {
    const word = words[index];
    const required = /^<(\w+)>$/.exec(part);
    const optional = /^\[(\w+)\]$/.exec(part);
    if (required?.[1]) {
      if (word === undefined) return null;
      args[required[1]] = word;
    } else if (optional?.[1]) {
      if (word !== undefined) args[optional[1]] = word;
    } else if (word?.toLowerCase() !== part.toLowerCase()) return null;
  }
  return args;
}
