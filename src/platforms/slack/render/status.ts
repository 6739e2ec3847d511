import type { StatusReport } from "../../../app/homework/status.ts";
import type { SlackBlock } from "./text.ts";
import { escapeMrkdwn, mrkdwn } from "./text.ts";

/** One line per project, grouped into sections: readable at 30 projects, well under 50 blocks. */
export function renderStatus(report: StatusReport): { text: string; blocks: SlackBlock[] } {
  const lines = report.rows.map(({ acronym, progress }) => {
    const mark = progress.done ? "✅" : "⏳";
    const counts = `${progress.submitted} submitted, ${progress.drafts} draft, ${progress.interestsGiven} interest${progress.interestsGiven === 1 ? "" : "s"}`;
    return `${mark} *${escapeMrkdwn(acronym)}*: ${counts}${progress.done ? "" : ` (${escapeMrkdwn(progress.missingSummary)})`}`;
  });
  const blocks: SlackBlock[] = [
    {
      type: "section",
      text: mrkdwn(`*${escapeMrkdwn(report.workshop.name)}*: ${report.completion} (phase: ${report.workshop.phase})`),
    },
  ];
  let chunk: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length > 2800 && chunk.length > 0) {
      blocks.push({ type: "section", text: mrkdwn(chunk.join("\n")) });
      chunk = [];
      size = 0;
    }
    chunk.push(line);
    size += line.length + 1;
  }
  if (chunk.length > 0) blocks.push({ type: "section", text: mrkdwn(chunk.join("\n")) });
  if (lines.length === 0)
    blocks.push({ type: "section", text: mrkdwn("No projects yet: add one with `/cluster project add`.") });
  return { text: `${report.workshop.name}: ${report.completion}`, blocks: blocks.slice(0, 50) };
}
