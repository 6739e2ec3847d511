import { isRecord } from "./args.ts";
import { SlackApiError } from "./errors.ts";
import type { WorkspaceState } from "./state.ts";
import type { SlackView } from "./types.ts";
import { clearStack, popStack, pushOnStack, replaceView, requireValidView } from "./view-store.ts";

/** What the stand-in did with the bot's answer to a view_submission, like Slack's client would. */
export type ResponseActionOutcome =
  | { action: "close" }
  | { action: "clear" }
  | { action: "update"; view: SlackView }
  | { action: "push"; view: SlackView }
  | { action: "errors"; errors: Record<string, string> }
  | { action: "failed"; reason: string; messages: string[] };

/** Applies `response_action` (or the empty ack that closes the current view) to the user's modal stack. */
export function applyViewSubmissionAnswer(
  state: WorkspaceState,
  userId: string,
  view: SlackView,
  status: number,
  body: unknown,
): ResponseActionOutcome {
  if (status !== 200) return failed(`bot answered HTTP ${status}`);
  if (body === "" || body === undefined || body === null) {
    popStack(state, userId);
    return { action: "close" };
  }
  if (!isRecord(body)) return failed("answer is not a JSON object");
  try {
    return applyAction(state, userId, view, body);
  } catch (error) {
    if (error instanceof SlackApiError) return failed(error.code, error.messages);
    throw error;
  }
}

function applyAction(
  state: WorkspaceState,
  userId: string,
  view: SlackView,
  body: Record<string, unknown>,
): ResponseActionOutcome {
  switch (body.response_action) {
    case undefined:
      popStack(state, userId);
      return { action: "close" };
    case "clear":
      clearStack(state, userId);
      return { action: "clear" };
    case "update":
      return { action: "update", view: replaceView(state, view, requireValidView(body.view, "modal")) };
    case "push": {
      const stack = state.stacks.get(userId);
      if (!stack) return failed("no open modal to push onto");
      return { action: "push", view: pushOnStack(state, stack, requireValidView(body.view, "modal")) };
    }
    case "errors":
      return checkErrors(view, body.errors);
    default:
      return failed(`unknown response_action ${String(body.response_action)}`);
  }
}

/** `errors` must map block_ids of input blocks in the submitted view to messages. */
function checkErrors(view: SlackView, errors: unknown): ResponseActionOutcome {
  if (!isRecord(errors)) return failed("errors must be an object");
  const inputBlockIds = new Set(
    view.blocks.filter((b) => isRecord(b) && b.type === "input").map((b) => (isRecord(b) ? b.block_id : undefined)),
  );
  const out: Record<string, string> = {};
  for (const [blockId, message] of Object.entries(errors)) {
    if (!inputBlockIds.has(blockId)) return failed(`errors names ${blockId}, which is not an input block of the view`);
    if (typeof message !== "string") return failed(`errors.${blockId} must be a string`);
    out[blockId] = message;
  }
  return { action: "errors", errors: out };
}

function failed(reason: string, messages: string[] = []): ResponseActionOutcome {
  return { action: "failed", reason, messages };
}
