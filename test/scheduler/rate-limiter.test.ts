// The token buckets on a manual clock: pacing, bursts, late timers, holds after a 429 and the adaptive rate.
import { describe, expect, it } from "vitest";
import { createRateLimiter, type KeyedRateLimiter } from "../../src/scheduler/rate-limiter.ts";
import { type FakeTimers, fakeTimers } from "./fake-timers.ts";

/** Starts `count` takes now; the returned array fills with the time each was let through. */
function takeMany(limiter: KeyedRateLimiter, timers: FakeTimers, key: string, count: number): number[] {
  const times: number[] = [];
  for (let index = 0; index < count; index++) void limiter.take(key).then(() => times.push(timers.now()));
  return times;
}

const gaps = (times: number[]): number[] => times.slice(1).map((time, index) => time - (times[index] ?? 0));

describe("rate limiter", () => {
  it("lets the burst through at once, then spaces calls at the configured rate", async () => {
    const timers = fakeTimers();
    const limiter = createRateLimiter({ perSecond: 100, burst: 3 }, timers);
    const times = takeMany(limiter, timers, "workspace", 10);
    await timers.advanceTo(1000);
    expect(times).toEqual([0, 0, 0, 10, 20, 30, 40, 50, 60, 70]);
  });

  it("resumes one interval apart after the event loop stalled, instead of sending the overdue calls in a bunch", async () => {
    const timers = fakeTimers();
    const limiter = createRateLimiter({ perSecond: 100, burst: 1 }, timers);
    const times = takeMany(limiter, timers, "workspace", 12);
    await timers.advanceTo(15);
    timers.stall(50); // calls due at 20, 30, 40, 50 and 60 are late
    await timers.advanceTo(1000);
    // The call due at 20 goes at 65, caught up by half an interval; the rest follow one interval apart.
    expect(times).toEqual([0, 10, 65, 70, 80, 90, 100, 110, 120, 130, 140, 150]);
  });

  it("keeps the pace when timers fire a few milliseconds late", async () => {
    const timers = fakeTimers();
    const limiter = createRateLimiter({ perSecond: 100, burst: 1 }, timers);
    const times = takeMany(limiter, timers, "workspace", 101);
    await timers.advanceTo(2000, 4);
    expect(times).toHaveLength(101);
    expect(times.at(-1)).toBe(1004); // 100 intervals of 10 ms, not 100 of 14
  });

  it("spaces the first calls after a quiet spell strictly (catching up is for late timers only)", async () => {
    const timers = fakeTimers();
    const limiter = createRateLimiter({ perSecond: 1, burst: 1 }, timers);
    const first = takeMany(limiter, timers, "conversation", 1);
    await timers.advanceTo(5000);
    const second = takeMany(limiter, timers, "conversation", 2);
    await timers.advanceTo(9000);
    expect(first).toEqual([0]);
    expect(second).toEqual([5000, 6000]);
  });

  it("holds a key after a 429, callers already waiting included, and leaves other keys alone", async () => {
    const timers = fakeTimers();
    const limiter = createRateLimiter({ perSecond: 100, burst: 4 }, timers);
    const first = takeMany(limiter, timers, "a", 5); // the burst of 4 goes, the fifth waits for 10
    await timers.advanceTo(5);
    const waiting = takeMany(limiter, timers, "a", 2);
    limiter.pause("a", 1000);
    const other = takeMany(limiter, timers, "b", 1);
    await timers.advanceTo(3000);
    expect(other).toEqual([5]);
    // After the hold the bucket starts empty: one interval apart, no burst.
    expect(first).toEqual([0, 0, 0, 0, 1005]);
    expect(waiting).toEqual([1015, 1025]);
  });

  it("keeps a fixed rate when not adaptive", () => {
    const timers = fakeTimers();
    const limiter = createRateLimiter({ perSecond: 100, burst: 1 }, timers);
    limiter.pause("a", 1000);
    expect(limiter.rate("a")).toBe(100);
  });

  it("cuts the rate on a 429 and climbs back to the configured rate after the hold (AIMD)", async () => {
    const timers = fakeTimers();
    const adaptive = { decrease: 0.5, minimum: 0.25, recoveryPerSecond: 0.1 };
    const limiter = createRateLimiter({ perSecond: 100, burst: 1, adaptive }, timers);
    limiter.pause("a", 1000);
    expect(limiter.rate("a")).toBe(50);
    expect(limiter.rate("b")).toBe(100);
    await timers.advanceTo(1000);
    expect(limiter.rate("a")).toBe(50); // no climbing during the hold
    await timers.advanceTo(2000);
    expect(limiter.rate("a")).toBeCloseTo(60);
    await timers.advanceTo(6000);
    expect(limiter.rate("a")).toBe(100);
    await timers.advanceTo(9000);
    expect(limiter.rate("a")).toBe(100);
  });

  it("paces calls after a 429 at the lowered rate", async () => {
    const timers = fakeTimers();
    const adaptive = { decrease: 0.5, minimum: 0.25, recoveryPerSecond: 0.1 };
    const limiter = createRateLimiter({ perSecond: 100, burst: 1, adaptive }, timers);
    const times = takeMany(limiter, timers, "a", 4);
    limiter.pause("a", 1000);
    await timers.advanceTo(5000);
    expect(times[0]).toBe(0);
    expect(times[1]).toBe(1000);
    for (const gap of gaps(times.slice(1))) {
      expect(gap).toBeGreaterThan(19);
      expect(gap).toBeLessThanOrEqual(20);
    }
  });

  it("cuts once for the 429s of one hold, again for a later one, and not below the minimum", async () => {
    const timers = fakeTimers();
    const adaptive = { decrease: 0.5, minimum: 0.2, recoveryPerSecond: 0.1 };
    const limiter = createRateLimiter({ perSecond: 100, burst: 1, adaptive }, timers);
    limiter.pause("a", 1000);
    await timers.advanceTo(10);
    limiter.pause("a", 1000); // answered to a call sent before the hold: same episode
    expect(limiter.rate("a")).toBe(50);
    await timers.advanceTo(1510); // the hold ended at 1010; +5 since
    limiter.pause("a", 1000);
    expect(limiter.rate("a")).toBeCloseTo(27.5);
    await timers.advanceTo(2510);
    limiter.pause("a", 1000);
    expect(limiter.rate("a")).toBe(20);
  });

  it("rejects limits it cannot keep", () => {
    expect(() => createRateLimiter({ perSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => createRateLimiter({ perSecond: 1, burst: 0.5 })).toThrow(RangeError);
    const adaptive = { decrease: 1, minimum: 0.5, recoveryPerSecond: 0.1 };
    expect(() => createRateLimiter({ perSecond: 1, burst: 1, adaptive })).toThrow(RangeError);
  });
});
