// Completion of `/cluster` command words in the message box (pure, so it is tested without a browser).
import type { CommandWord } from "../protocol.ts";

export const commandPrefix = "/cluster";

/** The command words that fit what is typed so far; none once the command is complete or it is not a command. */
export function completions(typed: string, commands: CommandWord[]): CommandWord[] {
  const text = typed.replace(/^\s+/, "").toLowerCase();
  if (!text.startsWith("/")) return [];
  if (text.length <= commandPrefix.length) return commandPrefix.startsWith(text) ? commands : [];
  if (!text.startsWith(`${commandPrefix} `)) return [];
  const rest = text.slice(commandPrefix.length + 1).replace(/\s+/g, " ");
  return commands.filter((command) => {
    const fixed = fixedWords(command).toLowerCase();
    return fixed.startsWith(rest) && fixed !== rest.trimEnd();
  });
}

/** The words of a command before its first placeholder: "project edit ACRONYM" → "project edit". */
export function fixedWords(command: CommandWord): string {
  const words: string[] = [];
  for (const word of command.words.split(" ")) {
    if (/^[[A-Z]/.test(word)) break;
    words.push(word);
  }
  return words.join(" ");
}

/** What the message box holds after picking a completion: the fixed words, and a space if more is expected. */
export function accept(command: CommandWord): string {
  const fixed = fixedWords(command);
  return `${commandPrefix} ${fixed}${fixed === command.words ? "" : " "}`;
}
