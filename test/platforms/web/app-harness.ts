// Clusterbot itself on the browser workspace: the composed app (interaction core, notifier, channels) with the web
// adapter connected to a workspace served over real HTTP on a real database. People act over HTTP, as the browser does.

import { type Clock, systemClock } from "../../../src/app/context.ts";
import { parseSettings } from "../../../src/config/settings.ts";
import { noQuietHours } from "../../../src/core/reminders/quiet-hours.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import type { WebBotApi } from "../../../src/platforms/web/bot-api.ts";
import type { DialogView, FormDialogView, LiveEvent, PanelDialogView } from "../../../src/platforms/web/protocol.ts";
import { type ComposedApp, composeApp } from "../../../src/runtime/compose.ts";
import type { Backend } from "../../support/database.ts";
import { type LiveStream, startTestWorkspace, type TestWorkspace, type WebPerson } from "./harness.ts";

export interface WebApp extends TestWorkspace {
  app: ComposedApp;
  /** #general's id. */
  general: string;
  /** The ids of the files Clusterbot read, in order. */
  fileReads: string[];
}

/** With `clock`, the app's time (a test may move it ahead; the workspace's own stays real). */
export async function startWebApp(backend: Backend, options: { clock?: Clock } = {}): Promise<WebApp> {
  const workspace = await startTestWorkspace(backend);
  const settings = parseSettings({ CLUSTERBOT_SCHEDULER: "off" });
  const clock = options.clock ?? systemClock;
  const fileReads: string[] = [];
  const bot: WebBotApi = {
    ...workspace.bot,
    readFile(fileId) {
      fileReads.push(fileId);
      return workspace.bot.readFile(fileId);
    },
  };
  const app = composeApp(settings, workspace.database.database, createLogger("silent", false), clock, {
    web: bot,
    quietHours: noQuietHours,
  });
  await app.start();
  const general = workspace.web.service.context.generalChannelId;
  return {
    ...workspace,
    app,
    general,
    fileReads,
    async stop() {
      await app.stop();
      await workspace.stop();
    },
  };
}

/** A form waiting for its person (not one pending while Clusterbot works on a submission). */
export const isForm = (formId: string) => (event: LiveEvent) =>
  event.type === "dialog" &&
  event.dialog?.kind === "form" &&
  event.dialog.formId === formId &&
  event.dialog.status === "open";

export const isPanel = (screenId: string) => (event: LiveEvent) =>
  event.type === "dialog" && event.dialog?.kind === "panel" && event.dialog.screenId === screenId;

/** The newest dialog event on the stream that matches, waiting for one after the `after`-th event. */
export async function nextDialog(
  stream: LiveStream,
  match: (event: LiveEvent) => boolean,
  after = 0,
): Promise<DialogView> {
  const event = await stream.next((candidate) => stream.events.indexOf(candidate) >= after && match(candidate));
  if (event.type !== "dialog" || !event.dialog) throw new Error("not a dialog event");
  return event.dialog;
}

export async function nextForm(stream: LiveStream, formId: string, after = 0): Promise<FormDialogView> {
  const dialog = await nextDialog(stream, isForm(formId), after);
  if (dialog.kind !== "form") throw new Error("not a form");
  return dialog;
}

export async function nextPanel(stream: LiveStream, screenId: string, after = 0): Promise<PanelDialogView> {
  const dialog = await nextDialog(stream, isPanel(screenId), after);
  if (dialog.kind !== "panel") throw new Error("not a panel");
  return dialog;
}

/** Types `/cluster …` in a channel, as the message box does. */
export async function command(person: WebPerson, channelId: string, text: string) {
  const answer = await person.post("/api/commands", { channelId, text: `/cluster ${text}` });
  if (answer.status !== 202) throw new Error(`command refused: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function submit(
  person: WebPerson,
  dialog: FormDialogView,
  values: Record<string, unknown>,
  actionId?: string,
) {
  return person.post("/api/dialogs/submit", {
    dialogId: dialog.id,
    version: dialog.version,
    actionId: actionId ?? dialog.actions[0]?.id,
    values,
  });
}

/** Presses a button in a dialog's panel, found by its label. */
export async function press(person: WebPerson, panel: PanelDialogView, label: string | RegExp) {
  const button = panel.blocks
    .flatMap((block) =>
      block.kind === "buttons" ? block.buttons : block.kind === "text" && block.button ? [block.button] : [],
    )
    .find((candidate) => (typeof label === "string" ? candidate.label === label : label.test(candidate.label)));
  if (!button) throw new Error(`no button ${label} in ${JSON.stringify(panel.blocks)}`);
  const answer = await person.post("/api/actions", {
    dialogId: panel.id,
    actionId: button.actionId,
    value: button.value,
  });
  if (answer.status !== 202) throw new Error(`press refused: ${JSON.stringify(answer.body)}`);
}
