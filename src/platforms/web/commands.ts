import type { CommandWord } from "./protocol.ts";

/**
 * The `/cluster` command words the message box completes. One static list for now; the interaction core will
 * provide it (phase B), and then this file goes.
 */
export const commandWords: CommandWord[] = [
  { words: "help", hint: "what Clusterbot can do" },
  { words: "setup", hint: "create the workshop or change its settings" },
  { words: "project add", hint: "add a project" },
  { words: "project edit ACRONYM", hint: "change a project" },
  { words: "project remove ACRONYM", hint: "remove a project" },
  { words: "homework open", hint: "invite every project member to do their homework" },
  { words: "status", hint: "homework progress per project" },
  { words: "reopen ACRONYM [days]", hint: "let a project edit its homework after the deadline" },
  { words: "remind [ACRONYM]", hint: "remind whoever has not finished, now" },
  { words: "close", hint: "close the workshop" },
  { words: "away YYYY-MM-DD", hint: "pause your reminders until that day" },
  { words: "back", hint: "turn your reminders on again" },
];
