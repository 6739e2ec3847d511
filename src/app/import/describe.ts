// What an import did (or would do), in a few lines: the same words in the terminal and in chat.
import type { ImportSummary } from "./import-workshop.ts";

export function describeImport(workshop: string, s: ImportSummary, dryRun = false): string {
  const parts = [
    count(s.projectsCreated, "project", "created"),
    count(s.projectsUpdated, "project", "updated"),
    count(s.partnersAdded, "partner", "added or updated"),
    count(s.membersAdded, "member", "added"),
    count(s.resultsCreated, "result", "created"),
    count(s.resultsUpdated, "result", "updated"),
    count(s.interestsSaved, "interest", "saved"),
  ].filter(Boolean);
  const lines = [
    parts.length === 0
      ? `Nothing to change: "${workshop}" already holds everything in the file.`
      : `${dryRun ? "Would import" : "Imported"} into "${workshop}": ${parts.join(", ")}.`,
  ];
  if (s.peopleInvited > 0)
    lines.push(
      `${s.peopleInvited} ${s.peopleInvited === 1 ? "person is" : "people are"} known by email only: they are linked ` +
        "to their chat account the first time they use the bot.",
    );
  if (s.notImported.length > 0)
    lines.push(`Not imported (the analysis and working groups make them): ${s.notImported.join(", ")}.`);
  if (dryRun) lines.push("Dry run: nothing was written.");
  return lines.join("\n");
}

const count = (n: number, noun: string, verb: string) => (n > 0 ? `${n} ${noun}${n === 1 ? "" : "s"} ${verb}` : "");
