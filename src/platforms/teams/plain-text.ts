// A Teams message's text → what the person typed: the bot's own @mention dropped, other mentions written out as
// "@Name", line breaks kept, markup removed and entities decoded. The core keeps text literal; every surface
// escapes it again when it is shown.

const entities: Record<string, string> = { nbsp: " ", lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

export function teamsPlainText(text: string, botName?: string): string {
  return text
    .replace(/<at>([^<]*)<\/at>/gi, (_whole, name: string) => (botName && name === botName ? "" : `@${name}`))
    .replace(/<br\s*\/?>|<\/p>\s*<p>/gi, "\n")
    .replace(/<\/?[a-z][^<>]*>/gi, "")
    .replace(/&(nbsp|lt|gt|quot|apos|amp);|&#(\d{1,6});/g, (_whole, name?: string, code?: string) =>
      name ? (entities[name] ?? "") : String.fromCodePoint(Math.min(Number(code), 0x10ffff)),
    )
    .trim();
}
