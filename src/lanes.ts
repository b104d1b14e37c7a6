/**
 * One lane's own resource — a worker thread, a browser page — handed one task at a time by
 * `runLanes`. What a crash, a timeout or a retry means is the lane's business: `run` recovers
 * from what it can and rejects with what it cannot.
 */
export interface Lane {
  /** Does the task at `index` (of the caller's task list). A rejection stops the run. */
  run(index: number): Promise<void>;
  /** Ends the lane's resource; called once when the lane stops, whether it finished or failed. */
  close(): Promise<void>;
  /**
   * Breaks off the task in progress (terminates a thread), called on abort and on another lane's
   * failure. Without it a lane finishes the task in hand and then stops.
   */
  interrupt?(): void;
}

export interface LaneRun {
  /** Task indices, in the order the lanes take them. */
  readonly order: readonly number[];
  /** How many lanes work at once. */
  readonly lanes: number;
  /** Opens one lane (starts its thread, say); a rejection counts as that lane's failure. */
  readonly open: () => Promise<Lane>;
  /** Ctrl-C: every lane is interrupted and the run throws the abort reason. */
  readonly signal?: AbortSignal;
}

/**
 * Runs tasks on `lanes` lanes that take the next index from one shared queue. The first failure
 * stops the run: no lane takes another task, lanes with `interrupt` are interrupted, and once every
 * lane is closed the failure is thrown (the abort reason when `signal` was aborted, since the other
 * failures then follow from it). Lanes are always closed before this returns.
 */
export async function runLanes(run: LaneRun): Promise<void> {
  run.signal?.throwIfAborted();
  const open = new Set<Lane>();
  let next = 0;
  let stopped = false;
  let cause: { readonly error: unknown } | null = null;
  const stop = (): void => {
    stopped = true;
    for (const lane of open) lane.interrupt?.();
  };
  const drive = async (): Promise<void> => {
    const lane = await run.open();
    open.add(lane);
    try {
      while (!stopped && next < run.order.length) {
        const index = run.order[next] as number;
        next += 1;
        await lane.run(index);
      }
    } finally {
      open.delete(lane);
      await lane.close();
    }
  };
  run.signal?.addEventListener('abort', stop, { once: true });
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, run.lanes) }, () =>
        drive().catch((error: unknown) => {
          cause ??= { error };
          stop();
        }),
      ),
    );
  } finally {
    run.signal?.removeEventListener('abort', stop);
  }
  run.signal?.throwIfAborted();
  if (cause) throw (cause as { readonly error: unknown }).error;
}
