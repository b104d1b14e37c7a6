/**
 * `work`, or the error `late()` makes once `ms` have passed. The work left behind is not cancelled:
 * the caller ends it (closes the page, kills the browser), and its failure then is expected, not an
 * unhandled rejection.
 */
export async function withinTime<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => undefined);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
