// A running bot stops on Ctrl+C (SIGINT) or its service manager's SIGTERM, whichever comes first.

/** Resolves on the first SIGINT or SIGTERM; the listeners are removed then, so a second signal ends the process. */
export function untilStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
