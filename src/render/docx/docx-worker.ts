import { parentPort } from 'node:worker_threads';
import { Diagnostics } from '../../diagnostics.js';
import { renderDocxTask, type DocxTask } from './docx-task.js';

/**
 * A Word document thread: makes the documents it is sent, one at a time, and posts back the bytes
 * (moved, not copied) with what it found. The build deduplicates those across documents.
 */
parentPort?.on('message', (message: { readonly id: number; readonly task: DocxTask }) => {
  void make(message.id, message.task);
});
// Loaded: the pool starts sending work.
parentPort?.postMessage({ ready: true });

async function make(id: number, task: DocxTask): Promise<void> {
  try {
    const diagnostics = new Diagnostics();
    const data = await renderDocxTask(task, diagnostics);
    const { buffer } = data;
    const movable = buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === buffer.byteLength;
    parentPort?.postMessage({ id, data, diagnostics: diagnostics.all }, movable ? [buffer] : []);
  } catch (error) {
    parentPort?.postMessage({ id, error: cloneable(error) });
  }
}

/** Errors cross threads with their name, message and stack; anything else as its text. */
function cloneable(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const copy = new Error(error.message);
  copy.name = error.name;
  if (error.stack !== undefined) copy.stack = error.stack;
  return copy;
}
