import { optionalJson, optionalString, requiredString } from "../args.ts";
import { fail } from "../errors.ts";
import { viewJson } from "../serialize.ts";
import type { WorkspaceState } from "../state.ts";
import type { Args, SlackView } from "../types.ts";
import { createView, openStack, pushOnStack, replaceView, requireValidView } from "../view-store.ts";
import type { MethodTable } from "./context.ts";

export const viewsMethods: MethodTable = {
  "views.open": ({ state, args }) => {
    const triggerId = requiredTrigger(args);
    const input = requireValidView(readView(args), "modal");
    const trigger = state.exchangeTrigger(triggerId);
    return { view: viewJson(openStack(state, trigger.userId, input)) };
  },

  "views.push": ({ state, args }) => {
    const triggerId = requiredTrigger(args);
    const input = requireValidView(readView(args), "modal");
    const trigger = state.exchangeTrigger(triggerId);
    const stack = state.stacks.get(trigger.userId);
    if (!stack || stack.views.length === 0) return fail("not_found", ["[ERROR] no open view to push onto"]);
    return { view: viewJson(pushOnStack(state, stack, input)) };
  },

  "views.update": ({ state, args }) => {
    const view = targetView(state, args);
    checkHash(view, optionalString(args, "hash"));
    const input = requireValidView(readView(args), view.type);
    return { view: viewJson(replaceView(state, view, input)) };
  },

  "views.publish": ({ state, args }) => {
    const userId = requiredString(args, "user_id");
    state.requireUser(userId);
    const input = requireValidView(readView(args), "home");
    const existing = state.homeView(userId);
    if (existing) {
      checkHash(existing, optionalString(args, "hash"));
      return { view: viewJson(replaceView(state, existing, input)) };
    }
    const view = createView(state, input);
    state.homeViews.set(userId, view.id);
    return { view: viewJson(view) };
  },
};

function requiredTrigger(args: Args): string {
  const id = optionalString(args, "trigger_id") ?? optionalString(args, "interactivity_pointer");
  return id ?? fail("invalid_arguments", ["[ERROR] missing required field: trigger_id"]);
}

function readView(args: Args): unknown {
  const view = optionalJson(args, "view", "invalid_arguments");
  return view ?? fail("invalid_arguments", ["[ERROR] missing required field: view"]);
}

function targetView(state: WorkspaceState, args: Args): SlackView {
  const viewId = optionalString(args, "view_id");
  const externalId = optionalString(args, "external_id");
  if (viewId) return state.requireView(viewId);
  if (externalId) return state.viewByExternalId(externalId) ?? fail("not_found");
  return fail("invalid_arguments", ["[ERROR] must provide view_id or external_id"]);
}

function checkHash(view: SlackView, hash: string | undefined): void {
  if (hash !== undefined && hash !== view.hash) fail("hash_conflict");
}
