// Token buckets (GCRA) per key with a FIFO of waiters: `take(key)` resolves when a call may go out. Calls are paced
// at fixed intervals; a timer that fires late (a busy event loop) is caught up by at most half an interval, so a
// stall delays the following calls instead of letting them out in a bunch; only `burst` calls may go back to back
// after a quiet spell. `pause(key, ms)` reports a 429: the key is held for Retry-After (callers already waiting
// too), its bucket restarts empty, and with `adaptive` its rate is cut and then climbs back (AIMD).

export interface RateLimit {
  /** Sustained calls per second: the ceiling an adaptive rate climbs back to. */
  perSecond: number;
  /** Calls that may go out back to back after a quiet spell (≥ 1). */
  burst: number;
  /** Lower the rate after a 429 and raise it again while no 429 comes (off when absent). */
  adaptive?: AdaptiveRate;
}

/** Multiplicative decrease on a 429, additive increase afterwards. */
export interface AdaptiveRate {
  /** The rate after a 429, as a fraction of the rate before it (0 < decrease < 1). */
  decrease: number;
  /** The lowest rate, as a fraction of `perSecond` (0 < minimum ≤ 1). */
  minimum: number;
  /** How fast the rate climbs back once the hold is over: fraction of `perSecond` gained per second. */
  recoveryPerSecond: number;
}

/** Time and timers; injected by tests. */
export interface LimiterTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: LimiterTimers = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface KeyedRateLimiter {
  take(key: string): Promise<void>;
  /** The platform answered 429 for `key`: hold it for `ms` (Retry-After) and, when adaptive, lower its rate. */
  pause(key: string, ms: number): void;
  /** The call let through last for `key` only goes out now (it waited for another limit): space the next from now. */
  wentOut(key: string): void;
  /** The key's current rate in calls per second. */
  rate(key: string): number;
}

interface KeyState {
  /** The theoretical arrival time of the next call (GCRA). */
  nextAt: number;
  pausedUntil: number;
  /** Adaptive rate: the rate right after the last cut, and when it starts climbing back (the end of that hold). */
  cutRate: number;
  recoverFrom: number;
  waiters: (() => void)[];
  timer: unknown;
}

/** The most a late timer is caught up: any window then sees at most one call more than a strict bucket allows. */
const maxCatchUpMs = 25;

/** Idle keys (one per conversation, for instance) are forgotten every this many takes. */
const sweepEvery = 1024;

export function createRateLimiter(limit: RateLimit, timers: LimiterTimers = realTimers): KeyedRateLimiter {
  if (!(limit.perSecond > 0) || !(limit.burst >= 1))
    throw new RangeError("a rate limit needs perSecond > 0, burst ≥ 1");
  const adaptive = limit.adaptive;
  if (
    adaptive &&
    !(
      adaptive.decrease > 0 &&
      adaptive.decrease < 1 &&
      adaptive.minimum > 0 &&
      adaptive.minimum <= 1 &&
      adaptive.recoveryPerSecond > 0
    )
  )
    throw new RangeError("an adaptive rate needs 0 < decrease < 1, 0 < minimum ≤ 1, recoveryPerSecond > 0");
  const states = new Map<string, KeyState>();
  let takes = 0;

  function stateOf(key: string): KeyState {
    let state = states.get(key);
    if (!state) {
      state = {
        nextAt: -Infinity,
        pausedUntil: -Infinity,
        cutRate: limit.perSecond,
        recoverFrom: -Infinity,
        waiters: [],
        timer: undefined,
      };
      states.set(key, state);
    }
    return state;
  }

  function rateAt(state: KeyState, at: number): number {
    if (!adaptive || state.cutRate >= limit.perSecond) return limit.perSecond;
    const climbed = (Math.max(0, at - state.recoverFrom) / 1000) * adaptive.recoveryPerSecond * limit.perSecond;
    return Math.min(limit.perSecond, state.cutRate + climbed);
  }

  /** Lets out every waiter whose slot has come, then sleeps until the next slot (`woken`: by that sleep's timer). */
  function drain(state: KeyState, woken = false): void {
    state.timer = undefined;
    for (let waiter = state.waiters[0]; waiter; waiter = state.waiters[0]) {
      const at = timers.now();
      const interval = 1000 / rateAt(state, at);
      const allowedAt = Math.max(state.nextAt - (limit.burst - 1) * interval, state.pausedUntil);
      if (at < allowedAt) {
        state.timer = timers.setTimeout(() => drain(state, true), allowedAt - at);
        return;
      }
      state.waiters.shift();
      // A late wake-up (a busy event loop) is caught up by at most half an interval: the pace holds through the
      // usual timer lateness, while the calls behind a long stall go out one interval apart, not in a bunch.
      const catchUp = woken ? Math.min(interval / 2, maxCatchUpMs) : 0;
      state.nextAt = Math.max(state.nextAt, at - catchUp) + interval;
      waiter();
    }
  }

  function sweep(): void {
    const at = timers.now();
    for (const [key, state] of states) {
      const idle = state.waiters.length === 0 && state.timer === undefined;
      if (idle && state.nextAt <= at && state.pausedUntil <= at && rateAt(state, at) >= limit.perSecond)
        states.delete(key);
    }
  }

  return {
    take(key) {
      if (++takes % sweepEvery === 0) sweep();
      const state = stateOf(key);
      return new Promise<void>((resolve) => {
        state.waiters.push(resolve);
        if (state.waiters.length === 1 && state.timer === undefined) drain(state);
      });
    },
    pause(key, ms) {
      const state = stateOf(key);
      const at = timers.now();
      // 429s answered to calls sent before the hold began belong to the same episode: one cut per hold.
      if (adaptive && at >= state.pausedUntil) {
        state.cutRate = Math.max(adaptive.minimum * limit.perSecond, rateAt(state, at) * adaptive.decrease);
      }
      state.pausedUntil = Math.max(state.pausedUntil, at + ms);
      state.recoverFrom = state.pausedUntil;
      // The bucket restarts empty: after the hold calls resume one interval apart, not in a burst.
      const interval = 1000 / rateAt(state, state.pausedUntil);
      state.nextAt = Math.max(state.nextAt, state.pausedUntil + (limit.burst - 1) * interval);
      if (state.timer !== undefined) {
        timers.clearTimeout(state.timer);
        state.timer = undefined;
      }
      if (state.waiters.length > 0) drain(state);
    },
    wentOut(key) {
      const state = states.get(key);
      if (!state) return;
      const at = timers.now();
      state.nextAt = Math.max(state.nextAt, at + 1000 / rateAt(state, at));
    },
    rate(key) {
      const state = states.get(key);
      return state ? rateAt(state, timers.now()) : limit.perSecond;
    },
  };
}
