import { isRecord, optionalJson, optionalString } from "./args.ts";
import { assignBlockIds } from "./blocks.ts";
import { fail, formatProblems } from "./errors.ts";
import { checkMessageBlocks, isTextTooLong } from "./limits.ts";
import type { Args, MessageMetadata } from "./types.ts";

export interface MessageContent {
  text?: string;
  blocks?: unknown[];
  metadata?: MessageMetadata;
}

/** Reads and checks `text`, `blocks` and `metadata` of chat.* calls and response_url posts. */
export function readMessageContent(args: Args, requireSomething: boolean): MessageContent {
  const text = optionalString(args, "text");
  const blocks = optionalJson(args, "blocks", "invalid_blocks_format");
  const attachments = optionalJson(args, "attachments", "invalid_attachments");
  const metadata = readMetadata(args);
  if (requireSomething && text === undefined && blocks === undefined && attachments === undefined) {
    return fail("no_text");
  }
  if (isTextTooLong(text)) return fail("msg_too_long");
  if (blocks !== undefined) {
    const problems = checkMessageBlocks(blocks);
    if (problems.length > 0) return fail("invalid_blocks", formatProblems(problems));
  }
  return {
    ...(text === undefined ? {} : { text }),
    ...(Array.isArray(blocks) ? { blocks: assignBlockIds(structuredClone(blocks)) } : {}),
    ...(metadata ? { metadata } : {}),
  };
}

function readMetadata(args: Args): MessageMetadata | undefined {
  const metadata = optionalJson(args, "metadata", "invalid_metadata_format");
  if (metadata === undefined) return undefined;
  if (!isRecord(metadata) || typeof metadata.event_type !== "string" || !isRecord(metadata.event_payload)) {
    return fail("invalid_metadata_format");
  }
  return { event_type: metadata.event_type, event_payload: structuredClone(metadata.event_payload) };
}
