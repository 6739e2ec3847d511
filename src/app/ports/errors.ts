// Errors any platform behind a port may raise, typed so callers branch on them without reading messages.

/** A platform asked us to slow down; the caller should wait `retryAfterSeconds` before the next call. */
export class RateLimitedError extends Error {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number, options?: { cause?: unknown }) {
    super(`rate limited: retry after ${retryAfterSeconds} s`, options);
    this.name = "RateLimitedError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A channel name that is already used in the workspace (pick another one, e.g. with a number). */
export class ChannelNameTakenError extends Error {
  readonly channelName: string;

  constructor(channelName: string, options?: { cause?: unknown }) {
    super(`a channel named "${channelName}" already exists`, options);
    this.name = "ChannelNameTakenError";
    this.channelName = channelName;
  }
}
