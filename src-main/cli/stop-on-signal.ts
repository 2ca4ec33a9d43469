// SIGHUP is what closing the terminal sends: without a handler Node exits on the
// spot and the last writes stay in the write-ahead log beside the database file.
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Keeps a server running until Ctrl+C, a closed terminal or a service manager's
 * SIGTERM, then stops it cleanly, so the database is one complete file again.
 */
export function stopOnSignal(stop: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    const onSignal = () => {
      for (const signal of stopSignals) process.off(signal, onSignal);
      stop().then(
        () => resolve(0),
        (error: unknown) => {
          console.error(`Ambassador did not stop cleanly: ${String(error)}`);
          resolve(1);
        },
      );
    };
    for (const signal of stopSignals) process.on(signal, onSignal);
  });
}
