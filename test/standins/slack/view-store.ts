import { isRecord } from "./args.ts";
import { assignBlockIds } from "./blocks.ts";
import { fail, formatProblems } from "./errors.ts";
import { slackId, viewHash } from "./ids.ts";
import { checkView, LIMITS } from "./limits.ts";
import type { WorkspaceState } from "./state.ts";
import type { PlainText, SlackView, ViewStack } from "./types.ts";

/** Creating, replacing and stacking views, shared by the views.* methods and view_submission response actions. */

/** Validates a view payload against Slack's limits; throws `invalid_arguments` with Slack's messages. */
export function requireValidView(view: unknown, expectedType?: "modal" | "home"): Record<string, unknown> {
  const problems = checkView(view);
  if (problems.length > 0) return fail("invalid_arguments", formatProblems(problems));
  const record = view as Record<string, unknown>;
  if (expectedType && record.type !== expectedType) {
    return fail("invalid_arguments", [`[ERROR] must be ${expectedType} [json-pointer:/view/type]`]);
  }
  return record;
}

/** Stores a new view built from a validated payload. */
export function createView(state: WorkspaceState, input: Record<string, unknown>, rootViewId?: string): SlackView {
  const externalId = stringField(input.external_id);
  if (externalId && state.viewByExternalId(externalId)) return fail("duplicate_external_id");
  const id = slackId("V");
  const view: SlackView = {
    id,
    team_id: state.identity.teamId,
    type: input.type === "home" ? "home" : "modal",
    blocks: assignBlockIds(structuredClone(input.blocks as unknown[])),
    private_metadata: stringField(input.private_metadata),
    callback_id: stringField(input.callback_id),
    external_id: externalId,
    hash: viewHash(state.now()),
    state: { values: {} },
    clear_on_close: input.clear_on_close === true,
    notify_on_close: input.notify_on_close === true,
    root_view_id: rootViewId ?? id,
    previous_view_id: null,
    app_id: state.identity.appId,
    bot_id: state.identity.botId,
    app_installed_team_id: state.identity.teamId,
    ...plainTexts(input),
  };
  state.views.set(id, view);
  return view;
}

/** Replaces a stored view's content in place (same id, new hash), as views.update and `response_action: update` do. */
export function replaceView(state: WorkspaceState, view: SlackView, input: Record<string, unknown>): SlackView {
  const externalId = stringField(input.external_id);
  const owner = externalId ? state.viewByExternalId(externalId) : undefined;
  if (owner && owner.id !== view.id) return fail("duplicate_external_id");
  view.type = input.type === "home" ? "home" : "modal";
  view.blocks = assignBlockIds(structuredClone(input.blocks as unknown[]));
  view.private_metadata = stringField(input.private_metadata);
  view.callback_id = stringField(input.callback_id);
  view.external_id = externalId;
  view.clear_on_close = input.clear_on_close === true;
  view.notify_on_close = input.notify_on_close === true;
  view.hash = viewHash(state.now());
  delete view.title;
  delete view.submit;
  delete view.close;
  Object.assign(view, plainTexts(input));
  return view;
}

/** Opens a new modal stack for a user (replacing any open one). */
export function openStack(state: WorkspaceState, userId: string, input: Record<string, unknown>): SlackView {
  const view = createView(state, input);
  state.stacks.set(userId, { userId, views: [view.id] });
  return view;
}

/** Pushes a view onto the user's stack; Slack allows at most 3 views. */
export function pushOnStack(state: WorkspaceState, stack: ViewStack, input: Record<string, unknown>): SlackView {
  if (stack.views.length >= LIMITS.viewStack) return fail("push_limit_reached");
  const previous = stack.views.at(-1) ?? null;
  const view = createView(state, input, stack.views[0]);
  view.previous_view_id = previous;
  stack.views.push(view.id);
  return view;
}

/** Removes the top view; the stack disappears when empty. */
export function popStack(state: WorkspaceState, userId: string): void {
  const stack = state.stacks.get(userId);
  if (!stack) return;
  stack.views.pop();
  if (stack.views.length === 0) state.stacks.delete(userId);
}

export function clearStack(state: WorkspaceState, userId: string): void {
  state.stacks.delete(userId);
}

function plainTexts(input: Record<string, unknown>): Partial<Pick<SlackView, "title" | "submit" | "close">> {
  const out: Partial<Pick<SlackView, "title" | "submit" | "close">> = {};
  for (const key of ["title", "submit", "close"] as const) {
    const value = input[key];
    if (isRecord(value) && typeof value.text === "string") {
      const text: PlainText = { type: "plain_text", text: value.text, emoji: value.emoji !== false };
      out[key] = text;
    }
  }
  return out;
}

function stringField(value: unknown): string {
  return typeof value === "string" ? value : "";
}
