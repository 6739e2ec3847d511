// npm run bench:uploads — 200 held uploads against the Slack endpoint while a person runs commands.
// Each held upload declares a 1 MB body, sends the first 256 KB at once and then stalls (the cheapest way to make a
// server hold memory). Two kinds: without Slack's timestamp (refused from the headers), and with a fresh timestamp and
// a made-up signature (which only the body can disprove, so it must be read). Prints the server's memory growth
// (heap + external buffers, after a forced GC) and the ack latency of signed `/cluster help` commands, idle and
// while the uploads are held. The uploads come from a child process, so their own send buffers are not counted.
// Options: --uploads 200, --sent-kb 256, --commands 40.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { startSlackHarness, users } from "../support/slack-bot.ts";

const { values: flags } = parseArgs({
  options: {
    uploads: { type: "string", default: "200" },
    "sent-kb": { type: "string", default: "256" },
    commands: { type: "string", default: "40" },
  },
});
const uploadCount = Number(flags.uploads);
const holderPath = new URL("./upload-holder.ts", import.meta.url).pathname;
const sentBytes = Number(flags["sent-kb"]) * 1024;
const commandCount = Number(flags.commands);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc (npm run bench:uploads does)");

const harness = await startSlackHarness("pglite");
const port = Number(new URL(harness.botUrl).port);
try {
  console.log(`${uploadCount} held uploads, ${sentBytes / 1024} KB sent of 1 MB declared; ${commandCount} commands`);
  await commands(5);
  const idle = await commands(commandCount);
  print("idle", idle, 0);

  for (const kind of ["no timestamp", "fresh timestamp, forged signature"] as const) {
    const before = memory();
    const holder = await holdUploads(kind === "no timestamp" ? {} : forgedHeaders());
    const held = memory() - before;
    const during = await commands(commandCount);
    const stillOpen = await holder.openCount();
    print(kind, during, held, `${stillOpen}/${uploadCount} uploads still open after the commands`);
    await holder.stop();
  }
} finally {
  await harness.close();
}

function forgedHeaders(): Record<string, string> {
  return {
    "X-Slack-Signature": `v0=${"ab".repeat(32)}`,
    "X-Slack-Request-Timestamp": String(Math.floor(Date.now() / 1000)),
  };
}

/** A child process opens the uploads and holds them; it answers "open N" to "count" and exits on "stop". */
async function holdUploads(headers: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [holderPath, String(port), String(uploadCount), String(sentBytes), JSON.stringify(headers)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value ?? "");
  if ((await next()) !== "ready") throw new Error("the upload holder did not start");
  // Everything is on the wire; give the server a moment to read what it is going to read.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    async openCount() {
      child.stdin!.write("count\n");
      return Number((await next()).split(" ")[1]);
    },
    async stop() {
      child.stdin!.end("stop\n");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

async function commands(count: number): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const sent = await harness.slack.driver.slashCommand({
      command: "/cluster",
      text: "help",
      userId: users.ana,
      channelId: "C0GENERAL01",
    });
    if (sent.status !== 200) throw new Error(`a command was answered ${sent.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

function memory(): number {
  gc!();
  gc!();
  const usage = process.memoryUsage();
  if (process.env.BENCH_DEBUG) console.log(usage);
  return usage.heapUsed + usage.external;
}

function print(label: string, times: number[], grownBytes: number, note = ""): void {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1);
  const growth = label === "idle" ? "" : `, memory +${(grownBytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`${label.padEnd(36)} ack p50 ${at(50)} ms, p99 ${at(99)} ms${growth}${note ? `; ${note}` : ""}`);
}
