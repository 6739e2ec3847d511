import type { Args } from "./types.ts";

/** At most `limit` calls per `windowMs` for one method (optionally counted per channel, like chat.postMessage). */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
  /** Fixed Retry-After in seconds; by default the seconds until the window frees a slot. */
  retryAfterSeconds?: number;
  /** Count calls per `channel` argument instead of per method. */
  perChannel?: boolean;
}

export type RateLimits = Record<string, RateLimitRule>;

export interface RateLimited {
  retryAfterSeconds: number;
}

interface ForcedFailures {
  remaining: number;
  retryAfterSeconds: number;
}

/** Decides which Web API calls get HTTP 429 + Retry-After. Method `*` applies to every method. */
export class RateLimiter {
  readonly #rules = new Map<string, RateLimitRule>();
  readonly #forced = new Map<string, ForcedFailures>();
  readonly #accepted = new Map<string, number[]>();
  readonly #clock: () => number;

  constructor(rules: RateLimits, clock: () => number) {
    this.#clock = clock;
    for (const [method, rule] of Object.entries(rules)) this.#rules.set(method, rule);
  }

  /** Sets (or with `undefined` removes) the rule for a method. */
  setRule(method: string, rule: RateLimitRule | undefined): void {
    if (rule) this.#rules.set(method, rule);
    else this.#rules.delete(method);
    for (const key of this.#accepted.keys())
      if (key === method || key.startsWith(`${method}:`)) this.#accepted.delete(key);
  }

  /** The next `count` calls of `method` (or `*`) answer 429 with this Retry-After. */
  failNext(method: string, count: number, retryAfterSeconds = 1): void {
    this.#forced.set(method, { remaining: count, retryAfterSeconds });
  }

  /** Returns the 429 to answer, or undefined to let the call through (and count it). */
  check(method: string, args: Args): RateLimited | undefined {
    const forced = this.#takeForced(method) ?? this.#takeForced("*");
    if (forced) return forced;
    const rule = this.#rules.get(method) ?? this.#rules.get("*");
    if (!rule) return undefined;
    const channel = typeof args.channel === "string" ? args.channel : "";
    const key = rule.perChannel ? `${method}:${channel}` : method;
    const now = this.#clock();
    const recent = (this.#accepted.get(key) ?? []).filter((at) => now - at < rule.windowMs);
    if (recent.length >= rule.limit) {
      this.#accepted.set(key, recent);
      const oldest = recent[0] ?? now;
      const wait = rule.retryAfterSeconds ?? Math.max(1, Math.ceil((oldest + rule.windowMs - now) / 1000));
      return { retryAfterSeconds: wait };
    }
    recent.push(now);
    this.#accepted.set(key, recent);
    return undefined;
  }

  #takeForced(key: string): RateLimited | undefined {
    const forced = this.#forced.get(key);
    if (!forced || forced.remaining <= 0) return undefined;
    forced.remaining -= 1;
    if (forced.remaining === 0) this.#forced.delete(key);
    return { retryAfterSeconds: forced.retryAfterSeconds };
  }
}
