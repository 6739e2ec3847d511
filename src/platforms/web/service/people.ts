// People joining the workspace: by name (sign-in by name, invites), each one in #general from the start.
import type { WirePerson } from "../protocol.ts";
import type { WorkspaceContext } from "./context.ts";
import { Refusal } from "./errors.ts";

export const personNameMaxLength = 80;

export function peopleService(ctx: WorkspaceContext) {
  const { store, hub } = ctx;

  function checkedName(name: string): string {
    const cleaned = name
      .replace(/[\p{Cc}\p{Cf}]/gu, "")
      .trim()
      .replace(/\s+/g, " ");
    if (cleaned === "") throw new Refusal("invalid", "Please enter a name.", { name: "Please enter your name." });
    if (cleaned.length > personNameMaxLength) {
      throw new Refusal("invalid", "That name is too long.", {
        name: `Please keep the name under ${personNameMaxLength} characters.`,
      });
    }
    return cleaned;
  }

  async function welcome(person: WirePerson): Promise<void> {
    await store.channels.addMembers(ctx.generalChannelId, [person.id]);
    hub.broadcast({ type: "person", person });
  }

  return {
    checkedName,

    async create(name: string): Promise<WirePerson> {
      const checked = checkedName(name);
      const person = await store.accounts.create(checked);
      if (!person) {
        const taken = `Someone called "${checked}" is already in this workspace.`;
        throw new Refusal("conflict", taken, { name: `${taken} Pick them from the list.` });
      }
      await welcome(person);
      return person;
    },

    /** The person with this name, added if new (for invites). */
    async ensure(name: string): Promise<{ person: WirePerson; created: boolean }> {
      const result = await store.accounts.ensure(checkedName(name));
      if (result.created) await welcome(result.person);
      return result;
    },

    async setTimezone(userId: string, timezone: string): Promise<void> {
      if (!isTimezone(timezone)) return;
      await store.accounts.setTimezone(userId, timezone);
    },
  };
}

function isTimezone(name: string): boolean {
  if (name.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export type PeopleService = ReturnType<typeof peopleService>;
