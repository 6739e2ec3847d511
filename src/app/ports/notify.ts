// Notify a person: what use cases call to send someone a message outside a request (homework invitations,
// reminders, digests, "your answer could not be saved"). Addressed by our person id, never a platform's user id.
import type { Message } from "../../core/screens/message.ts";

/** A person, in the workspace (Slack team, Teams tenant, web workspace) where they are to be reached. */
export interface PersonRef {
  workspaceId: string;
  personId: string;
}

export interface Notification {
  to: PersonRef;
  /**
   * Idempotency key, stable for one intended message (a job id, "homework-invite:<workshop>:<person>"): however often
   * `notify` is called with it, the person gets the message once. The key is kept in our database.
   */
  key: string;
  message: Message;
}

export type NotifyReceipt =
  | { status: "sent" }
  /** Kept in the outbox: not sent yet (the platform asked to wait, or failed for now); the outbox retries it. */
  /** `alreadyKept`: an earlier call with this key put it there (nothing new was promised by this one). */
  | { status: "queued"; alreadyKept: boolean }
  /** Not sent again: our records say it went out, or the platform showed it did (a send whose record was lost). */
  | { status: "already-sent"; foundIn: "our-records" | "the-platform" };

/** A person as their platform profile describes them. */
export interface PersonProfile {
  displayName: string;
  email: string | null;
  /** IANA zone, e.g. "Europe/Rome"; null when the platform does not say. */
  timezone: string | null;
  isBot: boolean;
}

export interface NotifyPort {
  /**
   * Sends the message to the person once per key, through the durable outbox: kept, tried at once, retried later
   * when the platform fails for now (`queued`). Throws an error with `retryable: false` when the platform will never
   * deliver it (no account, blocked); that failure is kept and listed in `/cluster status`.
   */
  notify(notification: Notification): Promise<NotifyReceipt>;
  /**
   * Sends now, once per key, without the outbox, for callers that keep and retry their own messages (scheduled jobs:
   * the job table is their outbox). Throws `RateLimitedError` (wait, then call again with the same key) or an error
   * with `retryable: false`.
   */
  send(notification: Notification): Promise<NotifyReceipt>;
  /** When the person's do-not-disturb ends, if it is on now; null when they can be notified (or nobody can tell). */
  doNotDisturbUntil(to: PersonRef, now: Date): Promise<Date | null>;
  /** The person's profile on their platform; null when the platform cannot tell. */
  profile(to: PersonRef): Promise<PersonProfile | null>;
}
