// The JSON the store keeps, read back as what the workspace wrote: content and views are checked before they are
// stored (../content.ts, ../dialog-view.ts), so reading them is a matter of naming their type, here and only here.
import type { ScreenContext } from "../../../core/screens/context.ts";
import type { StoredDialogView } from "../dialog-view.ts";
import type { RawValues, WireContent, WirePanel } from "../protocol.ts";
import type { DialogRecord, MessageRecord } from "./store.ts";

export const contentOf = (message: MessageRecord) => message.content as WireContent;

export const homeOf = (stored: unknown) => (stored ?? null) as WirePanel | null;

export interface Dialog {
  id: string;
  userId: string;
  view: StoredDialogView;
  values: RawValues;
  context: ScreenContext;
  status: DialogRecord["status"];
  version: number;
}

export function dialogOf(record: DialogRecord): Dialog {
  return {
    ...record,
    view: record.view as StoredDialogView,
    values: (record.values ?? {}) as RawValues,
    context: (record.context ?? {}) as ScreenContext,
  };
}

/** What the workspace marks its own messages with: a person's /cluster command, the bot's metadata. */
export function metadataOf(message: { metadata: unknown }): Record<string, string> {
  const value = message.metadata;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}
