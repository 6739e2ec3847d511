/** Nobody can be reached there: the person has no account in the workspace, or the workspace is unknown. */
export class UnreachablePersonError extends Error {
  /** Another attempt cannot help (the scheduler fails such a job at once). */
  readonly retryable = false;

  constructor(message: string) {
    super(message);
    this.name = "UnreachablePersonError";
  }
}
