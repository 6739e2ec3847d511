// What the file commands (report, import, export) print, and how they end: light to import (no heavy modules).

export interface CommandOutput {
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
}

export const processOutput: CommandOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Exit codes: 0 done, 2 bad input (file, options, unknown workshop), 1 anything else (printed without a stack). */
export const EXIT_BAD_INPUT = 2;
export const EXIT_FAILED = 1;

/** A mistake in how the command was called. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * Prints an error the person can act on and returns the exit code. Bad files list every problem at its place;
 * refusals and usage errors are one line; a missing tool (Chromium, a font) says what to install.
 */
export async function reportFailure(error: unknown, output: CommandOutput, what: string): Promise<number> {
  const { WorkshopFileError, formatFileIssue } = await import("../io/workshop-files/errors.ts");
  if (error instanceof WorkshopFileError) {
    const n = error.issues.length;
    output.stderr(`${what} (${n} problem${n === 1 ? "" : "s"}):\n`);
    for (const issue of error.issues) output.stderr(`  error: ${formatFileIssue(issue)}\n`);
    return EXIT_BAD_INPUT;
  }
  const { Refusal } = await import("../app/refusal.ts");
  if (error instanceof UsageError || error instanceof Refusal) {
    output.stderr(`error: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  output.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT_FAILED;
}
