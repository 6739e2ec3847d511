// `/cluster …`: ack at once, then do the work and answer privately (ephemeral) or open a modal.
import type { App, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppDependencies } from "../../../app/context.ts";
import { openHomework, sendHomeworkInvitations } from "../../../app/homework/open.ts";
import { reopenHomework } from "../../../app/homework/reopen.ts";
import { statusReport } from "../../../app/homework/status.ts";
import { projectFormFor, removeProject } from "../../../app/projects/manage.ts";
import { Refusal } from "../../../app/refusal.ts";
import { markAway, nudgeNow } from "../../../app/reminders/commands.ts";
import { closeWorkshop, replanReminders } from "../../../app/workshop/lifecycle.ts";
import { setupForm } from "../../../app/workshop/setup.ts";
import { slackActor } from "../actor.ts";
import { encodeMetadata } from "../metadata.ts";
import { renderForm } from "../render/form-view.ts";
import { renderStatus } from "../render/status.ts";
import { escapeMrkdwn } from "../render/text.ts";

export const clusterCommand = "/cluster";

export const helpText = [
  "*Clusterbot* runs your project-clustering workshop.",
  "*Facilitators*",
  "• `/cluster setup`: create the workshop or change its settings",
  "• `/cluster project add` · `/cluster project edit ACRONYM` · `/cluster project remove ACRONYM`",
  "• `/cluster homework open`: invite every project member to do their homework",
  "• `/cluster status`: homework progress per project",
  "• `/cluster reopen ACRONYM [days]`: let a project edit its homework after the deadline",
  "• `/cluster remind [ACRONYM]`: remind whoever has not finished, now (at most once an hour per person)",
  "• `/cluster close`: close the workshop (no more reminders)",
  "*Everyone*: `/cluster away YYYY-MM-DD` pauses your reminders until that day; `/cluster back` turns them on again.",
  "*Partners*: open the bot's Home tab, or the “Start homework” button it sent you.",
].join("\n");

export function registerCommands(app: App, deps: AppDependencies): void {
  app.command(clusterCommand, async ({ command, ack, respond, client }) => {
    await ack();
    const words = command.text.trim().split(/\s+/).filter(Boolean);
    const [verb = "help", ...rest] = words.map((word, index) => (index < 2 ? word.toLowerCase() : word));
    try {
      const actor = await slackActor(deps, client, command.team_id, command.user_id);
      const run = subcommands[verb];
      if (!run) {
        await respond({ response_type: "ephemeral", text: `I don't know \`${escapeMrkdwn(verb)}\`.\n\n${helpText}` });
        return;
      }
      await run({ deps, client, respond, actor, args: rest, triggerId: command.trigger_id });
    } catch (error) {
      await answerRefusal(error, respond);
    }
  });
}

interface CommandContext {
  deps: AppDependencies;
  client: WebClient;
  respond: RespondFn;
  actor: Awaited<ReturnType<typeof slackActor>>;
  args: string[];
  triggerId: string;
}

const subcommands: Record<string, (context: CommandContext) => Promise<void>> = {
  help: ({ respond }) => respond({ response_type: "ephemeral", text: helpText }).then(() => undefined),

  async setup({ deps, client, actor, triggerId }) {
    const { form, workshopId } = await setupForm(deps, actor);
    await client.views.open({
      trigger_id: triggerId,
      view: renderForm(form, { privateMetadata: encodeMetadata({ workshop: workshopId }) }),
    });
  },

  async project({ deps, client, respond, actor, args, triggerId }) {
    const [action = "", acronym] = args;
    if (action === "add" || (action === "edit" && acronym)) {
      const { form, projectId } = await projectFormFor(deps, actor, action === "edit" ? acronym : undefined);
      const metadata = encodeMetadata(projectId ? { project: projectId } : {});
      await client.views.open({ trigger_id: triggerId, view: renderForm(form, { privateMetadata: metadata }) });
    } else if (action === "remove" && acronym) {
      const removed = await removeProject(deps, actor, acronym);
      await respond({ response_type: "ephemeral", text: `Removed ${escapeMrkdwn(removed.acronym)} and its homework.` });
    } else {
      await respond({
        response_type: "ephemeral",
        text: "Use `/cluster project add`, `/cluster project edit ACRONYM` or `/cluster project remove ACRONYM`.",
      });
    }
  },

  async homework({ deps, respond, actor, args }) {
    if (args[0] !== "open") {
      await respond({
        response_type: "ephemeral",
        text: "Use `/cluster homework open` to invite every project member.",
      });
      return;
    }
    const { workshop, invitations } = await openHomework(deps, actor);
    await replanReminders(deps, workshop.id);
    const sent = await sendHomeworkInvitations(deps, workshop, invitations);
    await respond({
      response_type: "ephemeral",
      text: `Homework is open for "${escapeMrkdwn(workshop.name)}". Invited ${sent.sent} new member${sent.sent === 1 ? "" : "s"} (${invitations.length} in all).`,
    });
  },

  async reopen({ deps, respond, actor, args }) {
    const [acronym, days = "2"] = args;
    if (!acronym) {
      await respond({ response_type: "ephemeral", text: "Use `/cluster reopen ACRONYM [days]`." });
      return;
    }
    const { project, until } = await reopenHomework(deps, actor, acronym, Number(days));
    await respond({
      response_type: "ephemeral",
      text: `${escapeMrkdwn(project.acronym)}'s homework is open for edits until <!date^${Math.floor(until.getTime() / 1000)}^{date_short_pretty} {time}|${until.toISOString()}>.`,
    });
  },

  async remind({ deps, respond, actor, args }) {
    const text = await nudgeNow(deps, actor, args[0]);
    await respond({ response_type: "ephemeral", text: escapeMrkdwn(text) });
  },

  async away({ deps, respond, actor, args }) {
    const until = await markAway(deps, actor, args[0] ?? "");
    await respond({
      response_type: "ephemeral",
      text: until
        ? `No reminders until ${until.toISOString().slice(0, 10)}. Welcome back then!`
        : "Welcome back: reminders are on again.",
    });
  },

  async back({ deps, respond, actor }) {
    await markAway(deps, actor, "back");
    await respond({ response_type: "ephemeral", text: "Welcome back: reminders are on again." });
  },

  async close({ deps, respond, actor }) {
    const { workshop, cancelled } = await closeWorkshop(deps, actor);
    await respond({
      response_type: "ephemeral",
      text: `Closed "${escapeMrkdwn(workshop.name)}". ${cancelled} pending reminder${cancelled === 1 ? "" : "s"} cancelled.`,
    });
  },

  async status({ deps, respond, actor }) {
    const rendered = renderStatus(await statusReport(deps, actor));
    await respond({ response_type: "ephemeral", ...rendered });
  },
};

export async function answerRefusal(error: unknown, respond: RespondFn): Promise<void> {
  if (error instanceof Refusal) {
    await respond({ response_type: "ephemeral", text: escapeMrkdwn(error.message) });
    return;
  }
  throw error;
}
