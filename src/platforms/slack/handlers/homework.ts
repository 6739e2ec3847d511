// Partners' homework in modals: an overview, with steps pushed on top of it (views.push) and the overview
// refreshed (views.update) after each step is saved.
import type { App, BlockAction, ButtonAction, ViewClosedAction, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor, AppDependencies } from "../../../app/context.ts";
import {
  characterisationFormFor,
  homeworkOverview,
  interestFormFor,
  keepCharacterisationDraft,
  resultListFormFor,
  searchInterestTargets,
  submitCharacterisation,
  submitInterest,
  submitResultList,
} from "../../../app/homework/answer.ts";
import { homeData } from "../../../app/homework/status.ts";
import { Refusal } from "../../../app/refusal.ts";
import { snoozeReminders } from "../../../app/reminders/commands.ts";
import { projectToContinue } from "../../../app/workshop/lifecycle.ts";
import { parseResultList, resultListForm } from "../../../core/forms/homework.ts";
import type { FormSpec } from "../../../core/forms/spec.ts";
import { slackActor, teamIdOf } from "../actor.ts";
import { type FollowUps, followUps, type Traffic } from "../follow-ups.ts";
import { decodeMetadata, encodeMetadata } from "../metadata.ts";
import { stateValuesOf, textOf } from "../narrow.ts";
import { renderForm, slackErrors, valuesFromState } from "../render/form-view.ts";
import { renderHome } from "../render/home.ts";
import { renderHomeworkOverview } from "../render/homework-overview.ts";
import { escapeMrkdwn } from "../render/text.ts";
import { ackRefusal } from "./forms.ts";

export function registerHomework(app: App, deps: AppDependencies, requests?: Traffic): void {
  // Refreshing the overview after a step is saved waits behind other people's acks, two at a time.
  const later = followUps({
    concurrency: 2,
    onError: (error) => deps.logger.warn({ err: error }, "a homework follow-up failed"),
    ...(requests ? { traffic: requests } : {}),
  });
  const actorOf = (body: BlockAction, client: WebClient) =>
    slackActor(deps, client, teamIdOf(body) ?? "", body.user.id);

  app.action<BlockAction<ButtonAction>>(/^homework\.start(#\d+)?$/, async ({ ack, body, action, client }) => {
    await ack();
    const actor = await actorOf(body, client);
    await withRefusal(client, body, async () => {
      const view = renderHomeworkOverview(await homeworkOverview(deps, actor, textOf(action.value)));
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  });

  app.action<BlockAction<ButtonAction>>(/^homework\.continue(#\d+)?$/, async ({ ack, body, action, client }) => {
    await ack();
    const actor = await actorOf(body, client);
    await withRefusal(client, body, async () => {
      const projectId = await projectToContinue(deps, actor, action.value ?? "");
      await client.views.open({
        trigger_id: body.trigger_id,
        view: renderHomeworkOverview(await homeworkOverview(deps, actor, projectId)),
      });
    });
  });

  app.action<BlockAction<ButtonAction>>(/^reminder\.snooze(#\d+)?$/, async ({ ack, body, action, client }) => {
    await ack();
    const actor = await actorOf(body, client);
    await withRefusal(client, body, async () => {
      const until = await snoozeReminders(deps, actor, action.value ?? "");
      const when = `<!date^${Math.floor(until.getTime() / 1000)}^{date_short_pretty} at {time}|${until.toISOString()}>`;
      await client.chat.postEphemeral({
        channel: body.channel?.id ?? body.user.id,
        user: body.user.id,
        text: `Snoozed: no reminder before ${when}.`,
      });
    });
  });

  app.action<BlockAction<ButtonAction>>("homework.results", async ({ ack, body, action, client }) => {
    await ack();
    const actor = await actorOf(body, client);
    await withRefusal(client, body, async () => {
      const projectId = textOf(action.value);
      const { form, slotResultIds, limit } = await resultListFormFor(deps, actor, projectId);
      const metadata = { project: projectId, slots: slotResultIds.map((id) => id ?? null), limit, ...rootOf(body) };
      await client.views.push({
        trigger_id: body.trigger_id,
        view: renderForm(form, { privateMetadata: encodeMetadata(metadata) }),
      });
    });
  });

  app.action<BlockAction<ButtonAction>>("homework.characterise", async ({ ack, body, action, client }) => {
    await ack();
    const actor = await actorOf(body, client);
    await withRefusal(client, body, async () => {
      const resultId = textOf(action.value);
      const form = await characterisationFormFor(deps, actor, resultId);
      const metadata = {
        project: decodeMetadata(body.view?.private_metadata).project,
        result: resultId,
        ...rootOf(body),
      };
      await client.views.push({
        trigger_id: body.trigger_id,
        view: renderForm(form, { privateMetadata: encodeMetadata(metadata) }),
      });
    });
  });

  app.action<BlockAction<ButtonAction>>("homework.interest", async ({ ack, body, action, client }) => {
    await ack();
    const actor = await actorOf(body, client);
    await withRefusal(client, body, async () => {
      const projectId = textOf(action.value);
      const form = await interestFormFor(deps, actor, projectId);
      const metadata = { project: projectId, ...rootOf(body) };
      await client.views.push({
        trigger_id: body.trigger_id,
        view: renderForm(form, { privateMetadata: encodeMetadata(metadata) }),
      });
    });
  });

  registerStepSubmission(
    app,
    deps,
    later,
    "homework.results",
    async (actor, metadata, values) => {
      const slots = (metadata.slots ?? []).map((id) => id ?? undefined);
      return submitResultList(deps, actor, metadata.project ?? "", slots, (form) => valuesFromState(form, values));
    },
    precheckResultList,
  );

  registerStepSubmission(app, deps, later, "homework.characterise", (actor, metadata, values) =>
    submitCharacterisation(deps, actor, metadata.result ?? "", (form) => valuesFromState(form, values)),
  );

  registerStepSubmission(app, deps, later, "homework.interest", (actor, metadata, values) =>
    submitInterest(deps, actor, metadata.project ?? "", (form) => valuesFromState(form, values)),
  );

  // Closing the characterisation without saving keeps what was typed, as a draft.
  app.view<ViewClosedAction>(
    { callback_id: "homework.characterise", type: "view_closed" },
    async ({ ack, body, view, client }) => {
      await ack();
      const actor = await slackActor(deps, client, teamIdOf(body) ?? textOf(view.team_id), body.user.id);
      const metadata = decodeMetadata(view.private_metadata);
      const values = stateValuesOf(view);
      // A closed step is not an answer: if it can no longer be edited (deadline, membership), there is nothing to keep.
      const kept = await keepCharacterisationDraft(deps, actor, metadata.result ?? "", (form) =>
        valuesFromState(form, values),
      ).catch((error: unknown) => {
        if (error instanceof Refusal) return false;
        throw error;
      });
      if (kept && metadata.root && metadata.project) {
        const overview = renderHomeworkOverview(await homeworkOverview(deps, actor, metadata.project));
        await client.views.update({ view_id: metadata.root, view: overview }).catch(() => undefined);
      }
    },
  );

  app.options<"block_suggestion">({ action_id: "resultId" }, async ({ ack, body, options, client }) => {
    const metadata = decodeMetadata(body.view?.private_metadata);
    const actor = await slackActor(deps, client, teamIdOf(body) ?? "", body.user.id);
    const targets = await searchInterestTargets(deps, actor, metadata.project ?? "", textOf(options.value)).catch(
      () => [],
    );
    await ack({
      options: targets.map((target) => ({
        text: { type: "plain_text", text: target.label.slice(0, 75) },
        value: target.resultId,
      })),
    });
  });

  app.event("app_home_opened", async ({ event, body, client }) => {
    const userId = textOf(event.user);
    if (event.tab !== "home" || !userId) return;
    const actor = await slackActor(deps, client, teamIdOf(body) ?? "", userId);
    await client.views.publish({ user_id: userId, view: renderHome(await homeData(deps, actor)) });
  });
}

type StepSave = (
  actor: Actor,
  metadata: ReturnType<typeof decodeMetadata>,
  values: unknown,
) => Promise<{ form: FormSpec; outcome: { ok: true } | { ok: false; errors: Record<string, string> } }>;

/**
 * Checks an answer from what the view itself carries (no I/O), so Slack gets its answer at once; undefined when the
 * view lacks what the check needs (then the save decides before answering).
 */
type StepPrecheck = (
  metadata: ReturnType<typeof decodeMetadata>,
  values: unknown,
) => Record<string, string> | null | undefined;

function precheckResultList(metadata: ReturnType<typeof decodeMetadata>, values: unknown) {
  if (!metadata.limit || !metadata.slots) return undefined;
  const slots = metadata.slots.map((id) => id ?? undefined);
  const form = resultListForm("", [], slots.length);
  const parsed = parseResultList(valuesFromState(form, values), slots, metadata.limit);
  return parsed.ok ? null : slackErrors(parsed.errors, form);
}

/**
 * Saves a step; field errors stay in the step, success returns to the refreshed overview. With a precheck, a valid
 * answer is acknowledged before the save (Slack's 3 s rule under load); should the save then be refused (deadline
 * passed, membership changed, limit lowered meanwhile), the person is told privately, with what they typed.
 */
function registerStepSubmission(
  app: App,
  deps: AppDependencies,
  later: FollowUps,
  callbackId: string,
  save: StepSave,
  precheck?: StepPrecheck,
): void {
  app.view<ViewSubmitAction>(callbackId, async ({ ack, body, view, client }) => {
    const metadata = decodeMetadata(view.private_metadata);
    const values = stateValuesOf(view);
    const early = precheck?.(metadata, values);
    if (early) return void (await ack({ response_action: "errors", errors: early }));
    if (early === null) {
      await ack();
      later.run(async () => {
        try {
          const actor = await slackActor(deps, client, teamIdOf(body) ?? textOf(view.team_id), body.user.id);
          const { outcome } = await save(actor, metadata, values);
          if (!outcome.ok) throw new Refusal("conflict", Object.values(outcome.errors).join(" "));
          refreshOverview(later, deps, client, actor, metadata);
        } catch (error) {
          const reason = error instanceof Refusal ? error.message : "something went wrong on our side";
          deps.logger.warn({ err: error, callbackId }, "a step acknowledged early could not be saved");
          await client.chat
            .postMessage({ channel: body.user.id, text: notSavedText(reason, view) })
            .catch(() => undefined);
        }
      });
      return;
    }
    try {
      const actor = await slackActor(deps, client, teamIdOf(body) ?? textOf(view.team_id), body.user.id);
      const { form, outcome } = await save(actor, metadata, values);
      if (!outcome.ok)
        return void (await ack({ response_action: "errors", errors: slackErrors(outcome.errors, form) }));
      await ack();
      refreshOverview(later, deps, client, actor, metadata);
    } catch (error) {
      await ackRefusal(error, ack, firstBlockId(values));
    }
  });
}

function refreshOverview(
  later: FollowUps,
  deps: AppDependencies,
  client: WebClient,
  actor: Actor,
  metadata: ReturnType<typeof decodeMetadata>,
): void {
  const { root, project } = metadata;
  if (!root || !project) return;
  later.run(async () => {
    const overview = renderHomeworkOverview(await homeworkOverview(deps, actor, project));
    await client.views.update({ view_id: root, view: overview }).catch(() => undefined);
  });
}

/** Nothing typed is lost: the message repeats the answer that could not be saved. */
function notSavedText(reason: string, view: { state?: unknown }): string {
  const typed = Object.values((stateValuesOf(view) ?? {}) as Record<string, Record<string, { value?: unknown }>>)
    .flatMap((block) => Object.values(block ?? {}).map((element) => element?.value))
    .filter((value): value is string => typeof value === "string" && value.trim() !== "");
  const list = typed.map((value) => `• ${escapeMrkdwn(value)}`).join("\n");
  return `Your answer could not be saved: ${escapeMrkdwn(reason)}${list ? `\nWhat you typed:\n${list}` : ""}`;
}

function rootOf(body: BlockAction): { root?: string } {
  const view = body.view;
  if (!view) return {};
  const root = textOf(view.root_view_id) || textOf(view.id);
  return root ? { root } : {};
}

function firstBlockId(values: unknown): string {
  return (typeof values === "object" && values !== null ? Object.keys(values)[0] : undefined) ?? "form";
}

async function withRefusal(client: WebClient, body: BlockAction, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const channel = body.channel?.id ?? body.user.id;
    await client.chat
      .postEphemeral({ channel, user: body.user.id, text: escapeMrkdwn(error.message) })
      .catch(() => undefined);
  }
}
