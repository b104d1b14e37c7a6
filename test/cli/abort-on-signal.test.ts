import { describe, expect, it } from 'vitest';
import { abortOnSignal, SIGNAL_EXIT } from '../../src/commands/abort-on-signal.js';

describe('abortOnSignal', () => {
  it('turns SIGTERM and SIGINT into an aborted signal and the shell exit codes 143 and 130', async () => {
    expect(SIGNAL_EXIT).toEqual({ SIGINT: 130, SIGTERM: 143 });
    const listeners = process.listenerCount('SIGTERM');
    const seen: string[] = [];
    const abort = abortOnSignal((name) => seen.push(name));
    try {
      expect(abort.signal.aborted).toBe(false);
      process.kill(process.pid, 'SIGTERM');
      await new Promise((resolve) => abort.signal.addEventListener('abort', resolve, { once: true }));
      expect(abort.received()).toBe('SIGTERM');
      expect(seen).toEqual(['SIGTERM']);
      expect(String(abort.signal.reason)).toContain('stopped by SIGTERM');
    } finally {
      abort.dispose();
    }
    // Disposed: the handlers are gone, so the process's own defaults apply again.
    expect(process.listenerCount('SIGTERM')).toBe(listeners);
  });
});
