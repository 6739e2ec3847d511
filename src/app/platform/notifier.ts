// The notify port on the platforms' direct messages: our person id → their platform account → the platform's link
// for that workspace. Once per key: the key is recorded in our database when a send starts and when it has gone
// out; a send that started but left no record of its end (the process died in between) is looked for on the
// platform before sending again.
//
// `notify` goes through the durable outbox: one insert keyed by `key` (the row is the promise to send), a first
// attempt at once, then the worker retries with backoff (a 429's Retry-After respected) until it is sent or given up
// with its reason, which `/cluster status` lists. Rows still pending when the process stopped are sent after `start`.

import type { Message } from "../../core/screens/message.ts";
import type { Logger } from "../../logging/logger.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import type { Clock } from "../context.ts";
import { RateLimitedError } from "../ports/errors.ts";
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

export interface OutboxOptions {
  logger?: Logger;
  /** Attempts before a message is given up; default 6. */
  maxAttempts?: number;
  /** Wait before attempt n + 1 after a failed attempt n (not a 429, which says how long); default 1 s, 2 s, 4 s… ≤ 5 min. */
  backoffMs?: (attempt: number) => number;
  /** How long one attempt holds its row before another sender may take it (the sender died); default 2 min. */
  leaseMs?: number;
}

/** The notify port with its outbox worker: started with the app, stopped (after the in-flight send) with it. */
export interface Notifier extends NotifyPort {
  start(): void;
  stop(): Promise<void>;
}

type Attempt = { kind: "sent"; receipt: NotifyReceipt } | { kind: "queued" } | { kind: "failed"; error: unknown };

export function createNotifier(
  repos: Repositories,
  accounts: PlatformAccounts,
  clock: Clock,
  options: OutboxOptions = {},
): Notifier {
  const maxAttempts = options.maxAttempts ?? 6;
  const backoffMs = options.backoffMs ?? ((attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 300_000));
  const leaseMs = options.leaseMs ?? 120_000;
  // Retries follow the platform's real time (Retry-After), not the app's clock (which tests may hold still).
  const later = (ms: number) => new Date(Date.now() + ms);

  /** One send, once per key (the records below), of a message whose outbox row the caller holds. */
  async function sendOnce({ to, key, message }: Notification): Promise<NotifyReceipt> {
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
  }

  /** Attempt number `attempt` of a claimed row; records what came of it. */
  async function attempt(notification: Notification, attemptNumber: number): Promise<Attempt> {
    try {
      const receipt = await sendOnce(notification);
      await repos.outbox.markSent(notification.key, new Date());
      return { kind: "sent", receipt };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const never = (error as { retryable?: unknown } | null)?.retryable === false;
      if (never || attemptNumber >= maxAttempts) {
        await repos.outbox.markFailed(notification.key, new Date(), reason);
        options.logger?.warn({ err: error, key: notification.key }, "a message could not be delivered; given up");
        return { kind: "failed", error };
      }
      const wait = error instanceof RateLimitedError ? error.retryAfterSeconds * 1000 : backoffMs(attemptNumber);
      await repos.outbox.retryAt(notification.key, later(wait), reason);
      wake(wait);
      return { kind: "queued" };
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  /** Runs the worker in `ms` (or sooner, if it is already due sooner). */
  function wake(ms: number): void {
    if (stopped) return;
    const at = Date.now() + ms;
    if (timer && timerAt <= at) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
      run();
    }, ms);
    timer.unref();
  }

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = sendDue()
      .catch((error: unknown) => {
        options.logger?.error({ err: error }, "the outbox worker failed; it tries again in a minute");
        wake(60_000);
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  }

  async function sendDue(): Promise<void> {
    for (;;) {
      const now = new Date();
      const due = await repos.outbox.due(now, 20);
      for (const row of due) {
        if (stopped) return;
        if (!(await repos.outbox.claim(row.key, now, later(leaseMs)))) continue;
        const to = { workspaceId: row.workspaceId, personId: row.personId };
        await attempt({ to, key: row.key, message: messageFromJson(row.message) }, row.attempts + 1);
      }
      if (due.length < 20) break;
    }
    const next = await repos.outbox.nextDue();
    if (next) wake(Math.max(0, next.getTime() - Date.now()));
  }

  return {
    async notify(notification: Notification): Promise<NotifyReceipt> {
      const { to, key, message } = notification;
      if (await repos.deliveries.seen(`notify-sent:${key}`)) return { status: "already-sent", foundIn: "our-records" };
      const row = { key, workspaceId: to.workspaceId, personId: to.personId, message };
      if (!(await repos.outbox.add(row, later(leaseMs)))) {
        const kept = await repos.outbox.find(key);
        if (kept?.status === "sent") return { status: "already-sent", foundIn: "our-records" };
        // Asked again for a message given up earlier (e.g. homework opened again): it is tried again.
        if (kept?.status === "failed" && (await repos.outbox.requeue(key, new Date()))) wake(0);
        return { status: "queued", alreadyKept: true };
      }
      const first = await attempt(notification, 1);
      if (first.kind === "failed") throw first.error;
      return first.kind === "sent" ? first.receipt : { status: "queued", alreadyKept: false };
    },

    send: sendOnce,

    async doNotDisturbUntil(to, now) {
      const { userId, link } = await accounts.account(to);
      return (await link.messenger.doNotDisturbUntil?.(userId, now)) ?? null;
    },

    async profile(to) {
      const { userId, link } = await accounts.account(to);
      return (await link.messenger.profile?.(userId)) ?? null;
    },

    start() {
      stopped = false;
      run();
    },

    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}

/** A message read back from the outbox: its date-times were written as ISO strings. */
function messageFromJson(json: unknown): Message {
  const revive = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(revive);
    if (!value || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    if (typeof record.at === "string" && typeof record.show === "string") return { ...record, at: new Date(record.at) };
    return Object.fromEntries(Object.entries(record).map(([name, inner]) => [name, revive(inner)]));
  };
  return revive(json) as Message;
}
