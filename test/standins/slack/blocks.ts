import { randomBytes } from "node:crypto";
import { isRecord } from "./args.ts";

/** An interactive element found in a block list. */
export interface FoundElement {
  blockId: string;
  blockType: string;
  element: Record<string, unknown>;
}

/** Gives every block a `block_id`, as Slack does when an app leaves it out. */
export function assignBlockIds(blocks: unknown[]): unknown[] {
  return blocks.map((block) => {
    if (!isRecord(block) || typeof block.block_id === "string") return block;
    return { ...block, block_id: randomBytes(4).toString("base64url").slice(0, 5) };
  });
}

/** All elements with an `action_id` in input, actions and section (accessory) blocks. */
export function interactiveElements(blocks: unknown[]): FoundElement[] {
  const found: FoundElement[] = [];
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const blockId = typeof block.block_id === "string" ? block.block_id : "";
    const blockType = typeof block.type === "string" ? block.type : "";
    const candidates = [block.element, block.accessory, ...(Array.isArray(block.elements) ? block.elements : [])];
    for (const element of candidates) {
      if (isRecord(element) && typeof element.action_id === "string") found.push({ blockId, blockType, element });
    }
  }
  return found;
}

/** The element with this action_id (and block_id, if given). */
export function findElement(blocks: unknown[], actionId: string, blockId?: string): FoundElement | undefined {
  return interactiveElements(blocks).find(
    (f) => f.element.action_id === actionId && (blockId === undefined || f.blockId === blockId),
  );
}
