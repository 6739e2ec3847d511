// The notify port on the platforms' direct messages: our person id → their platform account → the platform's link
// for that workspace. Once per key: the key is recorded in our database when a send starts and when it has gone
// out; a send that started but left no record of its end (the process died in between) is looked for on the
// platform before sending again.
//
// Seam for the durable outbox (issue 9, phase B): `notify` becomes one insert into an outbox keyed by `key`, and a
// worker sends with this same code; callers do not change.
import type { Repositories } from "../../store/repositories/index.ts";
import type { Clock } from "../context.ts";
import type { Notification, NotifyPort, NotifyReceipt, PersonRef } from "../ports/notify.ts";
import type { PlatformLink, PlatformLinks } from "../ports/platform.ts";
import { UnreachablePersonError } from "./errors.ts";

/** How far back the platform is searched for an earlier send with the same key. */
const lookBackMs = 7 * 86_400_000;

export interface PlatformAccounts {
  /** The platform link of a workspace. */
  link(workspaceId: string): Promise<PlatformLink>;
  /** The person's platform user id in that workspace, and the workspace's link. */
  account(to: PersonRef): Promise<{ userId: string; link: PlatformLink }>;
}

/** Resolves workspaces and people to the configured adapters' links and platform user ids. */
export function platformAccounts(repos: Repositories, links: PlatformLinks): PlatformAccounts {
  async function link(workspaceId: string): Promise<PlatformLink> {
    const workspace = await repos.workspaces.find(workspaceId);
    if (!workspace) throw new UnreachablePersonError(`workspace ${workspaceId} is not known`);
    return links({ platform: workspace.platform, externalId: workspace.externalId });
  }
  return {
    link,
    async account(to) {
      const userId = (await repos.people.externalIds(to.workspaceId, [to.personId])).get(to.personId);
      if (!userId)
        throw new UnreachablePersonError(`person ${to.personId} has no account in workspace ${to.workspaceId}`);
      return { userId, link: await link(to.workspaceId) };
    },
  };
}

export function createNotifier(repos: Repositories, accounts: PlatformAccounts, clock: Clock): NotifyPort {
  return {
    async notify({ to, key, message }: Notification): Promise<NotifyReceipt> {
      const sent = `notify-sent:${key}`;
      if (await repos.deliveries.seen(sent)) return { status: "already-sent", foundIn: "our-records" };
      const { userId, link } = await accounts.account(to);
      const retry = !(await repos.deliveries.firstTime(`notify-started:${key}`));
      const since = new Date(clock.now().getTime() - lookBackMs);
      if (retry && (await link.messenger.findDirect?.(userId, key, since))) {
        await repos.deliveries.firstTime(sent);
        return { status: "already-sent", foundIn: "the-platform" };
      }
      await link.messenger.sendDirect(userId, message, key);
      await repos.deliveries.firstTime(sent);
      return { status: "sent" };
    },

    async doNotDisturbUntil(to, now) {
      const { userId, link } = await accounts.account(to);
      return (await link.messenger.doNotDisturbUntil?.(userId, now)) ?? null;
    },

    async profile(to) {
      const { userId, link } = await accounts.account(to);
      return (await link.messenger.profile?.(userId)) ?? null;
    },
  };
}
