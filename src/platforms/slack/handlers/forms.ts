// Modal submissions for facilitators' forms: validate, answer field errors inline, or save and close.
import type { App, ViewSubmitAction } from "@slack/bolt";
import type { AppDependencies } from "../../../app/context.ts";
import { saveProject } from "../../../app/projects/manage.ts";
import { Refusal } from "../../../app/refusal.ts";
import { replanReminders } from "../../../app/workshop/lifecycle.ts";
import { saveSetup } from "../../../app/workshop/setup.ts";
import { projectForm } from "../../../core/forms/project.ts";
import { searchTimezones, workshopSetupForm } from "../../../core/forms/workshop-setup.ts";
import { slackActor, teamIdOf } from "../actor.ts";
import { decodeMetadata } from "../metadata.ts";
import { stateValuesOf, textOf } from "../narrow.ts";
import { slackErrors, valuesFromState } from "../render/form-view.ts";
import { escapeMrkdwn } from "../render/text.ts";

export function registerFacilitatorForms(app: App, deps: AppDependencies): void {
  app.view<ViewSubmitAction>("workshop.setup", async ({ ack, body, view, client }) => {
    const spec = workshopSetupForm(null, [], null);
    const metadata = decodeMetadata(view.private_metadata);
    try {
      const actor = await slackActor(deps, client, teamIdOf(body) ?? textOf(view.team_id), body.user.id);
      const outcome = await saveSetup(
        deps,
        actor,
        metadata.workshop ?? null,
        valuesFromState(spec, stateValuesOf(view)),
      );
      if (!outcome.ok)
        return void (await ack({ response_action: "errors", errors: slackErrors(outcome.errors, spec) }));
      await ack();
      if (outcome.scheduleChanged) await replanReminders(deps, outcome.workshop.id);
      const verb = outcome.created ? "created" : "updated";
      await client.chat
        .postEphemeral({
          channel: body.user.id,
          user: body.user.id,
          text: `Workshop "${escapeMrkdwn(outcome.workshop.name)}" ${verb}. Next: \`/cluster project add\`.`,
        })
        .catch(() => undefined);
    } catch (error) {
      await ackRefusal(error, ack, spec.fields[0]?.id ?? "name");
    }
  });

  app.view<ViewSubmitAction>(/^project\.(add|edit)$/, async ({ ack, body, view, client }) => {
    const spec = projectForm(null, []);
    const metadata = decodeMetadata(view.private_metadata);
    try {
      const actor = await slackActor(deps, client, teamIdOf(body) ?? textOf(view.team_id), body.user.id);
      const outcome = await saveProject(
        deps,
        actor,
        metadata.project ?? null,
        valuesFromState(spec, stateValuesOf(view)),
      );
      if (!outcome.ok)
        return void (await ack({ response_action: "errors", errors: slackErrors(outcome.errors, spec) }));
      await ack();
      await replanReminders(deps, outcome.project.workshopId);
    } catch (error) {
      await ackRefusal(error, ack, "acronym");
    }
  });

  app.options<"block_suggestion">({ action_id: "timezone" }, async ({ ack, options }) => {
    const zones = searchTimezones(textOf(options.value));
    await ack({ options: zones.map((zone) => ({ text: { type: "plain_text", text: zone }, value: zone })) });
  });
}

/** A refusal inside a modal is shown next to a field, since a modal has no other place for it. */
export async function ackRefusal(
  error: unknown,
  ack: (answer?: { response_action: "errors"; errors: Record<string, string> }) => Promise<void>,
  field: string,
): Promise<void> {
  if (error instanceof Refusal) {
    await ack({ response_action: "errors", errors: { [field]: error.message } });
    return;
  }
  throw error;
}
