// A button pressed in a message, a home view or a panel: only one that is really there counts; the bot hears it.
import { randomUUID } from "node:crypto";
import type { ActionSource } from "../bot-api.ts";
import { buttonsOf } from "../content.ts";
import type { WireBlock } from "../protocol.ts";
import type { BotLink } from "./bot-link.ts";
import { Refusal } from "./errors.ts";

export function pressButton(
  bot: BotLink,
  userId: string,
  shown: readonly WireBlock[] | undefined,
  pressed: { actionId: string; value: string },
  source: ActionSource,
): void {
  const { actionId, value } = pressed;
  if (!buttonsOf(shown).some((button) => button.actionId === actionId && button.value === value)) {
    throw new Refusal("not_found", "This button is no longer there.");
  }
  const delivered = bot.deliver({ type: "action", eventId: `action:${randomUUID()}`, userId, actionId, value, source });
  if (!delivered) throw new Refusal("conflict", "Clusterbot is not connected to this workspace just now.");
}
