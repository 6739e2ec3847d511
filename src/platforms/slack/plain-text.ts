// Slack's message text → the plain text a person typed: mentions and links written out, entities decoded. The core
// keeps text literal; every surface escapes it again when it is shown.

const special: Record<string, string> = { channel: "@channel", here: "@here", everyone: "@everyone" };

export function slackPlainText(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = "", label] = inner.split("|", 2);
      if (target.startsWith("@")) return label ? `@${label.replace(/^@/, "")}` : target;
      if (target.startsWith("#")) return label ? `#${label}` : target;
      if (target.startsWith("!")) {
        const name = target.slice(1).split("^")[0] ?? "";
        return label ?? special[name] ?? `@${name}`;
      }
      return label && label !== target ? `${label} (${target})` : target.replace(/^mailto:/, "");
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
