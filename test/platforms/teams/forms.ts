// Helpers for form tests: find inputs in a rendered card and play what Teams sends when a card is submitted.
import type { IAdaptiveCard } from "@microsoft/teams.cards";

export type CardNode = Record<string, unknown>;

/** Every element of a card body, depth first (containers included). */
export function elements(card: IAdaptiveCard | CardNode): CardNode[] {
  const out: CardNode[] = [];
  const visit = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items as CardNode[]) {
      out.push(item);
      visit(item.items);
    }
  };
  visit((card as CardNode).body);
  return out;
}

export function inputById(card: IAdaptiveCard | CardNode, id: string): CardNode | undefined {
  return elements(card).find((element) => element.id === id && String(element.type).startsWith("Input."));
}

/** The data Teams posts for a submit action: its data merged with every input's value, as strings. */
export function submitData(
  card: IAdaptiveCard | CardNode,
  actionId: string,
  typed: Record<string, string> = {},
): Record<string, unknown> {
  const action = ((card as CardNode).actions as CardNode[]).find((candidate) => candidate.id === `action.${actionId}`);
  if (!action) throw new Error(`no action ${actionId}`);
  const values: Record<string, string> = {};
  for (const element of elements(card)) {
    if (!String(element.type).startsWith("Input.") || typeof element.id !== "string") continue;
    const value = element.id in typed ? typed[element.id] : element.value;
    if (value !== undefined && value !== "") values[element.id] = String(value);
  }
  return { ...(action.data as CardNode), ...values };
}

/** The card inside a task/fetch or task/submit answer that continues the dialog. */
export function continuedCard(body: unknown): CardNode {
  const task = (body as { task?: { type?: string; value?: { card?: { content?: CardNode } } } }).task;
  if (task?.type !== "continue" || !task.value?.card?.content)
    throw new Error(`expected a card, got ${JSON.stringify(body)}`);
  return task.value.card.content;
}

/** Every button in a card (its actions, and action sets in its body). */
export function cardActions(card: CardNode): CardNode[] {
  const inBody = elements(card).flatMap((element) =>
    element.type === "ActionSet" ? ((element.actions as CardNode[]) ?? []) : [],
  );
  return [...((card.actions as CardNode[] | undefined) ?? []), ...inBody];
}

/** The card a bot's message carries. */
export function cardOf(activity: Record<string, unknown>): CardNode {
  const attachments = activity.attachments as { content: CardNode }[] | undefined;
  const card = attachments?.[0]?.content;
  if (!card) throw new Error(`no card in ${JSON.stringify(activity)}`);
  return card;
}

/** The data of the button whose core action id is (or matches) actionId, and whose value is value when given. */
export function mustButton(card: CardNode, actionId: string | RegExp, value?: string): Record<string, unknown> {
  const action = cardActions(card).find((candidate) => {
    const data = (candidate.data as { clusterbotAction?: { actionId?: string; value?: string } })?.clusterbotAction;
    if (data?.actionId === undefined) return false;
    const named = typeof actionId === "string" ? data.actionId === actionId : actionId.test(data.actionId);
    return named && (value === undefined || data.value === value);
  });
  if (!action) throw new Error(`no ${actionId} ${value ?? ""} button in ${JSON.stringify(card).slice(0, 2000)}`);
  return action.data as Record<string, unknown>;
}
