// A manual clock with timers for the rate limiter: time moves only when a test says so, and a test can make the
// event loop stall (timers due meanwhile fire together, late) or make every timer fire a little late.
import type { LimiterTimers } from "../../src/scheduler/rate-limiter.ts";

interface Pending {
  at: number;
  callback: () => void;
}

export interface FakeTimers extends LimiterTimers {
  /** Fires due timers in order (each `lateByMs` late) until none is due before `to`, then sets the time to `to`. */
  advanceTo(to: number, lateByMs?: number): Promise<void>;
  /** Moves the time on without firing anything: the event loop was busy for `ms`. */
  stall(ms: number): void;
}

/** Lets promise callbacks (a resolved `take`) run. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function fakeTimers(): FakeTimers {
  let now = 0;
  let lastId = 0;
  const pending = new Map<number, Pending>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      lastId += 1;
      pending.set(lastId, { at: now + Math.max(0, ms), callback });
      return lastId;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
    async advanceTo(to, lateByMs = 0) {
      for (;;) {
        await settle();
        let first: [number, Pending] | undefined;
        for (const entry of pending) if (!first || entry[1].at < first[1].at) first = entry;
        if (!first || Math.max(now, first[1].at + lateByMs) > to) break;
        pending.delete(first[0]);
        now = Math.max(now, first[1].at + lateByMs);
        first[1].callback();
      }
      now = Math.max(now, to);
      await settle();
    },
    stall(ms) {
      now += ms;
    },
  };
}
