// The chat port: everything the use cases need from a chat platform, in platform-neutral terms.
// Slack and Teams adapters implement it; text in a ChatMessage is literal (adapters escape it for their markup).

export interface ChatButton {
  /** The action id the adapter routes back to a use case, e.g. "homework.start". */
  actionId: string;
  label: string;
  value: string;
  style?: "primary" | "danger";
}

export interface ChatMessage {
  /** One-line summary: the notification text and the fallback for clients that cannot show the rest. */
  summary: string;
  /** Paragraphs of literal text; a paragraph may carry a bold heading. */
  paragraphs?: { heading?: string; text: string }[];
  buttons?: ChatButton[];
  /** Machine-readable tag stored with the message, so a resend can be detected (e.g. a reminder's job id). */
  tag?: { type: string; key: string };
}

export interface SentMessage {
  channelId: string;
  messageId: string;
}

export interface ChatUserProfile {
  externalId: string;
  displayName: string;
  email: string | null;
  /** IANA timezone name, e.g. "Europe/Rome". */
  timezone: string | null;
  isBot: boolean;
}

export interface ChatPort {
  sendDirectMessage(userExternalId: string, message: ChatMessage): Promise<SentMessage>;
  postToChannel(channelExternalId: string, message: ChatMessage, threadId?: string): Promise<SentMessage>;
  /** True when a direct message to this user already carries this tag (looked up in recent history). */
  hasTaggedDirectMessage(userExternalId: string, tag: { type: string; key: string }, since: Date): Promise<boolean>;
  userProfile(userExternalId: string): Promise<ChatUserProfile>;
  /** When the user's do-not-disturb ends, if it is on now; null when they can be notified now. */
  doNotDisturbUntil(userExternalId: string, now: Date): Promise<Date | null>;
}

/** A platform asked us to slow down; the caller should wait `retryAfterSeconds` before the next call. */
export class RateLimitedError extends Error {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number, options?: { cause?: unknown }) {
    super(`rate limited: retry after ${retryAfterSeconds} s`, options);
    this.name = "RateLimitedError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
