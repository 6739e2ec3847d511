// Token buckets (GCRA) per key: `take(key)` resolves when a call may go out. Each caller reserves the next slot, so
// concurrent callers are spread evenly; `pause(key, ms)` holds a key after the platform answered 429.

export interface RateLimit {
  /** Sustained calls per second. */
  perSecond: number;
  /** Calls that may go out back to back after a quiet spell (≥ 1). */
  burst: number;
}

interface KeyState {
  /** The theoretical arrival time of the next call (GCRA). */
  nextAt: number;
  pausedUntil: number;
}

export interface KeyedRateLimiter {
  take(key: string): Promise<void>;
  pause(key: string, ms: number): void;
}

export function createRateLimiter(limit: RateLimit, now: () => number = () => performance.now()): KeyedRateLimiter {
  if (!(limit.perSecond > 0) || !(limit.burst >= 1))
    throw new RangeError("a rate limit needs perSecond > 0, burst ≥ 1");
  const interval = 1000 / limit.perSecond;
  const tolerance = (limit.burst - 1) * interval;
  const states = new Map<string, KeyState>();

  function reserve(key: string): number {
    const at = now();
    const state = states.get(key) ?? { nextAt: at, pausedUntil: 0 };
    const sendAt = Math.max(at, state.nextAt - tolerance, state.pausedUntil);
    state.nextAt = Math.max(state.nextAt, sendAt) + interval;
    states.set(key, state);
    return sendAt - at;
  }

  return {
    async take(key) {
      const waitMs = reserve(key);
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    },
    pause(key, ms) {
      const state = states.get(key) ?? { nextAt: now(), pausedUntil: 0 };
      state.pausedUntil = Math.max(state.pausedUntil, now() + ms);
      states.set(key, state);
    },
  };
}
