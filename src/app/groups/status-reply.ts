// A lead answers a follow-up round by a plain reply in its thread ("late: waiting for data", "#2 done"): each answer
// is saved as the buttons would save it (status and note, the item's confirmation updated) and the bot says in the
// thread what it understood. A reply it cannot read, an item number that is not in the round, an item the person
// may not answer for, or a bare status from someone who leads several items gets an answer with an example.
import { parseStatusReply, type StatusAnswer } from "../../core/workplan/status-reply.ts";
import type { FollowUpRoundRecord, WorkingGroup, WorkPlanItemRecord } from "../../store/repositories/working-groups.ts";
import type { Actor, AppDependencies } from "../context.ts";
import type { PostRef } from "../ports/channels.ts";
import { Refusal } from "../refusal.ts";
import { requireItemEditor, showConfirmation } from "./items.ts";
import { type AskedItem, statusHelpMessage, statusNotedMessage } from "./status-messages.ts";

export async function readStatusReply(
  deps: AppDependencies,
  actor: Actor,
  group: WorkingGroup,
  round: FollowUpRoundRecord,
  thread: PostRef,
  text: string,
): Promise<void> {
  const asked = await askedItems(deps, group, round);
  const reading = parseStatusReply(text);
  if (reading.kind === "unreadable") {
    await deps.channels.reply(
      thread,
      statusHelpMessage(`I could not read that as a status: ${reading.reason}.`, asked),
    );
    return;
  }
  const targets: { answer: StatusAnswer; asked: AskedItem }[] = [];
  for (const answer of reading.answers) {
    const target = await targetOf(deps, actor, group, asked, answer);
    if (typeof target === "string") {
      await deps.channels.reply(thread, statusHelpMessage(target, asked));
      return;
    }
    targets.push({ answer, asked: target });
  }
  const noted: { number: number; item: WorkPlanItemRecord }[] = [];
  for (const { answer, asked: target } of targets) {
    const saved = await deps.repos.workingGroups.setProgress(
      target.item.id,
      answer.status,
      answer.note,
      deps.clock.now(),
    );
    await showConfirmation(deps, actor, group, saved);
    noted.push({ number: target.number, item: saved });
  }
  await deps.channels.reply(thread, statusNotedMessage(noted));
}

/** The round's items in their numbered order (#1 first); an item removed since keeps its number's gap. */
async function askedItems(
  deps: AppDependencies,
  group: WorkingGroup,
  round: FollowUpRoundRecord,
): Promise<AskedItem[]> {
  const items = new Map((await deps.repos.workingGroups.items(group.clusterId)).map((item) => [item.id, item]));
  return round.itemIds.flatMap((id, index) => {
    const item = items.get(id);
    return item ? [{ number: index + 1, item }] : [];
  });
}

/** The item an answer is for, or why it cannot be told. */
async function targetOf(
  deps: AppDependencies,
  actor: Actor,
  group: WorkingGroup,
  asked: AskedItem[],
  answer: StatusAnswer,
): Promise<AskedItem | string> {
  if (asked.length === 0) return "this follow-up asked about no item (it may have been removed since).";
  if (answer.number !== null) {
    const target = asked.find((candidate) => candidate.number === answer.number);
    if (!target) return `there is no #${answer.number} in this follow-up.`;
    return (await mayAnswer(deps, actor, group, target.item))
      ? target
      : `only #${target.number}'s author, its lead partner and the facilitators can answer for it.`;
  }
  if (asked.length === 1) {
    const [only] = asked as [AskedItem];
    return (await mayAnswer(deps, actor, group, only.item))
      ? only
      : "only the item's author, its lead partner and the facilitators can answer for it.";
  }
  const yours: AskedItem[] = [];
  for (const candidate of asked) if (await mayAnswer(deps, actor, group, candidate.item)) yours.push(candidate);
  if (yours.length === 1) return yours[0] as AskedItem;
  if (yours.length === 0)
    return "none of these items is yours to answer (their authors, lead partners and the facilitators answer).";
  return `you can answer for ${yours.length} items here: start with the item's number, e.g. “#${yours[0]?.number} done”.`;
}

async function mayAnswer(
  deps: AppDependencies,
  actor: Actor,
  group: WorkingGroup,
  item: WorkPlanItemRecord,
): Promise<boolean> {
  try {
    await requireItemEditor(deps, actor, group, item);
    return true;
  } catch (error) {
    if (error instanceof Refusal) return false;
    throw error;
  }
}
