// Time comes in through a Clock so every rule about "when" can be tested with a controllable one.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and then advances with real time (for benchmarks and multi-process tests). */
export function offsetClock(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}
