import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generous for a loaded CI machine (2 cores, each file's bot, database, stand-ins and browser at once): a test
    // that takes 30 s idle can take 3–5 times as long there, and waits inside tests poll for up to 60 s
    // (test/support/wait.ts). A green test returns as soon as it is done, so this costs nothing.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: "forks",
  },
});
