import type { IncomingMessage, ServerResponse } from "node:http";
import { optionalBoolean, optionalString } from "./args.ts";
import { SlackApiError } from "./errors.ts";
import { parseArgs, sendJson } from "./http.ts";
import { readMessageContent } from "./message-content.ts";
import type { ResponseUrlTarget, WorkspaceState } from "./state.ts";
import { botMessage, storeMessage } from "./threads.ts";
import type { Args, ResponseUrlPost } from "./types.ts";

/** Answers `POST /response/{id}` (a response_url the driver handed out) and applies it like Slack. */
export function handleResponseUrl(
  state: WorkspaceState,
  id: string,
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: string,
): void {
  const target = state.responseUrls.get(id);
  if (!target) {
    sendJson(res, 404, { ok: false, error: "expired_url" });
    return;
  }
  const parsed = parseArgs(new URLSearchParams(), req.headers["content-type"] ?? "application/json", rawBody);
  const args: Args = parsed.ok ? parsed.args : {};
  const base = { id, body: args, at: state.now(), userId: target.userId, channelId: target.channelId };
  try {
    if (!parsed.ok) throw new SlackApiError(parsed.error);
    const outcome = apply(state, target, args);
    state.responseUrlPosts.push({ ...base, outcome });
    sendJson(res, 200, { ok: true });
  } catch (error) {
    const code = error instanceof SlackApiError ? error.code : "internal_error";
    const post: ResponseUrlPost = { ...base, outcome: "rejected", error: code };
    state.responseUrlPosts.push(post);
    sendJson(res, 400, { ok: false, error: code });
  }
}

function apply(state: WorkspaceState, target: ResponseUrlTarget, args: Args): ResponseUrlPost["outcome"] {
  if (optionalBoolean(args, "delete_original")) {
    if (target.messageTs) state.removeMessage(target.channelId, target.messageTs);
    return "deleted";
  }
  const content = readMessageContent(args, true);
  if (optionalBoolean(args, "replace_original") && target.messageTs) {
    const original = state.message(target.channelId, target.messageTs);
    if (original) {
      original.text = content.text ?? "";
      if (content.blocks) original.blocks = content.blocks;
      else delete original.blocks;
      return "replaced";
    }
  }
  const threadTs = optionalString(args, "thread_ts");
  if (optionalString(args, "response_type") === "in_channel") {
    const message = { ...botMessage(state, target.channelId), text: content.text ?? "" };
    if (content.blocks) Object.assign(message, { blocks: content.blocks });
    storeMessage(state, message, threadTs);
    return "in_channel";
  }
  state.ephemerals.push({
    channel: target.channelId,
    user: target.userId,
    ts: state.nextTs(),
    text: content.text ?? "",
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return "ephemeral";
}
