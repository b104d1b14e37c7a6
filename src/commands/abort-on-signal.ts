/** Exit codes for a run stopped by a signal: 128 + the signal's number, as shells report it. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

export interface SignalAbort {
  readonly signal: AbortSignal;
  /** The signal that stopped the run, or null. */
  readonly received: () => keyof typeof SIGNAL_EXIT | null;
  /** Removes the handlers (the run is over). */
  readonly dispose: () => void;
}

/**
 * Ctrl-C and SIGTERM abort the run instead of killing the process, so the build can remove its
 * temporary folder and the PDF renderer can close Chromium. A second Ctrl-C exits at once.
 */
export function abortOnSignal(onFirst: (name: string) => void = () => {}): SignalAbort {
  const controller = new AbortController();
  let received: keyof typeof SIGNAL_EXIT | null = null;
  const handler = (name: keyof typeof SIGNAL_EXIT) => (): void => {
    if (received) process.exit(SIGNAL_EXIT[name]);
    received = name;
    onFirst(name);
    controller.abort(new Error(`stopped by ${name}`));
  };
  const onInt = handler('SIGINT');
  const onTerm = handler('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
