import type { HomeData } from "../../../app/homework/status.ts";
import type { SlackBlock } from "./text.ts";
import { escapeMrkdwn, mrkdwn, plain } from "./text.ts";

export function renderHome(data: HomeData): { type: "home"; blocks: SlackBlock[] } {
  if (!data.workshop) {
    return {
      type: "home",
      blocks: [
        {
          type: "section",
          text: mrkdwn("No workshop is running here. A facilitator starts one with `/cluster setup`."),
        },
      ],
    };
  }
  const blocks: SlackBlock[] = [{ type: "header", text: plain(data.workshop.name, 150) }];
  if (data.projects.length === 0) {
    blocks.push({ type: "section", text: mrkdwn("You are not a member of any project in this workshop.") });
  }
  for (const { project, progress } of data.projects.slice(0, 40)) {
    blocks.push({
      type: "section",
      text: mrkdwn(
        `*${escapeMrkdwn(project.acronym)}*: ${progress.done ? "homework complete ✅" : `still to do: ${escapeMrkdwn(progress.missingSummary)}`}`,
      ),
      ...(data.workshop.phase === "homework"
        ? {
            accessory: {
              type: "button",
              action_id: "homework.start",
              text: plain("Open homework", 75),
              value: project.id,
            },
          }
        : {}),
    });
  }
  if (data.isFacilitator)
    blocks.push({
      type: "context",
      elements: [mrkdwn("You facilitate this workshop: `/cluster help` lists what you can do.")],
    });
  return { type: "home", blocks };
}
