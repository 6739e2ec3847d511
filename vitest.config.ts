import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * The cores this process may really use: a container's CPU quota (cgroup v2 `cpu.max`) can be far below the host's
 * cores, which is all `availableParallelism()` (vitest's default of cores − 1 workers) sees.
 */
function usableCores(): number {
  const cores = availableParallelism();
  try {
    const [quota, period] = readFileSync("/sys/fs/cgroup/cpu.max", "utf8").trim().split(/\s+/);
    if (quota === undefined || quota === "max" || !period) return cores;
    return Math.max(1, Math.min(cores, Math.ceil(Number(quota) / Number(period))));
  } catch {
    return cores;
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generous for a loaded CI machine (2 cores, each file's bot, database, stand-ins and browser at once): a test
    // that takes 30 s idle can take 3–5 times as long there, and waits inside tests poll for up to 60 s
    // (test/support/wait.ts). A green test returns as soon as it is done, so this costs nothing.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: "forks",
    // vitest's own default (cores − 1; one file at a time on 2 cores), counted on the cores the quota allows.
    maxWorkers: Math.max(1, usableCores() - 1),
  },
});
