import type { HomeworkOverview } from "../../../app/homework/answer.ts";
import { interestKindNames, interestLevelNames } from "../../../core/forms/homework.ts";
import { encodeMetadata } from "../metadata.ts";
import type { ModalView } from "./form-view.ts";
import type { SlackBlock } from "./text.ts";
import { escapeMrkdwn, mrkdwn, plain } from "./text.ts";

export function renderHomeworkOverview(overview: HomeworkOverview): Omit<ModalView, "submit"> {
  const { project, progress, editable, workshop } = overview;
  const blocks: SlackBlock[] = [
    {
      type: "section",
      text: mrkdwn(
        `*${escapeMrkdwn(project.acronym)}: ${escapeMrkdwn(project.title)}*\n` +
          (progress.done
            ? "Your homework is complete. Thank you!"
            : `Still to do: ${escapeMrkdwn(progress.missingSummary)}.`) +
          (editable ? "" : "\n_Read-only: the homework deadline has passed._"),
      ),
    },
    {
      type: "header",
      text: plain(`Exploitable results (${overview.results.length} of ${workshop.maxResultsPerProject})`, 150),
    },
  ];
  for (const result of overview.results.slice(0, 30)) {
    const state =
      result.status === "submitted"
        ? "submitted"
        : result.gaps.missing.length > 0
          ? `draft, lacks ${result.gaps.missing.join(", ")}`
          : "draft";
    blocks.push({
      type: "section",
      block_id: `result:${result.id}`,
      text: mrkdwn(`*${escapeMrkdwn(result.title)}*\n${escapeMrkdwn(state)}`),
      ...(editable
        ? {
            accessory: {
              type: "button",
              action_id: "homework.characterise",
              text: plain("Characterise", 75),
              value: result.id,
            },
          }
        : {}),
    });
  }
  if (editable) {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: "homework.results",
          text: plain(overview.results.length ? "Edit the list" : "List results", 75),
          value: project.id,
        },
      ],
    });
  }
  blocks.push({
    type: "header",
    text: plain(`Interest in other projects' results (${overview.interests.length})`, 150),
  });
  const lines = overview.interests.map(
    (interest) =>
      `• ${escapeMrkdwn(interest.targetLabel)}: ${interestLevelNames[interest.level]}, ${interestKindNames[interest.kind]}` +
      (interest.note ? ` (${escapeMrkdwn(interest.note)})` : ""),
  );
  for (let start = 0; start < lines.length && blocks.length < 90; start += 20) {
    blocks.push({ type: "section", text: mrkdwn(lines.slice(start, start + 20).join("\n")) });
  }
  if (lines.length === 0) blocks.push({ type: "context", elements: [mrkdwn("None given yet.")] });
  if (editable) {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: "homework.interest",
          text: plain("Add or change an interest", 75),
          value: project.id,
        },
      ],
    });
  }
  return {
    type: "modal",
    callback_id: "homework.overview",
    title: plain(`Homework: ${project.acronym}`, 24),
    close: plain("Close", 24),
    private_metadata: encodeMetadata({ project: project.id }),
    blocks,
  };
}
