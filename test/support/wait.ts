// Waiting in tests for something that will happen: the bot's work after an ack, a stand-in's record, a row in the
// store. Polling returns as soon as it holds, so the generous default costs nothing when green and keeps a loaded CI
// machine (2 cores, every test file's bot, database and stand-ins at once) from failing a test that was only slow.

/** Anything that goes through a real process, a stand-in or the database: one minute. */
export const patientMs = 60_000;

/** Polls until the condition holds (sync or async); throws after timeoutMs, naming what it waited for. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = patientMs,
  what = "the bot",
): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
