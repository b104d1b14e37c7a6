import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a worker thread on `entry` and resolves once it posts its first message (it is loaded).
 * Workers run TypeScript through tsx like the CLI does; an eval bootstrap registers it first, with
 * tsx resolved from this package so it works from any working directory.
 */
export function startWorkerThread(entry: URL, resourceLimits: ResourceLimits = {}): Promise<Worker> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = entry.href.endsWith('.js')
    ? new Worker(entry, { resourceLimits })
    : new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true, resourceLimits });
  return new Promise((resolve, reject) => {
    const onExit = (code: number): void => reject(new Error(`a worker thread stopped while starting (exit code ${code})`));
    worker.once('message', () => {
      worker.off('error', reject);
      worker.off('exit', onExit);
      resolve(worker);
    });
    worker.once('error', reject);
    worker.once('exit', onExit);
  });
}
